import type { z } from 'zod'
import { parsePublishedParams } from '../rules/action-params'
import { compileRule, compileSlotted, type SlotPredicate } from '../rules/compile'
import { RuleIndex } from '../rules/rule-index'
import type { RuleProperties } from '../rules/rule-types'
import { factsOf } from '../rules/validate'
import { type Fraction, fraction } from './money-math'
import { type PricingActionType, pricingActionSchemas } from './pricing-actions'
import { isLineFact } from './pricing-facts'

/** A pricing action with its numbers already exact fractions, so quoting parses nothing. */
export type CompiledAction =
  | { type: 'priceList'; priceListId: string }
  | {
      type: 'markup' | 'discount'
      percent: Fraction | null
      percentText: string | null
      amount: Fraction | null
      amountText: string | null
      currency: string | null
      reason: string | null
    }
  | {
      type: 'volumeBreaks'
      basis: 'line' | 'sku' | 'order'
      /** Highest minQty first. */
      breaks: {
        minQty: number
        percent: Fraction | null
        percentText: string | null
        amount: Fraction | null
        price: Fraction | null
        text: string
      }[]
      currency: string | null
    }
  | {
      type: 'round'
      ending: string
      every: string
      direction: 'up' | 'down' | 'nearest'
      /** The ending in minor units per currency, filled on first use (null: not expressible). */
      inCurrency: Map<string, { ending: number; every: number } | null>
    }
  | {
      type: 'floor'
      percent: Fraction | null
      percentText: string | null
      amount: Fraction | null
      amountText: string | null
      currency: string | null
    }

export interface PricingRule {
  name: string
  /** Position in application order: priority high to low, then as listed. */
  rank: number
  priority: number
  line: boolean
  action: CompiledAction
  /** Line rules: the conditions over the rule set's fact slots. */
  slotTest: SlotPredicate
}

export interface PricingSettings {
  /** Zone for order.placedHour and order.placedWeekday. */
  timezone: string
}

/** A published (or simulated) pricing version, compiled once into closures; shared read-only. */
export interface CompiledPricing {
  ruleSetId: string | null
  versionId: string | null
  version: number | null
  settings: PricingSettings
  /** Every rule in application order. */
  rules: readonly PricingRule[]
  /** Order rules (no line facts), indexed on an equality condition each; evaluated once per quote. */
  orderIndex: RuleIndex
  orderRuleOf: ReadonlyMap<unknown, PricingRule>
  hasLineRules: boolean
  slotCount: number
  /** [slot, fact] for the facts line rules read, split by what fills them. */
  orderSlots: readonly [number, string][]
  lineSlots: readonly [number, string][]
}

const text = (n: number | undefined) => (n === undefined ? null : String(n))

