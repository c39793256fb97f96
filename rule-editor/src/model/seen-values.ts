import type { Catalogue, FactInfo } from './catalogue'
import { type Condition, isAll, isAny, isNot, type LeafCondition } from './core-rules'
import type { GraphDoc } from './graph-types'

/**
 * Facts whose values are open (any string may come) but known in practice: the hub lists the ones
 * it has seen on customers, orders, products and locations. The inspector offers them in a
 * combobox, and a typed value none of them has is flagged ("no customer has tier 'premuim'"),
 * since a rule that tests a misspelt value silently never fires.
 */
interface SeenSet {
  values: (v: Catalogue['values']) => readonly string[]
  /** The warning for a value nothing has. */
  nothing: (value: string) => string
}

const seenSets: Record<string, SeenSet> = {
  'order.customerTier': { values: (v) => v.tiers, nothing: (x) => `no customer has tier '${x}'` },
  'order.customerSegment': {
    values: (v) => v.segments ?? [],
    nothing: (x) => `no customer has segment '${x}'`,
  },
  'order.tags': {
    values: (v) => v.orderTags ?? [],
    nothing: (x) => `no recent order is tagged '${x}'`,
  },
  'order.currency': {
    values: (v) => v.currencies ?? [],
    nothing: (x) => `no recent order is in '${x}'`,
  },
  'order.country': { values: (v) => v.countries, nothing: (x) => `no location or lane knows country '${x}'` },
  'location.country': { values: (v) => v.countries, nothing: (x) => `no location is in country '${x}'` },
  'order.categories': { values: (v) => v.categories, nothing: (x) => `no product has category '${x}'` },
  'line.category': { values: (v) => v.categories, nothing: (x) => `no product has category '${x}'` },
  'location.tags': { values: (v) => v.tags, nothing: (x) => `no location is tagged '${x}'` },
  'line.tags': { values: (v) => v.productTags ?? [], nothing: (x) => `no product is tagged '${x}'` },
  'order.productTags': {
    values: (v) => v.productTags ?? [],
    nothing: (x) => `no product is tagged '${x}'`,
  },
}

/** The values seen for a fact, or null when its values are not an open-but-known set. */
export function seenValues(cat: Catalogue, fact: Pick<FactInfo, 'id'> | undefined): readonly string[] | null {
  const set = fact && seenSets[fact.id]
  return set ? set.values(cat.values) : null
}

/** Why a value is suspicious: nothing the hub has seen has it. Null when it is seen, or nothing is known. */
export function unseenMessage(cat: Catalogue, factId: string, value: unknown): string | null {
  const set = seenSets[factId]
  if (!set) return null
  const known = set.values(cat.values)
  // An empty list means the hub has seen nothing yet (a fresh hub): no warning to give.
  if (known.length === 0) return null
  const values = (Array.isArray(value) ? value : [value]).filter(
    (x): x is string => typeof x === 'string' && x !== '',
  )
  const lower = new Set(known.map((k) => k.toLowerCase()))
  const missing = values.filter((x) => !lower.has(x.toLowerCase()))
  return missing.length ? missing.map(set.nothing).join('; ') : null
}

function leaves(c: Condition, out: LeafCondition[] = []): LeafCondition[] {
  if (isAll(c)) for (const x of c.all) leaves(x, out)
  else if (isAny(c)) for (const x of c.any) leaves(x, out)
  else if (isNot(c)) leaves(c.not, out)
  else out.push(c as LeafCondition)
  return out
}

/** A warning per condition (or group) node testing a value nothing has, for the problems list. */
export function unseenValueWarnings(doc: GraphDoc, cat: Catalogue): { nodeId: string; message: string }[] {
  const out: { nodeId: string; message: string }[] = []
  for (const n of doc.nodes) {
    const tested =
      n.type === 'condition' ? [n.data.leaf as LeafCondition] : n.type === 'group' ? leaves(n.data.tree) : []
    for (const leaf of tested) {
      const m = unseenMessage(cat, leaf.fact, leaf.value)
      if (m) out.push({ nodeId: n.id, message: `Value never seen: ${m}` })
    }
  }
  return out
}
