import { compileSlotted, type SlotPredicate } from '../../rules/compile'
import type { Condition } from '../../rules/rule-types'
import { factsOf } from '../../rules/validate'
import type { SlotLayout, SourcingRule } from './compiled-rule-set'

const gates = new WeakMap<SourcingRule, SlotPredicate | null>()
const slotMaps = new WeakMap<SlotLayout, Map<string, number>>()

/**
 * Whether a location or line-at-location rule can hold anywhere for this order: the parts of its
 * top-level `all` that read only order facts, tested once on the slots' order facts. When they
 * fail, the whole `all` fails at every location (an `express`-only rule on a standard order), so
 * no location needs its facts laid out or the rule tested. True for a rule without such parts.
 */
export function orderGateHolds(r: SourcingRule, layout: SlotLayout, values: readonly unknown[]): boolean {
  let gate = gates.get(r)
  if (gate === undefined) {
    gate = compileGate(r, layout)
    gates.set(r, gate)
  }
  return gate === null || gate(values)
}

function compileGate(r: SourcingRule, layout: SlotLayout): SlotPredicate | null {
  const c = r.compiled.rule.conditions as Condition
  if (!('all' in c) || !Array.isArray(c.all)) return null
  const orderOnly = c.all.filter((part) =>
    [...factsOf(part)].every((f) => !f.startsWith('line.') && !f.startsWith('location.')),
  )
  if (orderOnly.length === 0) return null
  let slots = slotMaps.get(layout)
  if (!slots) {
    slots = new Map([...layout.order, ...layout.line, ...layout.location].map(([i, f]) => [f, i]))
    slotMaps.set(layout, slots)
  }
  const at = slots
  // Every fact of these parts is an order fact of this rule, so the layout has its slot.
  return compileSlotted({ all: orderOnly } as Condition, r.compiled.name, (f) => at.get(f) ?? -1)
}
