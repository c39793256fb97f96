import { type Condition, isAll, isAny, isNot, type LeafCondition } from './core-rules'
import type { GraphDoc } from './graph-types'

/**
 * Text an analyst wrote that quotes a number the conditions before it no longer test: a hold
 * reason "Orders over 5,000" after the threshold became 3,000. The text is shown to people (on
 * the hold, in explanations), so a stale figure misleads them; the problems list flags it.
 */
export interface StaleText {
  nodeId: string
  field: string
  quoted: number
  tested: number[]
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g

/** The numbers a text quotes, thousands separators read as such. */
export function quotedNumbers(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((m) => Number(m[0].replace(/,/g, '')))
}

function leaves(c: Condition, out: LeafCondition[] = []): LeafCondition[] {
  if (isAll(c)) for (const x of c.all) leaves(x, out)
  else if (isAny(c)) for (const x of c.any) leaves(x, out)
  else if (isNot(c)) leaves(c.not, out)
  else out.push(c as LeafCondition)
  return out
}

/** Numbers tested by the conditions on any path into a node. */
function upstreamNumbers(doc: GraphDoc, nodeId: string): number[] {
  const seen = new Set<string>()
  const out: number[] = []
  const walk = (id: string) => {
    for (const e of doc.edges) {
      if (e.target !== id || seen.has(e.source)) continue
      seen.add(e.source)
      const n = doc.nodes.find((x) => x.id === e.source)
      const tested =
        n?.type === 'condition'
          ? [n.data.leaf as LeafCondition]
          : n?.type === 'group'
            ? leaves(n.data.tree)
            : []
      for (const l of tested) for (const v of [l.value].flat()) if (typeof v === 'number') out.push(v)
      walk(e.source)
    }
  }
  walk(nodeId)
  return out
}

/** Action texts (reason, label) quoting a number none of the conditions before them test. */
export function staleTexts(doc: GraphDoc): StaleText[] {
  const out: StaleText[] = []
  for (const n of doc.nodes) {
    if (n.type !== 'action' && n.type !== 'strategy') continue
    const tested = upstreamNumbers(doc, n.id)
    if (tested.length === 0) continue
    const params = n.data.event.params ?? {}
    for (const field of ['reason', 'label'] as const) {
      const text = params[field]
      if (typeof text !== 'string') continue
      // Small numbers are counts and days ("2 days", "10 units"), seldom thresholds.
      for (const quoted of quotedNumbers(text))
        if (quoted >= 100 && !tested.includes(quoted)) out.push({ nodeId: n.id, field, quoted, tested })
    }
  }
  return out
}
