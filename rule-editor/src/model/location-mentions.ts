import { type Condition, isAll, isAny, isNot, type LeafCondition } from './core-rules'
import type { GraphDoc } from './graph-types'

/** A location as the side list shows it, and what the rules can say about it. */
export interface LocationFacts {
  id: string
  type: string
  tags: string[]
}

function leaves(c: Condition, out: LeafCondition[] = []): LeafCondition[] {
  if (isAll(c)) for (const x of c.all) leaves(x, out)
  else if (isAny(c)) for (const x of c.any) leaves(x, out)
  else if (isNot(c)) leaves(c.not, out)
  else out.push(c as LeafCondition)
  return out
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v])

/** Whether a leaf names this location: by id, its type or one of its tags. */
function leafMentions(leaf: LeafCondition, loc: LocationFacts): boolean {
  const values = asList(leaf.value)
  if (leaf.fact === 'location.id') return values.includes(loc.id)
  if (leaf.fact === 'location.type') return values.includes(loc.type)
  if (leaf.fact === 'location.tags') return values.some((v) => loc.tags.includes(String(v)))
  return false
}

/**
 * The nodes whose rule names a location: an action listing it, its type or one of its tags, or a
 * condition testing its id, type or tags. The side list shows them beside each location, so an
 * analyst sees which rules touch a site before changing them.
 */
export function nodesMentioning(doc: GraphDoc, loc: LocationFacts): string[] {
  const out: string[] = []
  for (const n of doc.nodes) {
    if (n.type === 'condition' && leafMentions(n.data.leaf as LeafCondition, loc)) out.push(n.id)
    else if (n.type === 'group' && leaves(n.data.tree).some((l) => leafMentions(l, loc))) out.push(n.id)
    else if (n.type === 'action' || n.type === 'strategy') {
      const p = (n.data.event.params ?? {}) as Record<string, unknown>
      // A strategy keeps its location filters under `filters`; actions have them at the top.
      const f = (n.type === 'strategy' ? (p.filters ?? {}) : p) as Record<string, unknown>
      const has = (k: string, xs: string[]) =>
        Array.isArray(f[k]) && (f[k] as unknown[]).some((v) => xs.includes(String(v)))
      if (has('locations', [loc.id]) || has('types', [loc.type]) || has('tags', loc.tags)) out.push(n.id)
    }
  }
  return out
}
