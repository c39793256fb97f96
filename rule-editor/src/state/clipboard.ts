import type { Clip } from '../model/edit-ops'
import type { GraphDoc } from '../model/graph-types'

/**
 * Copied nodes travel through the system clipboard (so they paste into another tab) wrapped in a
 * key of ours; anything else there is not a clip.
 */
export const clipToText = (clip: Clip): string => JSON.stringify({ switchyardClip: clip })

export function clipFromText(text: string | undefined): Clip | null {
  if (!text) return null
  try {
    const parsed = JSON.parse(text) as { switchyardClip?: Clip } | null
    return parsed?.switchyardClip?.nodes ? parsed.switchyardClip : null
  } catch {
    return null
  }
}

/** What was just pasted, so the next paste (or a duplicate) copies the copies, offset again. */
export function clipOf(doc: GraphDoc, ids: readonly string[]): Clip {
  return {
    nodes: doc.nodes.filter((n) => ids.includes(n.id)),
    edges: doc.edges.filter((e) => ids.includes(e.source) && ids.includes(e.target)),
  }
}
