import { decoratorsByType, type FactDefinition, operatorsByType } from './fact-catalog'
import { baseOperatorOf, decoratorsOf, resolveOperator } from './operators'
import {
  type Condition,
  isAll,
  isAny,
  isFactReference,
  isNot,
  type LeafCondition,
  type RuleProperties,
} from './rule-types'

/** One problem in a rule set, naming the rule (editor node id) and, where it applies, the condition. */
export interface RuleIssue {
  code: string
  rule: string
  condition?: string
  /** Where in the submitted JSON: `rules[2].conditions.all[0].operator`. */
  field: string
  message: string
}

/** What exists, so rules can be checked against it. */
export interface MasterData {
  locations: readonly { id: string; type: string; tags: readonly string[] }[]
  channels?: readonly string[]
}

function typeOk(def: FactDefinition, value: unknown, base: string, valueDecorated: boolean): string | null {
  const scalarOk = (v: unknown): boolean => {
    if (v === null) return def.nullable || base === 'notEqual' || base === 'equal'
    if (def.type === 'string' || def.type === 'string[]') return typeof v === 'string'
    if (def.type === 'number') return typeof v === 'number' && Number.isFinite(v)
    return typeof v === 'boolean'
  }
  const expectsList = base === 'in' || base === 'notIn'
  const one = (v: unknown): boolean => (expectsList ? Array.isArray(v) && v.every(scalarOk) : scalarOk(v))
  if (valueDecorated)
    return Array.isArray(value) && value.every(one)
      ? null
      : `must be a list of ${expectsList ? 'lists of ' : ''}${def.type === 'string[]' ? 'string' : def.type} values`
  if (one(value)) return null
  const what = def.type === 'string[]' ? 'string' : def.type
  return expectsList
    ? `must be a list of ${what} values for '${base}'`
    : `must be a ${what} to compare with ${def.id}`
}

interface Ctx {
  errors: RuleIssue[]
  rule: string
  master: MasterData | undefined
  /** The fact catalogue conditions are checked against: sourcing's, or another kind's own. */
  facts: ReadonlyMap<string, FactDefinition>
}

function checkCondition(c: Condition, field: string, ctx: Ctx): void {
  if (isAll(c) || isAny(c)) {
    const list = isAll(c) ? c.all : (c as { any: Condition[] }).any
    list.forEach((x, i) => {
      checkCondition(x, `${field}.${isAll(c) ? 'all' : 'any'}[${i}]`, ctx)
    })
    return
  }
  if (isNot(c)) {
    if (Array.isArray(c.not))
      ctx.errors.push({
        code: 'NOT_TAKES_ONE',
        rule: ctx.rule,
        ...(c.name ? { condition: c.name } : {}),
        field: `${field}.not`,
        message: "'not' takes one condition, not a list",
      })
    else checkCondition(c.not, `${field}.not`, ctx)
    return
  }
  const leaf = c as LeafCondition
  const condition = leaf.name ?? leaf.fact
  const issue = (code: string, f: string, message: string) =>
    ctx.errors.push({ code, rule: ctx.rule, condition, field: `${field}${f}`, message })
  const def = ctx.facts.get(leaf.fact)
  if (!def) {
    issue('UNKNOWN_FACT', '.fact', `unknown fact '${leaf.fact}'; see GET /api/v1/rules/facts`)
    return
  }
  if (leaf.path !== undefined)
    issue('PATH_NOT_SUPPORTED', '.path', `fact '${leaf.fact}' is a plain value; 'path' does not apply`)
  if (leaf.params !== undefined)
    issue('PARAMS_NOT_SUPPORTED', '.params', `fact '${leaf.fact}' takes no params`)
  if (!resolveOperator(leaf.operator)) {
    issue('UNKNOWN_OPERATOR', '.operator', `unknown operator '${leaf.operator}'`)
    return
  }
  const base = baseOperatorOf(leaf.operator)!
  const decorators = decoratorsOf(leaf.operator)
  if (!operatorsByType[def.type].includes(base)) {
    issue(
      'OPERATOR_TYPE_MISMATCH',
      '.operator',
      `'${base}' does not fit ${def.type} fact '${def.id}'; use one of ${operatorsByType[def.type].join(', ')}`,
    )
    return
  }
  const badDecorator = decorators.find((d) => !decoratorsByType[def.type].includes(d))
  if (badDecorator) {
    issue(
      'OPERATOR_TYPE_MISMATCH',
      '.operator',
      `decorator '${badDecorator}' does not fit ${def.type} fact '${def.id}'`,
    )
    return
  }
  const valueDecorated = decorators.some((d) => d === 'someValue' || d === 'everyValue')
  if (isFactReference(leaf.value)) {
    const other = ctx.facts.get(leaf.value.fact)
    if (!other) issue('UNKNOWN_FACT', '.value.fact', `unknown fact '${leaf.value.fact}'`)
    else if (other.type !== def.type || valueDecorated || base === 'in' || base === 'notIn')
      issue(
        'VALUE_TYPE_MISMATCH',
        '.value',
        `fact '${other.id}' (${other.type}) cannot be compared with '${def.id}' (${def.type}) by '${leaf.operator}'`,
      )
    return
  }
  const problem = typeOk(def, leaf.value, base, valueDecorated)
  if (problem) {
    issue('VALUE_TYPE_MISMATCH', '.value', problem)
    return
  }
  const master = ctx.master
  if (!master) return
  const values = (
    valueDecorated || base === 'in' || base === 'notIn'
      ? ([] as unknown[]).concat(leaf.value).flat()
      : [leaf.value]
  ).filter((v) => typeof v === 'string') as string[]
  if (def.values === 'locations') {
    const known = new Set(master.locations.map((l) => l.id))
    for (const v of values) if (!known.has(v)) issue('UNKNOWN_LOCATION', '.value', `no location '${v}'`)
  }
  if (def.values === 'tags') {
    const known = new Set(master.locations.flatMap((l) => l.tags))
    for (const v of values) if (!known.has(v)) issue('UNKNOWN_TAG', '.value', `no location has tag '${v}'`)
  }
  if (def.values === 'channels' && master.channels) {
    const known = new Set(master.channels)
    for (const v of values)
      if (!known.has(v)) issue('UNKNOWN_CHANNEL', '.value', `no channel instance '${v}'`)
  }
}

