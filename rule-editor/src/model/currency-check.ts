import type { Catalogue } from './catalogue'
import { type Condition, isAll, isAny, isNot, type LeafCondition } from './core-rules'
import type { GraphDoc } from './graph-types'

/**
 * Money facts (order total, line price…) are compared in each order's own currency, unconverted:
 * "total over 5,000" holds for 5,000 NZD and for 5,000 AUD alike. Where the hub has seen orders in
 * more than one currency, a money condition with no currency condition before it is flagged, so
 * the analyst states the rule: one threshold per currency, each behind a currency test.
 */
function leaves(c: Condition, out: LeafCondition[] = []): LeafCondition[] {
  if (isAll(c)) for (const x of c.all) leaves(x, out)
  else if (isAny(c)) for (const x of c.any) leaves(x, out)
  else if (isNot(c)) leaves(c.not, out)
  else out.push(c as LeafCondition)
  return out
}

const tested = (doc: GraphDoc, id: string): LeafCondition[] => {
  const n = doc.nodes.find((x) => x.id === id)
  return n?.type === 'condition'
    ? [n.data.leaf as LeafCondition]
    : n?.type === 'group'
      ? leaves(n.data.tree)
      : []
}

/** Whether a currency condition is on some path into the node, or in the node itself. */
function currencyStated(doc: GraphDoc, id: string): boolean {
  const seen = new Set<string>([id])
  const stack = [id]
  while (stack.length) {
    const at = stack.pop()!
    if (tested(doc, at).some((l) => l.fact === 'order.currency')) return true
    for (const e of doc.edges)
      if (e.target === at && !seen.has(e.source)) {
        seen.add(e.source)
        stack.push(e.source)
      }
  }
  return false
}

export function moneyWithoutCurrency(doc: GraphDoc, cat: Catalogue): { nodeId: string; message: string }[] {
  const currencies = cat.values.currencies ?? []
  if (currencies.length < 2) return []
  const money = new Set(cat.facts.filter((f) => f.unit === 'currency').map((f) => f.id))
  const out: { nodeId: string; message: string }[] = []
  for (const n of doc.nodes) {
    const leaf = tested(doc, n.id).find((l) => money.has(l.fact) && typeof l.value === 'number')
    if (!leaf || currencyStated(doc, n.id)) continue
    out.push({
      nodeId: n.id,
      message: `Compares money in each order's own currency, unconverted: ${leaf.value} ${currencies.join(' and ')} alike. Test the order's currency before it to give each currency its threshold.`,
    })
  }
  return out
}
