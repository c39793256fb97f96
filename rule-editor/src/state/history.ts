import type { GraphDoc } from '../model/graph-types'

/**
 * Undo and redo over whole documents. Every command records the document before it, once, so a
 * bulk action (paste, delete of a selection, tidy up) is one step. Typing into one field records
 * only its first keystroke within a short pause (`coalesce`), so a word is one step, not five.
 */
export interface History {
  past: GraphDoc[]
  present: GraphDoc
  future: GraphDoc[]
  lastKey: string | null
  lastAt: number
}

export const LIMIT = 200
export const COALESCE_MS = 1500

export function start(doc: GraphDoc): History {
  return { past: [], present: doc, future: [], lastKey: null, lastAt: 0 }
}

/** A change that is a step of its own (or joins the previous one when it has the same `coalesce` key). */
export function commit(h: History, next: GraphDoc, coalesce?: string, now = Date.now()): History {
  if (next === h.present) return h
  const joins = coalesce !== undefined && coalesce === h.lastKey && now - h.lastAt < COALESCE_MS
  return {
    past: joins ? h.past : [...h.past, h.present].slice(-LIMIT),
    present: next,
    future: [],
    lastKey: coalesce ?? null,
    lastAt: now,
  }
}

/** A change that is not a step (a node moving while it is dragged: its step was taken at drag start). */
export function replace(h: History, next: GraphDoc): History {
  return { ...h, present: next }
}

/** Records the present as a step without changing it: the start of a drag. */
export function checkpoint(h: History): History {
  return { ...h, past: [...h.past, h.present].slice(-LIMIT), future: [], lastKey: null }
}

export function undo(h: History): History {
  const prev = h.past[h.past.length - 1]
  if (!prev) return h
  return {
    past: h.past.slice(0, -1),
    present: prev,
    future: [h.present, ...h.future],
    lastKey: null,
    lastAt: 0,
  }
}

export function redo(h: History): History {
  const next = h.future[0]
  if (!next) return h
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1), lastKey: null, lastAt: 0 }
}
