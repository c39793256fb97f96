// biome-ignore-all lint/suspicious/noExplicitAny: json-rules-engine's operators take any values; these mirror them exactly
/**
 * json-rules-engine's operators and operator decorators, re-implemented with the same expressions
 * and the same fact-value validators (engine-default-operators.js, engine-default-operator-
 * decorators.js, operator-map.js in 7.3), so a compiled condition answers exactly what the engine
 * answers, including its quirks (`in` on a string value is a substring test; `lessThan` accepts a
 * numeric-looking string).
 */
export type OperatorFn = (factValue: any, jsonValue: any) => boolean

interface OperatorDef {
  cb: OperatorFn
  validator: (factValue: any) => boolean
}

const always = () => true
const numberValidator = (factValue: any) => Number.parseFloat(factValue).toString() !== 'NaN'

const BASE: Record<string, OperatorDef> = {
  equal: { cb: (a, b) => a === b, validator: always },
  notEqual: { cb: (a, b) => a !== b, validator: always },
  in: { cb: (a, b) => b.indexOf(a) > -1, validator: always },
  notIn: { cb: (a, b) => b.indexOf(a) === -1, validator: always },
  contains: { cb: (a, b) => a.indexOf(b) > -1, validator: Array.isArray },
  doesNotContain: { cb: (a, b) => a.indexOf(b) === -1, validator: Array.isArray },
  lessThan: { cb: (a, b) => a < b, validator: numberValidator },
  lessThanInclusive: { cb: (a, b) => a <= b, validator: numberValidator },
  greaterThan: { cb: (a, b) => a > b, validator: numberValidator },
  greaterThanInclusive: { cb: (a, b) => a >= b, validator: numberValidator },
}

type DecoratorCb = (factValue: any, jsonValue: any, next: OperatorFn) => boolean
const DECORATORS: Record<string, { cb: DecoratorCb; validator: (factValue: any) => boolean }> = {
  someFact: { cb: (f, j, next) => f.some((fv: unknown) => next(fv, j)), validator: Array.isArray },
  someValue: { cb: (f, j, next) => j.some((jv: unknown) => next(f, jv)), validator: always },
  everyFact: { cb: (f, j, next) => f.every((fv: unknown) => next(fv, j)), validator: Array.isArray },
  everyValue: { cb: (f, j, next) => j.every((jv: unknown) => next(f, jv)), validator: always },
  swap: { cb: (f, j, next) => next(j, f), validator: always },
  not: { cb: (f, j, next) => !next(f, j), validator: always },
}

export const baseOperators = Object.keys(BASE)
export const operatorDecorators = Object.keys(DECORATORS)

const cache = new Map<string, OperatorFn | null>()

/** The operator a name denotes (`not:contains`, `everyFact:greaterThan`…), or null if unknown. */
export function resolveOperator(name: string): OperatorFn | null {
  if (cache.has(name)) return cache.get(name)!
  const decorators: (typeof DECORATORS)[string][] = []
  let rest = name
  while (!Object.hasOwn(BASE, rest)) {
    const i = rest.indexOf(':')
    if (i <= 0) {
      cache.set(name, null)
      return null
    }
    const d = DECORATORS[rest.slice(0, i)]
    if (!d || !Object.hasOwn(DECORATORS, rest.slice(0, i))) {
      cache.set(name, null)
      return null
    }
    decorators.unshift(d)
    rest = rest.slice(i + 1)
  }
  const base = BASE[rest]!
  let op: OperatorFn = (f, j) => base.validator(f) && base.cb(f, j)
  for (const d of decorators) {
    const next = op
    op = (f, j) => d.validator(f) && d.cb(f, j, next)
  }
  cache.set(name, op)
  return op
}

/** The undecorated operator a name ends in: what the value's type is checked against. */
export function baseOperatorOf(name: string): string | null {
  const last = name.split(':').pop()!
  return Object.hasOwn(BASE, last) ? last : null
}

/** The decorators a name starts with, outermost first. */
export function decoratorsOf(name: string): string[] {
  return name.split(':').slice(0, -1)
}
