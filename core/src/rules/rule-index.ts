import { type CompiledRule, compileSlotted, type Facts, type SlotPredicate } from './compile'
import { isAll, isAny, isFactReference, isNot, type LeafCondition, type RuleProperties } from './rule-types'

/**
 * Rules indexed by one equality condition each (`fact equal v` or `fact in [...]` directly under a
 * top-level `all`), so an evaluation tests only the rules whose key value matches, plus the rules
 * with no such key. The full conditions are still tested, so the result is exactly
 * `evaluateCompiled`'s: the index only skips rules that cannot fire (lookups use the same
 * strict equality, and JSON values hold no NaN).
 */
export class RuleIndex {
  private readonly need: Uint8Array
  private readonly groups: { fact: string; byValue: Map<unknown, number[]> }[] = []
  private readonly stamp: Uint32Array
  private readonly count: Uint8Array
  private generation = 0
  private readonly factNames: string[] = []
  private readonly slots: unknown[] = []
  private readonly tests: SlotPredicate[]

  constructor(readonly rules: readonly CompiledRule[]) {
    this.stamp = new Uint32Array(rules.length)
    this.count = new Uint8Array(rules.length)
    this.need = new Uint8Array(rules.length)
    const slotIndex = new Map<string, number>()
    const slotOf = (fact: string) => {
      let i = slotIndex.get(fact)
      if (i === undefined) {
        i = this.factNames.length
        slotIndex.set(fact, i)
        this.factNames.push(fact)
      }
      return i
    }
    this.tests = rules.map((r) => compileSlotted(r.rule.conditions, r.name, slotOf))
    const byFact = new Map<string, Map<unknown, number[]>>()
    rules.forEach((r, i) => {
      const keys = indexKeys(r.rule)
      this.need[i] = keys.length
      for (const key of keys) {
        let map = byFact.get(key.fact)
        if (!map) {
          map = new Map()
          byFact.set(key.fact, map)
        }
        for (const v of new Set(key.values)) {
          const list = map.get(v) ?? []
          list.push(i)
          map.set(v, list)
        }
      }
    })
    for (const [fact, byValue] of byFact) this.groups.push({ fact, byValue })
  }

  evaluate(facts: Facts): CompiledRule[] {
    const slots = this.slots
    const names = this.factNames
    for (let k = 0; k < names.length; k++) slots[k] = facts[names[k]!]
    const gen = ++this.generation
    const { stamp, count, need } = this
    for (const g of this.groups) {
      const hit = g.byValue.get(facts[g.fact])
      if (!hit) continue
      for (const i of hit) {
        if (stamp[i] !== gen) {
          stamp[i] = gen
          count[i] = 0
        }
        count[i]!++
      }
    }
    const fired: CompiledRule[] = []
    const rules = this.rules
    const tests = this.tests
    for (let i = 0; i < rules.length; i++) {
      const n = need[i]!
      if (n !== 0 && (stamp[i] !== gen || count[i] !== n)) continue
      if (tests[i]!(slots)) fired.push(rules[i]!)
    }
    return fired
  }
}

/** Equality conditions directly under a top-level `all`, at most 8: each must match for the rule to fire. */
function indexKeys(rule: RuleProperties): { fact: string; values: unknown[] }[] {
  const c = rule.conditions
  if (!isAll(c)) return []
  const keys: { fact: string; values: unknown[] }[] = []
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v)
  for (const x of c.all) {
    if (keys.length >= 8) break
    if (isAll(x) || isAny(x) || isNot(x)) continue
    const leaf = x as LeafCondition
    if (leaf.path !== undefined || isFactReference(leaf.value)) continue
    if (leaf.operator === 'equal' && scalar(leaf.value)) keys.push({ fact: leaf.fact, values: [leaf.value] })
    else if (leaf.operator === 'in' && Array.isArray(leaf.value) && leaf.value.every(scalar))
      keys.push({ fact: leaf.fact, values: leaf.value })
  }
  return keys
}