function compileAction(rule: RuleProperties, index: number): CompiledAction {
  const type = rule.event.type as PricingActionType
  const schema = pricingActionSchemas[type]
  if (!schema) throw new Error(`rule ${rule.name ?? index}: unknown pricing action '${rule.event.type}'`)
  const p = parsePublishedParams(schema as z.ZodType, rule.event.params) as Record<string, unknown>
  switch (type) {
    case 'priceList':
      return { type, priceListId: p.priceListId as string }
    case 'markup':
    case 'discount':
      return {
        type,
        percent: p.percent === undefined ? null : fraction(p.percent as number),
        percentText: text(p.percent as number | undefined),
        amount: p.amount === undefined ? null : fraction(p.amount as string),
        amountText: (p.amount as string | undefined) ?? null,
        currency: (p.currency as string | undefined) ?? null,
        reason: (p.reason as string | undefined) ?? null,
      }
    case 'volumeBreaks': {
      const breaks = (p.breaks as { minQty: number; percent?: number; amount?: string; price?: string }[])
        .map((b) => ({
          minQty: b.minQty,
          percent: b.percent === undefined ? null : fraction(b.percent),
          percentText: text(b.percent),
          amount: b.amount === undefined ? null : fraction(b.amount),
          price: b.price === undefined ? null : fraction(b.price),
          text:
            b.percent !== undefined
              ? `${b.percent}% off`
              : b.amount !== undefined
                ? `${b.amount} off each unit`
                : `unit price ${b.price}`,
        }))
        .sort((a, b) => b.minQty - a.minQty)
      return {
        type,
        basis: (p.basis as 'line' | 'sku' | 'order' | undefined) ?? 'line',
        breaks,
        currency: (p.currency as string | undefined) ?? null,
      }
    }
    case 'round': {
      const ending = p.ending as string
      return {
        type,
        ending: ending === 'whole' ? '0' : ending.startsWith('.') ? `0${ending}` : ending,
        every: (p.every as string | undefined) ?? '1',
        direction: (p.direction as 'up' | 'down' | 'nearest' | undefined) ?? 'up',
        inCurrency: new Map(),
      }
    }
    case 'floor':
      return {
        type,
        percent: p.minMarginPercent === undefined ? null : fraction(p.minMarginPercent as number),
        percentText: text(p.minMarginPercent as number | undefined),
        amount: p.minMarginAmount === undefined ? null : fraction(p.minMarginAmount as string),
        amountText: (p.minMarginAmount as string | undefined) ?? null,
        currency: (p.currency as string | undefined) ?? null,
      }
  }
}

export const defaultPricingSettings: PricingSettings = { timezone: 'UTC' }

/**
 * Compiles a pricing version into closures (the same compiler as sourcing; no json-rules-engine
 * Engine anywhere on this path). The rules must have passed `validatePricingRules`; one that still
 * does not compile throws here, never while quoting.
 */
export function compilePricing(
  rules: readonly RuleProperties[],
  meta: {
    ruleSetId?: string | null
    versionId?: string | null
    version?: number | null
    settings?: Partial<PricingSettings> | null
  } = {},
): CompiledPricing {
  const slots = new Map<string, number>()
  const slotOf = (fact: string) => {
    let i = slots.get(fact)
    if (i === undefined) {
      i = slots.size
      slots.set(fact, i)
    }
    return i
  }
  const compiled = rules.map((rule, index) => {
    const c = compileRule(rule, index)
    const line = [...factsOf(rule.conditions)].some(isLineFact)
    return {
      c,
      line,
      action: compileAction(rule, index),
      slotTest: line ? compileSlotted(rule.conditions, c.name, slotOf) : () => false,
    }
  })
  compiled.sort((a, b) => b.c.priority - a.c.priority || a.c.index - b.c.index)
  const all: PricingRule[] = compiled.map((x, rank) => ({
    name: x.c.name,
    rank,
    priority: x.c.priority,
    line: x.line,
    action: x.action,
    slotTest: x.slotTest,
  }))
  const orderCompiled = compiled.filter((x) => !x.line)
  const orderRuleOf = new Map<unknown, PricingRule>(
    orderCompiled.map((x) => [x.c, all[compiled.indexOf(x)]!] as const),
  )
  return {
    ruleSetId: meta.ruleSetId ?? null,
    versionId: meta.versionId ?? null,
    version: meta.version ?? null,
    settings: { ...defaultPricingSettings, ...(meta.settings ?? {}) },
    rules: all,
    orderIndex: new RuleIndex(orderCompiled.map((x) => x.c)),
    orderRuleOf,
    hasLineRules: all.some((r) => r.line),
    slotCount: slots.size,
    orderSlots: [...slots].filter(([f]) => !isLineFact(f)).map(([f, i]) => [i, f]),
    lineSlots: [...slots].filter(([f]) => isLineFact(f)).map(([f, i]) => [i, f]),
  }
}

/** No published pricing rule set: prices come from contracts and price lists as they are. */
export const noPricingRules: CompiledPricing = compilePricing([])
