import { formatPath } from '@switchyard/plugin-sdk/issues'
import { z } from 'zod'
import { checkParams } from './action-params'
import { checkRuleConditions, type MasterData, type RuleIssue } from './check-conditions'
import { factsById } from './fact-catalog'
import {
  type Condition,
  isAll,
  isAny,
  isFactReference,
  isNot,
  type LeafCondition,
  type RuleProperties,
} from './rule-types'
import { type ActionType, actionSchemas, actionTypes, orderOnlyActions } from './sourcing-actions'

export type { MasterData, RuleIssue }

export interface ValidationReport {
  valid: boolean
  errors: RuleIssue[]
  warnings: RuleIssue[]
}

const conditionShape: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z
      .object({
        all: z.array(conditionShape),
        name: z.string().optional(),
        priority: z.number().int().min(1).optional(),
      })
      .strict(),
    z
      .object({
        any: z.array(conditionShape),
        name: z.string().optional(),
        priority: z.number().int().min(1).optional(),
      })
      .strict(),
    z
      .object({
        not: conditionShape,
        name: z.string().optional(),
        priority: z.number().int().min(1).optional(),
      })
      .strict(),
    z
      .object({
        fact: z.string().min(1),
        operator: z.string().min(1),
        value: z.unknown().refine((v) => v !== undefined, 'is required'),
        path: z.string().optional(),
        params: z.record(z.string(), z.unknown()).optional(),
        name: z.string().optional(),
        priority: z.number().int().min(1).optional(),
      })
      .strict(),
  ]),
)

/** The json-rules-engine rule shape (structure only; meaning is checked by `validateRules`). */
export const ruleShape = z.object({
  name: z.string().min(1).max(200).optional(),
  priority: z.number().int().min(1).max(1_000_000).optional(),
  conditions: z.union([
    z.object({ all: z.array(conditionShape) }).passthrough(),
    z.object({ any: z.array(conditionShape) }).passthrough(),
    z.object({ not: conditionShape }).passthrough(),
  ]),
  event: z.object({ type: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() }),
})
export const rulesShape = z.array(ruleShape).max(10_000)

/**
 * The json-rules-engine shape check every rule set kind starts with: null when the input is an
 * array of rules, else one INVALID_SHAPE issue per problem, naming the rule and the field.
 */
export function shapeIssues(input: unknown): RuleIssue[] | null {
  const shape = rulesShape.safeParse(input)
  if (shape.success) return null
  return shape.error.issues.map((i) => {
    const index = typeof i.path[0] === 'number' ? i.path[0] : undefined
    const rule =
      index !== undefined && Array.isArray(input)
        ? ((input[index] as { name?: string })?.name ?? `rule[${index}]`)
        : '(rules)'
    return { code: 'INVALID_SHAPE', rule, field: formatPath(['rules', ...i.path]), message: i.message }
  })
}

export type RuleScope = 'order' | 'line' | 'location' | 'lineLocation'

/** Which facts a condition tree tests. */
export function factsOf(c: Condition, out = new Set<string>()): Set<string> {
  if (isAll(c)) for (const x of c.all) factsOf(x, out)
  else if (isAny(c)) for (const x of c.any) factsOf(x, out)
  else if (isNot(c)) factsOf(c.not, out)
  else {
    const leaf = c as LeafCondition
    out.add(leaf.fact)
    if (isFactReference(leaf.value)) out.add(leaf.value.fact)
  }
  return out
}

/** How often a rule is evaluated: per order, per line, per candidate location, or per line at each location. */
export function scopeOf(rule: RuleProperties): RuleScope {
  let line = false
  let location = false
  for (const id of factsOf(rule.conditions)) {
    const scope = factsById.get(id)?.scope ?? 'order'
    if (scope === 'line') line = true
    if (scope === 'location') location = true
    if (id === 'location.stockForLine') line = true
  }
  return line && location ? 'lineLocation' : line ? 'line' : location ? 'location' : 'order'
}

/**
 * Checks a sourcing rule set before it is saved or published: shape, facts, operators that fit the
 * fact's type, values of the right type, known locations, tags and channels, event parameters,
 * strategies that can never apply. Every issue names the rule and the condition.
 */
