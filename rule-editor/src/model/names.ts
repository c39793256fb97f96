import { ruleNameOf } from './compile-graph'
import { describeAction, type Names } from './describe'
import type { GraphDoc } from './graph-types'

/**
 * What an analyst calls each rule of a graph: a strategy by its label, an action by what it does
 * ("Ship only from locations tagged hazmat-licensed"). The hub's explanations name rules by their
 * json-rules-engine name, which the editor makes the node id (`restrict-vwwfj`); nobody should
 * have to read those.
 */
export interface RuleNames {
  /** Rule name → label. */
  rules: Map<string, string>
  /** Strategy id (a plan's `strategy`) → label. */
  strategies: Map<string, string>
}

export function ruleNames(doc: GraphDoc | null, names?: Names): RuleNames {
  const rules = new Map<string, string>()
  const strategies = new Map<string, string>()
  for (const n of doc?.nodes ?? []) {
    if (n.type !== 'strategy' && n.type !== 'action') continue
    const p = n.data.event.params ?? {}
    const label =
      n.type === 'strategy'
        ? `strategy ${String(p.label ?? p.id ?? n.id)}`
        : describeAction(n.data.event.type, p, false, names)
    const name = ruleNameOf(n) ?? n.id
    rules.set(name, label)
    if (n.type === 'strategy') strategies.set(String(p.id ?? n.id), String(p.label ?? p.id ?? n.id))
  }
  return { rules, strategies }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The hub's text with every rule name replaced by its label in quotes: "Excluded: Wellington
 * store (restrict-vwwfj)" reads "Excluded: Wellington store (‘Ship only from …’)". Names are
 * matched whole (ids hold dashes), longest first, so one never eats part of another.
 */
export function withRuleLabels(text: string, labels: ReadonlyMap<string, string>): string {
  const keys = [...labels.keys()].filter((k) => k && labels.get(k) !== k).sort((a, b) => b.length - a.length)
  if (keys.length === 0) return text
  const re = new RegExp(`(?<![\\w-])(?:rule )?(${keys.map(escapeRegExp).join('|')})(?![\\w-])`, 'g')
  return text.replace(re, (_, key: string) => `‘${labels.get(key)}’`)
}

/** A rule's label, or its name when the graph has no such rule (a rule of another version). */
export const ruleLabel = (labels: ReadonlyMap<string, string>, rule: string) => labels.get(rule) ?? rule

/** Location and price list names from the hub's value lists, by id. */
export function catalogueNames(values: {
  locations: { id: string; name: string }[]
  priceLists?: { id: string; name: string }[]
}): Map<string, string> {
  return new Map([...values.locations, ...(values.priceLists ?? [])].map((x) => [x.id, x.name]))
}