/**
 * Checks one rule's conditions against a fact catalogue (sourcing's, or pricing's own): unknown
 * facts, operators and values that do not fit, locations, tags and channels that do not exist.
 * Also says why the rule can never fire, if it cannot.
 */
export function checkRuleConditions(
  rule: RuleProperties,
  index: number,
  facts: ReadonlyMap<string, FactDefinition>,
  master?: MasterData,
): { errors: RuleIssue[]; never: string | null } {
  const ctx: Ctx = { errors: [], rule: rule.name ?? `rule[${index}]`, master, facts }
  const field = `rules[${index}]`
  const c = rule.conditions as Condition
  if (isNot(c)) checkCondition(c, `${field}.conditions`, ctx)
  else
    (isAll(c) ? c.all : (c as { any: Condition[] }).any).forEach((x, i) => {
      checkCondition(x, `${field}.conditions.${isAll(c) ? 'all' : 'any'}[${i}]`, ctx)
    })
  return { errors: ctx.errors, never: impossible(c) }
}

/** Leaves an `all` requires, by fact: the values it pins with `equal`/`in`, to spot contradictions. */
function impossible(c: Condition): string | null {
  if (isAny(c)) {
    if (c.any.length === 0) return null
    const reasons = c.any.map(impossible)
    return reasons.every((r) => r !== null) ? reasons[0]! : null
  }
  if (isNot(c)) return null
  if (!isAll(c)) {
    const leaf = c as LeafCondition
    if (leaf.operator === 'in' && Array.isArray(leaf.value) && leaf.value.length === 0)
      return `'${leaf.name ?? leaf.fact}' tests 'in' an empty list`
    return null
  }
  const allowed = new Map<string, Set<unknown>>()
  for (const x of c.all) {
    const inner = impossible(x)
    if (inner) return inner
    if (isAll(x) || isAny(x) || isNot(x)) continue
    const leaf = x as LeafCondition
    if (isFactReference(leaf.value)) continue
    let set: Set<unknown> | null = null
    if (leaf.operator === 'equal') set = new Set([leaf.value])
    else if (leaf.operator === 'in' && Array.isArray(leaf.value)) set = new Set(leaf.value)
    if (set) {
      const prev = allowed.get(leaf.fact)
      const next = prev ? new Set([...set].filter((v) => prev.has(v))) : set
      if (next.size === 0)
        return `conditions on '${leaf.fact}' contradict each other (no value satisfies all of them)`
      allowed.set(leaf.fact, next)
    }
  }
  for (const x of c.all) {
    if (isAll(x) || isAny(x) || isNot(x)) continue
    const leaf = x as LeafCondition
    const pinned = allowed.get(leaf.fact)
    if (pinned && leaf.operator === 'notEqual' && pinned.size === 1 && pinned.has(leaf.value))
      return `conditions on '${leaf.fact}' contradict each other ('${leaf.name ?? leaf.fact}' excludes the only value allowed)`
    if (
      pinned &&
      leaf.operator === 'notIn' &&
      Array.isArray(leaf.value) &&
      [...pinned].every((v) => (leaf.value as unknown[]).includes(v))
    )
      return `conditions on '${leaf.fact}' contradict each other ('${leaf.name ?? leaf.fact}' excludes every value allowed)`
  }
  return null
}
