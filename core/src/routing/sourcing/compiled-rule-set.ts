import { type CompiledRule, compileRule, RuleIndex } from '../../rules/compile'
import type { RuleProperties } from '../../rules/rule-types'
import { type ActionType, actionSchemas, type SourcingAction } from '../../rules/sourcing-actions'
import { type RuleScope, scopeOf } from '../../rules/validate'

export interface SourcingRule {
  compiled: CompiledRule
  scope: RuleScope
  action: SourcingAction
}

export interface RuleSetSettings {
  /** Zone for order.placedHour and order.placedWeekday. */
  timezone: string
}

/** A published (or simulated) version, compiled once: rules grouped by how often they are evaluated. */
export interface CompiledRuleSet {
  ruleSetId: string | null
  versionId: string | null
  version: number | null
  settings: RuleSetSettings
  rules: readonly RuleProperties[]
  order: readonly SourcingRule[]
  /** The order rules, indexed on an equality condition each: what intake evaluates. */
  orderIndex: { evaluate(facts: Record<string, unknown>): readonly SourcingRule[] }
  line: readonly SourcingRule[]
  location: readonly SourcingRule[]
  lineLocation: readonly SourcingRule[]
  hasStrategies: boolean
}

export const defaultSettings: RuleSetSettings = { timezone: 'UTC' }

/**
 * Compiles a version's rules into closures. The rules must have passed `validateRules` (publish
 * refuses otherwise); a rule that still does not compile throws here, never at intake.
 */
export function compileRuleSet(
  rules: readonly RuleProperties[],
  meta: {
    ruleSetId?: string | null
    versionId?: string | null
    version?: number | null
    settings?: Partial<RuleSetSettings> | null
  } = {},
): CompiledRuleSet {
  const all: SourcingRule[] = rules.map((rule, index) => {
    const type = rule.event.type as ActionType
    const schema = actionSchemas[type]
    if (!schema) throw new Error(`rule ${rule.name ?? index}: unknown action '${rule.event.type}'`)
    const params = schema.parse(rule.event.params ?? {})
    return {
      compiled: compileRule(rule, index),
      scope: scopeOf(rule),
      action: { type, params } as SourcingAction,
    }
  })
  all.sort((a, b) => b.compiled.priority - a.compiled.priority || a.compiled.index - b.compiled.index)
  const order = all.filter((r) => r.scope === 'order')
  const index = new RuleIndex(order.map((r) => r.compiled))
  const bySource = new Map(order.map((r) => [r.compiled, r]))
  return {
    ruleSetId: meta.ruleSetId ?? null,
    versionId: meta.versionId ?? null,
    version: meta.version ?? null,
    settings: { ...defaultSettings, ...(meta.settings ?? {}) },
    rules,
    order,
    orderIndex: {
      evaluate(facts) {
        return index.evaluate(facts).map((c) => bySource.get(c)!)
      },
    },
    line: all.filter((r) => r.scope === 'line'),
    location: all.filter((r) => r.scope === 'location'),
    lineLocation: all.filter((r) => r.scope === 'lineLocation'),
    hasStrategies: all.some((r) => r.action.type === 'strategy'),
  }
}

/** No published rule set: the built-in default strategy and fallback, with service-level weights. */
export const builtInRuleSet: CompiledRuleSet = compileRuleSet([])
