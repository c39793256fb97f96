import { isUtf8 } from 'node:buffer'
import type { PayloadIssue } from './errors'
import { formatPath } from './issues'

/**
 * Text the hub accepts: what every database column can hold and every peer can read back. Refused
 * at the door, wherever text enters (API bodies and query parameters, webhook bodies, polled
 * events, EDI files): control characters other than tab, line feed and carriage return (C0, DEL
 * and C1: PostgreSQL cannot store NUL at all, SQLite cuts SQL text at it, and none belongs in a
 * name, an address or an id), UTF-16 surrogates without their pair (not text in any encoding),
 * and bytes that are not UTF-8 (decoding would replace them with U+FFFD and store a guess).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`

/** Why `text` cannot be accepted, naming the character and its position (never the text), or undefined. */
export function textProblem(text: string): string | undefined {
  const control = CONTROL.exec(text)
  if (control)
    return `contains the control character ${hex(control[0].charCodeAt(0))} at position ${control.index}`
  const lone = LONE_SURROGATE.exec(text)
  if (lone)
    return `contains an unpaired UTF-16 surrogate ${hex(lone[0].charCodeAt(0))} at position ${lone.index}`
  return undefined
}

/** True when the bytes are well-formed UTF-8 (so decoding them loses nothing). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes)
}

const MAX_ISSUES = 20
const MAX_DEPTH = 100

/** Either kind of unacceptable character; not global, so `test` keeps no state between calls. */
const ANY_UNACCEPTABLE = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`)

/**
 * Whether any string or key that `unacceptableText` would look at is unacceptable. No paths and no
 * issues are built: every inbound event is walked, and nearly all of them are clean. A module
 * function, not a closure made per call (the hub runs under tsx, which names each closure it makes).
 */
function holdsUnacceptableText(v: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false
  if (typeof v === 'string') return ANY_UNACCEPTABLE.test(v)
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (holdsUnacceptableText(v[i], depth + 1)) return true
    return false
  }
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const keys = Object.keys(v)
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!
      if (ANY_UNACCEPTABLE.test(key)) return true
      if (holdsUnacceptableText((v as Record<string, unknown>)[key], depth + 1)) return true
    }
  }
  return false
}

/**
 * Every string and object key in a JSON-like value that is not acceptable text, each named by its
 * path (`customer.name`, `lines[0].sku`; `root` for the value itself). At most 20.
 */
export function unacceptableText(value: unknown, root: readonly PropertyKey[] = []): PayloadIssue[] {
  // Clean values, nearly all of them, are looked at once without building a path per field.
  if (!holdsUnacceptableText(value, 0)) return []
  const issues: PayloadIssue[] = []
  const walk = (v: unknown, path: PropertyKey[], depth: number) => {
    if (issues.length >= MAX_ISSUES || depth > MAX_DEPTH) return
    if (typeof v === 'string') {
      const problem = textProblem(v)
      if (problem) issues.push({ field: formatPath(path), message: problem })
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], [...path, i], depth + 1)
    } else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [key, child] of Object.entries(v)) {
        const problem = textProblem(key)
        // The key itself cannot be printed as a name; its parent is where it sits.
        if (problem) issues.push({ field: formatPath(path), message: `has a field name that ${problem}` })
        else walk(child, [...path, key], depth + 1)
      }
    }
  }
  walk(value, [...root], 0)
  return issues
}

const SUSPECT_JSON =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a raw control character is what it looks for.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\\(?:[bf]|u(?:00[01]|007|008|009|[dD][89a-fA-F]))/

/**
 * False when JSON text cannot hold unacceptable text once parsed: no raw control character and no
 * escape that could stand for one (`\b`, `\f`, `\u…`) or for a surrogate. A scan, so clean text
 * (nearly all of it) need not be walked with `unacceptableText` after parsing.
 */
export function jsonMayHoldUnacceptableText(json: string): boolean {
  return SUSPECT_JSON.test(json)
}

const UNACCEPTABLE = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, 'g')

/** `text` with every unacceptable character replaced by U+FFFD: for diagnostics, never for data. */
export function printable(text: string): string {
  return text.replace(UNACCEPTABLE, '\uFFFD')
}
