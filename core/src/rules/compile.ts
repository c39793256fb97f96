import { resolveOperator } from './operators'
import {
  type Condition,
  type FactReference,
  isAll,
  isAny,
  isFactReference,
  isNot,
  type JsonValue,
  type LeafCondition,
  type RuleProperties,
} from './rule-types'

/** Facts for one evaluation: a flat record, as json-rules-engine receives runtime facts. */
export type Facts = Readonly<Record<string, unknown>>
export type Predicate = (facts: Facts) => boolean

export class RuleCompileError extends Error {
  constructor(
    message: string,
    readonly rule: string,
    readonly condition: string,
  ) {
    super(message)
    this.name = 'RuleCompileError'
  }
}

const SIMPLE_PATH = /^\$((\.[A-Za-z_][A-Za-z0-9_]*)|(\[\d+\]))+$/

/**
 * A path accessor for the `$.a.b[0]` subset of JSONPath. json-rules-engine resolves `path` with
 * jsonpath-plus (wrap: false), which for such paths returns the single value found, or undefined.
 */
export function pathAccessor(path: string): ((value: unknown) => unknown) | null {
  if (!SIMPLE_PATH.test(path)) return null
  const keys = [...path.slice(1).matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)].map((m) =>
    m[1] !== undefined ? m[1] : Number(m[2]),
  )
  return (value) => {
    let v: unknown = value
    for (const k of keys) {
      if (v === null || typeof v !== 'object') return undefined
      if (!Object.hasOwn(v as object, k)) return undefined
      v = (v as Record<string | number, unknown>)[k]
    }
    return v
  }
}

type Getter = (facts: Facts) => unknown

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  lessThan: (a, b) => a < b,
  lessThanInclusive: (a, b) => a <= b,
  greaterThan: (a, b) => a > b,
  greaterThanInclusive: (a, b) => a >= b,
}

function factGetter(
  fact: string,
  path: string | undefined,
  where: { rule: string; condition: string },
): Getter {
  if (!path) return (facts) => facts[fact]
  const access = pathAccessor(path)
  if (!access)
    throw new RuleCompileError(`unsupported path '${path}' (use $.a.b)`, where.rule, where.condition)
  return (facts) => {
    const v = facts[fact]
    // Like the engine: a path into a non-object leaves the fact value as it is.
    return v !== null && typeof v === 'object' ? access(v) : v
  }
}

function compileLeaf(c: LeafCondition, rule: string): Predicate {
  const where = { rule, condition: c.name ?? c.fact }
  const op = resolveOperator(c.operator)
  if (!op) throw new RuleCompileError(`unknown operator '${c.operator}'`, where.rule, where.condition)
  const left = factGetter(c.fact, c.path, where)
  if (isFactReference(c.value)) {
    const ref = c.value as FactReference
    const right = factGetter(ref.fact, ref.path, where)
    return (facts) => op(left(facts), right(facts))
  }
  const value = c.value as JsonValue
  // The common shapes get a closure without the generic call, which is most of the speed.
  if (!c.path) {
    const fact = c.fact
    switch (c.operator) {
      case 'equal':
        return (facts) => facts[fact] === value
      case 'notEqual':
        return (facts) => facts[fact] !== value
      case 'in': {
        const list = value as unknown[]
        return (facts) => list.indexOf(facts[fact]) > -1
      }
      case 'notIn': {
        const list = value as unknown[]
        return (facts) => list.indexOf(facts[fact]) === -1
      }
      case 'contains':
        return (facts) => {
          const f = facts[fact]
          return Array.isArray(f) && f.indexOf(value) > -1
        }
      case 'doesNotContain':
        return (facts) => {
          const f = facts[fact]
          return Array.isArray(f) && f.indexOf(value) === -1
        }
      case 'lessThan':
      case 'lessThanInclusive':
      case 'greaterThan':
      case 'greaterThanInclusive':
        if (typeof value === 'number') {
          const cmp = COMPARE[c.operator]!
          return (facts) => {
            const f = facts[fact]
            // A number fact needs no parseFloat round trip (NaN is the one number the engine
            // refuses); anything else takes the engine's own path.
            if (typeof f === 'number') return !Number.isNaN(f) && cmp(f, value)
            return op(f, value)
          }
        }
    }
    return (facts) => op(facts[fact], value)
  }
  return (facts) => op(left(facts), value)
}

function compileCondition(c: Condition, rule: string): Predicate {
  if (isAll(c)) {
    const parts = c.all.map((x) => compileCondition(x, rule))
    if (parts.length === 0) return () => true
    if (parts.length === 1) return parts[0]!
    if (parts.length === 2) {
      const [a, b] = parts as [Predicate, Predicate]
      return (f) => a(f) && b(f)
    }
    return (f) => {
      for (const p of parts) if (!p(f)) return false
      return true
    }
  }
  if (isAny(c)) {
    const parts = c.any.map((x) => compileCondition(x, rule))
    // json-rules-engine treats an empty `any` as passing, like an empty `all`.
    if (parts.length === 0) return () => true
    if (parts.length === 1) return parts[0]!
    if (parts.length === 2) {
      const [a, b] = parts as [Predicate, Predicate]
      return (f) => a(f) || b(f)
    }
    return (f) => {
      for (const p of parts) if (p(f)) return true
      return false
    }
  }
  if (isNot(c)) {
    const inner = compileCondition(c.not, rule)
    return (f) => !inner(f)
  }
  return compileLeaf(c as LeafCondition, rule)
}

