/**
 * The editor's keymap, the same with Ctrl (Windows, Linux) and Cmd (macOS). Keys typed into a
 * field belong to the field.
 */
export type Command =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'selectAll'
  | 'save'
  | 'tidy'
  | 'deselect'

export interface KeyLike {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
  target?: { tagName?: string; isContentEditable?: boolean } | null
}

const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

export function commandFor(e: KeyLike): Command | null {
  if (e.target && (FIELDS.has(e.target.tagName ?? '') || e.target.isContentEditable)) return null
  const mod = e.ctrlKey || e.metaKey
  const k = e.key.toLowerCase()
  if (mod && k === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (mod && k === 'y') return 'redo'
  if (mod && k === 'c') return 'copy'
  if (mod && k === 'x') return 'cut'
  if (mod && k === 'v') return 'paste'
  if (mod && k === 'd') return 'duplicate'
  if (mod && k === 'a') return 'selectAll'
  if (mod && k === 's') return 'save'
  // Alt changes e.key on macOS (Shift+Alt+T is "ˇ"), so look at the physical key too.
  if (e.shiftKey && e.altKey && (k === 't' || e.code === 'KeyT')) return 'tidy'
  if (k === 'escape') return 'deselect'
  return null
}
