import { factLabel, operatorLabels } from './catalogue'
import { type Condition, isAll, isAny, isNot, type LeafCondition } from './core-rules'
import type { GraphDoc, GraphNode } from './graph-types'

/**
 * Text an analyst wrote that still quotes a figure a condition had in an earlier version: a hold
 * reason "Orders over 5,000" after the threshold became 3,000. The text is shown to people (on
 * the hold, in explanations), so a stale figure misleads them; the problems list flags it. The
 * earlier version is the one the draft replaces (live), or the one chosen to compare with.
 */
export interface StaleText {
  /** The strategy or action whose text quotes the old figure. */
  nodeId: string
  field: 'reason' | 'label'
  /** The condition node whose value changed, in words without the value ("Order: total is more than"). */
  conditionNodeId: string
  condition: string
  /** The figure the text quotes, which the condition tested in the base version. */
  before: number
  after: number[]
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

function testedLeaves(n: GraphNode | undefined): LeafCondition[] {
  if (n?.type === 'condition') return [n.data.leaf as LeafCondition]
  if (n?.type === 'group') return leaves(n.data.tree)
  return []
}

const numbersOf = (v: unknown): number[] => [v].flat().filter((x): x is number => typeof x === 'number')

interface ValueChange {
  nodeId: string
  condition: string
  before: number
  after: number[]
}

/**
 * Numbers a condition tested in the base version and tests no longer, per condition node present in
 * both. Leaves pair up by position when they test the same fact (a group's tree keeps its order).
 */
function changedValues(doc: GraphDoc, base: GraphDoc): ValueChange[] {
  const old = new Map(base.nodes.map((n) => [n.id, n]))
  const out: ValueChange[] = []
  for (const n of doc.nodes) {
    const now = testedLeaves(n)
    const then = testedLeaves(old.get(n.id))
    now.forEach((leaf, i) => {
      const prev = then[i]
      if (!prev || prev.fact !== leaf.fact) return
      const after = numbersOf(leaf.value)
      if (after.length === 0) return
      const op = leaf.operator.split(':').pop()!
      const condition = `${factLabel(leaf.fact)} ${operatorLabels[op] ?? op}`
      for (const before of numbersOf(prev.value))
        if (!after.includes(before)) out.push({ nodeId: n.id, condition, before, after })
    })
  }
  return out
}

/** Every node reachable from `from` along connections. */
function downstream(doc: GraphDoc, from: string): Set<string> {
  const seen = new Set<string>()
  const todo = [from]
  while (todo.length) {
    const id = todo.pop()!
    for (const e of doc.edges)
      if (e.source === id && !seen.has(e.target)) {
        seen.add(e.target)
        todo.push(e.target)
      }
  }
  return seen
}

/** Numbers tested by the conditions on any path into a node. */
function upstreamNumbers(doc: GraphDoc, nodeId: string): Set<number> {
  const seen = new Set<string>()
  const out = new Set<number>()
  const todo = [nodeId]
  while (todo.length) {
    const id = todo.pop()!
    for (const e of doc.edges) {
      if (e.target !== id || seen.has(e.source)) continue
      seen.add(e.source)
      for (const l of testedLeaves(doc.nodes.find((x) => x.id === e.source)))
        for (const v of numbersOf(l.value)) out.add(v)
      todo.push(e.source)
    }
  }
  return out
}

/**
 * Reasons and labels after a changed condition that quote the value it had in `base` and that no
 * condition before them tests any more. Nothing without a base (a set never published).
 */
export function staleTexts(doc: GraphDoc, base: GraphDoc | null): StaleText[] {
  if (!base) return []
  const out: StaleText[] = []
  for (const change of changedValues(doc, base)) {
    const after = downstream(doc, change.nodeId)
    for (const n of doc.nodes) {
      if (!after.has(n.id) || (n.type !== 'action' && n.type !== 'strategy')) continue
      const params = n.data.event.params ?? {}
      for (const field of ['reason', 'label'] as const) {
        const text = params[field]
        if (typeof text !== 'string' || !quotedNumbers(text).includes(change.before)) continue
        // Another condition on the way still tests that figure: the text may be quoting it.
        if (upstreamNumbers(doc, n.id).has(change.before)) continue
        out.push({
          nodeId: n.id,
          field,
          conditionNodeId: change.nodeId,
          condition: change.condition,
          before: change.before,
          after: change.after,
        })
      }
    }
  }
  return out
}

/** The problems list's words: both values, and where the old one came from. */
export function staleTextMessage(t: StaleText, baseLabel: string): string {
  const n = (x: number) => x.toLocaleString()
  return `The ${t.field} quotes ${n(t.before)}, but "${t.condition}" was ${n(t.before)} in ${baseLabel} and is now ${t.after.map(n).join(', ')}: reword it?`
}