/** A leaf condition that decided an outcome, with the value the fact had. */
export interface LeafReason {
  condition: string
  fact: string
  operator: string
  value: unknown
  factValue: unknown
}

type Explainer = (facts: Facts, wanted: boolean, out: LeafReason[]) => void

export interface CompiledRule {
  index: number
  name: string
  priority: number
  rule: RuleProperties
  test: Predicate
  /**
   * The leaf conditions that made the rule come out `wanted` (true: why it fired), with the fact
   * values seen; the same leaves `decisiveLeaves(traceCondition(...))` finds, without the trace.
   */
  explain(facts: Facts, wanted?: boolean): LeafReason[]
}

function compileExplainer(c: Condition, rule: string): { test: Predicate; explain: Explainer } {
  if (isAll(c) || isAny(c)) {
    const kids = (isAll(c) ? c.all : (c as { any: Condition[] }).any).map((x) => compileExplainer(x, rule))
    return {
      test: compileCondition(c, rule),
      explain: (f, wanted, out) => {
        for (const k of kids) if (k.test(f) === wanted) k.explain(f, wanted, out)
      },
    }
  }
  if (isNot(c)) {
    const inner = compileExplainer(c.not, rule)
    return { test: compileCondition(c, rule), explain: (f, wanted, out) => inner.explain(f, !wanted, out) }
  }
  const leaf = c as LeafCondition
  const where = { rule, condition: leaf.name ?? leaf.fact }
  const left = factGetter(leaf.fact, leaf.path, where)
  const right = isFactReference(leaf.value)
    ? factGetter((leaf.value as FactReference).fact, (leaf.value as FactReference).path, where)
    : () => leaf.value
  const test = compileLeaf(leaf, rule)
  return {
    test,
    explain: (f, wanted, out) => {
      if (test(f) !== wanted) return
      out.push({
        condition: leaf.name ?? leaf.fact,
        fact: leaf.fact,
        operator: leaf.operator,
        value: right(f),
        factValue: left(f),
      })
    },
  }
}

export function ruleName(rule: RuleProperties, index: number): string {
  return rule.name === undefined || rule.name === null ? `rule[${index}]` : String(rule.name)
}

/** Compiles one rule's conditions into a closure. No eval, no `new Function`. */
export function compileRule(rule: RuleProperties, index: number): CompiledRule {
  const name = ruleName(rule, index)
  let explainer: Explainer | undefined
  return {
    index,
    name,
    priority: rule.priority ?? 1,
    rule,
    test: compileCondition(rule.conditions, name),
    explain(facts, wanted = true) {
      explainer ??= compileExplainer(rule.conditions, name).explain
      const out: LeafReason[] = []
      explainer(facts, wanted, out)
      return out
    },
  }
}

/**
 * Rules in the order json-rules-engine settles them: priority high to low, then as listed. The
 * engine never stops early here, so every rule is evaluated, as in a `run()` without `stop()`.
 */
export function compileRules(rules: readonly RuleProperties[]): CompiledRule[] {
  return rules.map(compileRule).sort((a, b) => b.priority - a.priority || a.index - b.index)
}

export type SlotPredicate = (slots: readonly unknown[]) => boolean

/**
 * The same conditions compiled against an array of fact values (one slot per fact) instead of a
 * record: every leaf reads `slots[i]`, which stays fast however many facts and rules there are,
 * where record lookups by many different keys from one call site go megamorphic.
 */