export function validateRules(input: unknown, master?: MasterData): ValidationReport {
  const errors: RuleIssue[] = []
  const warnings: RuleIssue[] = []
  const shapeErrors = shapeIssues(input)
  if (shapeErrors) return { valid: false, errors: shapeErrors, warnings }
  const rules = input as RuleProperties[]
  const names = new Map<string, number>()
  const strategies: {
    index: number
    rule: string
    id: string
    fallback: boolean
    unconditional: boolean
    sequence: number
    split: boolean
  }[] = []
  const splitRules: { rule: string; strategies: readonly string[] | undefined }[] = []
  rules.forEach((rule, index) => {
    const name = rule.name ?? `rule[${index}]`
    const field = `rules[${index}]`
    if (rule.name !== undefined) {
      if (names.has(rule.name))
        errors.push({
          code: 'DUPLICATE_RULE_NAME',
          rule: name,
          field: `${field}.name`,
          message: `rule name '${rule.name}' is used twice (names carry editor node ids)`,
        })
      names.set(rule.name, index)
    }
    const c = rule.conditions as Condition
    const conditions = checkRuleConditions(rule, index, factsById, master)
    errors.push(...conditions.errors)
    const type = rule.event.type as ActionType
    if (!actionTypes.includes(type)) {
      errors.push({
        code: 'UNKNOWN_ACTION',
        rule: name,
        field: `${field}.event.type`,
        message: `unknown action '${rule.event.type}'; one of ${actionTypes.join(', ')}`,
      })
      return
    }
    const params = checkParams(actionSchemas[type], rule.event.params)
    if (!params.ok) {
      for (const i of params.issues)
        errors.push({
          code: 'INVALID_ACTION',
          rule: name,
          field: formatPath([field, 'event', 'params', ...i.path]),
          message: i.message,
        })
      return
    }
    const scope = scopeOf(rule)
    if (orderOnlyActions.includes(type) && scope !== 'order')
      errors.push({
        code: 'SCOPE_MISMATCH',
        rule: name,
        field: `${field}.conditions`,
        message: `a '${type}' rule decides for the whole order, so its conditions may test only order facts`,
      })
    if (type === 'shipTogether' && (scope === 'location' || scope === 'lineLocation'))
      errors.push({
        code: 'SCOPE_MISMATCH',
        rule: name,
        field: `${field}.conditions`,
        message: "a 'shipTogether' rule groups lines; it may not test location facts",
      })
    const p = params.data as Record<string, unknown>
    if (master) {
      const knownLocations = new Set(master.locations.map((l) => l.id))
      const knownTags = new Set(master.locations.flatMap((l) => l.tags))
      const lists: [string, unknown][] = [
        ['', p],
        ['.filters', (p as { filters?: unknown }).filters],
      ]
      for (const [prefix, obj] of lists) {
        if (!obj || typeof obj !== 'object') continue
        const o = obj as { locations?: string[]; tags?: string[] }
        o.locations?.forEach((l, i) => {
          if (!knownLocations.has(l))
            errors.push({
              code: 'UNKNOWN_LOCATION',
              rule: name,
              field: `${field}.event.params${prefix}.locations[${i}]`,
              message: `no location '${l}'`,
            })
        })
        o.tags?.forEach((t, i) => {
          if (!knownTags.has(t))
            errors.push({
              code: 'UNKNOWN_TAG',
              rule: name,
              field: `${field}.event.params${prefix}.tags[${i}]`,
              message: `no location has tag '${t}'`,
            })
        })
      }
    }
    const never = conditions.never
    if (never)
      (type === 'strategy' ? errors : warnings).push({
        code: type === 'strategy' ? 'STRATEGY_NEVER_APPLIES' : 'RULE_NEVER_FIRES',
        rule: name,
        field: `${field}.conditions`,
        message: `${type === 'strategy' ? 'strategy' : 'rule'} can never apply: ${never}`,
      })
    if (type === 'split')
      splitRules.push({ rule: name, strategies: (p as { strategies?: string[] }).strategies })
    if (type === 'strategy') {
      const s = p as {
        id: string
        fallback?: boolean
        sequence?: number
        filters?: { tags?: string[]; types?: string[]; locations?: string[] }
      }
      if (strategies.some((x) => x.id === s.id))
        errors.push({
          code: 'DUPLICATE_STRATEGY',
          rule: name,
          field: `${field}.event.params.id`,
          message: `strategy id '${s.id}' is used twice`,
        })
      const unconditional = (isAll(c) && c.all.length === 0) || (isAny(c) && c.any.length === 0)
      strategies.push({
        index,
        rule: name,
        id: s.id,
        fallback: Boolean(s.fallback),
        unconditional,
        sequence: s.sequence ?? index,
        split: (p as { split?: unknown }).split !== undefined,
      })
      if (master && s.filters) {
        const f = s.filters
        const fits = master.locations.filter(
          (l) =>
            (!f.tags || f.tags.every((t) => l.tags.includes(t))) &&
            (!f.types || f.types.includes(l.type)) &&
            (!f.locations || f.locations.includes(l.id)),
        )
        if (fits.length === 0)
          errors.push({
            code: 'STRATEGY_NEVER_APPLIES',
            rule: name,
            field: `${field}.event.params.filters`,
            message: 'strategy can never apply: no location passes its filters',
          })
      }
    }
  })
  // A split rule is more specific than a strategy's own split settings and replaces them when it
  // fires (routing/sourcing/split-policy.ts): say so where the strategy's settings are written.
  for (const s of strategies) {
    if (!s.split) continue
    const over = splitRules
      .filter((r) => !r.strategies || r.strategies.includes(s.id))
      .map((r) => `'${r.rule}'`)
    if (over.length > 0)
      warnings.push({
        code: 'SPLIT_OVERRIDDEN',
        rule: s.rule,
        field: `rules[${s.index}].event.params.split`,
        message: `split rule${over.length === 1 ? '' : 's'} ${over.join(', ')} override${over.length === 1 ? 's' : ''} strategy '${s.id}''s split settings when ${over.length === 1 ? 'it fires' : 'they fire'}`,
      })
  }
  const fallbacks = strategies
    .filter((s) => s.fallback)
    .sort((a, b) => a.sequence - b.sequence || a.index - b.index)
  const firstAlways = fallbacks.findIndex((s) => s.unconditional)
  if (firstAlways >= 0)
    for (const s of fallbacks.slice(firstAlways + 1))
      errors.push({
        code: 'STRATEGY_NEVER_APPLIES',
        rule: s.rule,
        field: `rules[${s.index}]`,
        message: `fallback '${s.id}' can never apply: fallback '${fallbacks[firstAlways]!.id}' comes first and always applies`,
      })
  if (strategies.length > 0 && fallbacks.length === 0)
    warnings.push({
      code: 'NO_FALLBACK',
      rule: '(rules)',
      field: 'rules',
      message:
        'no fallback strategy: orders no strategy can fill whole are backordered with the built-in fallback',
    })
  return { valid: errors.length === 0, errors, warnings }
}
