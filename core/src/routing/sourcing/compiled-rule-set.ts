import type { z } from 'zod'
import { parsePublishedParams } from '../../rules/action-params'
import { type CompiledRule, compileRule, compileSlotted, type SlotPredicate } from '../../rules/compile'
import { RuleIndex } from '../../rules/rule-index'
import type { RuleProperties } from '../../rules/rule-types'
import { type ActionType, actionSchemas, type SourcingAction } from '../../rules/sourcing-actions'
import { type RuleScope, scopeOf } from '../../rules/validate'

export interface SourcingRule {
  compiled: CompiledRule
  scope: RuleScope
  action: SourcingAction
  /** Line and location rules: the conditions over the rule set's fact slots (see `layout`). */
  slotTest: SlotPredicate
}

/** One slot per fact line and location rules test, so evaluating them per line and location allocates nothing. */
export interface SlotLayout {
  size: number
  order: readonly [number, string][]
  line: readonly [number, string][]
  location: readonly [number, string][]
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
  layout: SlotLayout
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
  const slots = new Map<string, number>()
  const slotOf = (fact: string) => {
    let i = slots.get(fact)
    if (i === undefined) {
      i = slots.size
      slots.set(fact, i)
    }
    return i
  }
  const all: SourcingRule[] = rules.map((rule, index) => {
    const type = rule.event.type as ActionType
    const schema = actionSchemas[type]
    if (!schema) throw new Error(`rule ${rule.name ?? index}: unknown action '${rule.event.type}'`)
    const params = parsePublishedParams(schema as z.ZodType, rule.event.params)
    const scope = scopeOf(rule)
    const compiled = compileRule(rule, index)
    return {
      compiled,
      scope,
      action: { type, params } as SourcingAction,
      slotTest: scope === 'order' ? () => false : compileSlotted(rule.conditions, compiled.name, slotOf),
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
    layout: {
      size: slots.size,
      order: [...slots]
        .filter(([f]) => !f.startsWith('line.') && !f.startsWith('location.'))
        .map(([f, i]) => [i, f]),
      line: [...slots].filter(([f]) => f.startsWith('line.')).map(([f, i]) => [i, f]),
      location: [...slots].filter(([f]) => f.startsWith('location.')).map(([f, i]) => [i, f]),
    },
  }
}

/** No published rule set: the built-in default strategy and fallback, with service-level weights. */
export const builtInRuleSet: CompiledRuleSet = compileRuleSet([])