export function compileSlotted(c: Condition, rule: string, slotOf: (fact: string) => number): SlotPredicate {
  if (isAll(c) || isAny(c)) {
    const all = isAll(c)
    const parts = (all ? c.all : (c as { any: Condition[] }).any).map((x) => compileSlotted(x, rule, slotOf))
    if (parts.length === 0) return () => true
    if (parts.length === 1) return parts[0]!
    const [a, b, c3, d] = parts as [SlotPredicate, SlotPredicate, SlotPredicate, SlotPredicate]
    if (parts.length === 2) return all ? (s) => a(s) && b(s) : (s) => a(s) || b(s)
    if (parts.length === 3) return all ? (s) => a(s) && b(s) && c3(s) : (s) => a(s) || b(s) || c3(s)
    if (parts.length === 4)
      return all ? (s) => a(s) && b(s) && c3(s) && d(s) : (s) => a(s) || b(s) || c3(s) || d(s)
    if (all)
      return (s) => {
        for (const p of parts) if (!p(s)) return false
        return true
      }
    return (s) => {
      for (const p of parts) if (p(s)) return true
      return false
    }
  }
  if (isNot(c)) {
    const inner = compileSlotted(c.not, rule, slotOf)
    return (s) => !inner(s)
  }
  const leaf = c as LeafCondition
  const where = { rule, condition: leaf.name ?? leaf.fact }
  const op = resolveOperator(leaf.operator)
  if (!op) throw new RuleCompileError(`unknown operator '${leaf.operator}'`, where.rule, where.condition)
  const i = slotOf(leaf.fact)
  const access = leaf.path ? pathAccessor(leaf.path) : null
  if (leaf.path && !access)
    throw new RuleCompileError(`unsupported path '${leaf.path}' (use $.a.b)`, where.rule, where.condition)
  const left: (s: readonly unknown[]) => unknown = access
    ? (s) => {
        const v = s[i]
        return v !== null && typeof v === 'object' ? access(v) : v
      }
    : (s) => s[i]
  if (isFactReference(leaf.value)) {
    const ref = leaf.value as FactReference
    const j = slotOf(ref.fact)
    const refAccess = ref.path ? pathAccessor(ref.path) : null
    const right = refAccess
      ? (s: readonly unknown[]) => {
          const v = s[j]
          return v !== null && typeof v === 'object' ? refAccess(v) : v
        }
      : (s: readonly unknown[]) => s[j]
    return (s) => op(left(s), right(s))
  }
  const value = leaf.value as JsonValue
  if (!access) {
    switch (leaf.operator) {
      case 'equal':
        return (s) => s[i] === value
      case 'notEqual':
        return (s) => s[i] !== value
      case 'in': {
        const list = value as unknown[]
        return (s) => list.indexOf(s[i]) > -1
      }
      case 'notIn': {
        const list = value as unknown[]
        return (s) => list.indexOf(s[i]) === -1
      }
      case 'contains':
        return (s) => {
          const f = s[i]
          return Array.isArray(f) && f.indexOf(value) > -1
        }
      case 'doesNotContain':
        return (s) => {
          const f = s[i]
          return Array.isArray(f) && f.indexOf(value) === -1
        }
      case 'lessThan':
      case 'lessThanInclusive':
      case 'greaterThan':
      case 'greaterThanInclusive':
        if (typeof value === 'number') {
          const cmp = COMPARE[leaf.operator]!
          return (s) => {
            const f = s[i]
            if (typeof f === 'number') return !Number.isNaN(f) && cmp(f, value)
            return op(f, value)
          }
        }
    }
  }
  return (s) => op(left(s), value)
}

/** The rules whose conditions hold for these facts, in priority order. */
export function evaluateCompiled(rules: readonly CompiledRule[], facts: Facts): CompiledRule[] {
  const fired: CompiledRule[] = []
  for (const r of rules) if (r.test(facts)) fired.push(r)
  return fired
}

/** One evaluated condition, for explanations: which node, which fact, what it held, and the outcome. */
export interface ConditionTrace {
  name?: string
  kind: 'all' | 'any' | 'not' | 'fact'
  result: boolean
  fact?: string
  path?: string
  operator?: string
  value?: unknown
  factResult?: unknown
  valueResult?: unknown
  children?: ConditionTrace[]
}

/**
 * Evaluates a condition tree and records every node's outcome, as json-rules-engine's
 * `RuleResult.conditions` would. Used only to explain rules that matter, never on the hot path.
 */
export function traceCondition(c: Condition, facts: Facts, rule = ''): ConditionTrace {
  if (isAll(c) || isAny(c)) {
    const all = isAll(c)
    const children = (all ? c.all : (c as { any: Condition[] }).any).map((x) =>
      traceCondition(x, facts, rule),
    )
    const result =
      children.length === 0 ? true : all ? children.every((x) => x.result) : children.some((x) => x.result)
    return { ...(c.name ? { name: c.name } : {}), kind: all ? 'all' : 'any', result, children }
  }
  if (isNot(c)) {
    const inner = traceCondition(c.not, facts, rule)
    return { ...(c.name ? { name: c.name } : {}), kind: 'not', result: !inner.result, children: [inner] }
  }
  const leaf = c as LeafCondition
  const where = { rule, condition: leaf.name ?? leaf.fact }
  const factResult = factGetter(leaf.fact, leaf.path, where)(facts)
  const valueResult = isFactReference(leaf.value)
    ? factGetter((leaf.value as FactReference).fact, (leaf.value as FactReference).path, where)(facts)
    : leaf.value
  const op = resolveOperator(leaf.operator)
  return {
    ...(leaf.name ? { name: leaf.name } : {}),
    kind: 'fact',
    fact: leaf.fact,
    ...(leaf.path ? { path: leaf.path } : {}),
    operator: leaf.operator,
    value: leaf.value,
    factResult,
    valueResult,
    result: op ? op(factResult, valueResult) : false,
  }
}

/** The leaf conditions that made a trace come out the way it did, for a short explanation. */
export function decisiveLeaves(t: ConditionTrace, wanted = t.result): ConditionTrace[] {
  if (t.kind === 'fact') return t.result === wanted ? [t] : []
  if (t.kind === 'not') return decisiveLeaves(t.children![0]!, !wanted)
  const kids = t.children ?? []
  return kids.flatMap((k) => (k.result === wanted ? decisiveLeaves(k, wanted) : []))
}
