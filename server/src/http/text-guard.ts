import {
  isValidUtf8,
  jsonMayHoldUnacceptableText,
  markJsonBodyChecked,
  type PayloadIssue,
  textProblem,
  unacceptableText,
} from '@switchyard/plugin-sdk'
import type { MiddlewareHandler } from 'hono'
import { ProblemError } from './problem'

/**
 * Text is checked where it enters, before anything parses, stores or compares it (the rules are
 * the SDK's `textProblem`): bytes that are not UTF-8 are 400 naming the body or the query
 * parameter; a control character or an unpaired surrogate is 422 naming the field.
 */
export function invalidUtf8(field: string): ProblemError {
  return new ProblemError(400, 'INVALID_UTF8', 'the request holds bytes that are not UTF-8 text', [
    { field, message: 'is not valid UTF-8' },
  ])
}

export function invalidText(issues: PayloadIssue[]): ProblemError {
  return new ProblemError(
    422,
    'INVALID_TEXT',
    'text may not hold control characters (other than tab, line feed and carriage return) or unpaired surrogates',
    issues,
  )
}

const HEX = /^[0-9a-fA-F]{2}$/

/** A percent-encoded URL component as the bytes it stands for (`+` is a space in a query). */
function componentBytes(component: string, plusIsSpace: boolean): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < component.length; i++) {
    const ch = component[i]!
    if (ch === '%' && HEX.test(component.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(component.slice(i + 1, i + 3), 16))
      i += 2
    } else if (ch === '+' && plusIsSpace) out.push(0x20)
    else out.push(...Buffer.from(ch))
  }
  return Uint8Array.from(out)
}

/** The decoded text of a component, or the problem to answer with. */
function decodeComponent(component: string, plusIsSpace: boolean, field: () => string): string {
  const bytes = componentBytes(component, plusIsSpace)
  if (!isValidUtf8(bytes)) throw invalidUtf8(field())
  const text = Buffer.from(bytes).toString('utf8')
  const problem = textProblem(text)
  if (problem) throw invalidText([{ field: field(), message: problem }])
  return text
}

/** Checks the path and every query parameter (name and value) of a request URL; throws the problem. */
export function checkUrlText(url: string): void {
  // Nothing percent-encoded and nothing beyond printable ASCII: nothing to decode, nothing to refuse.
  if (!/[^\x20-\x7e]|%/.test(url)) return
  const parsed = new URL(url)
  decodeComponent(parsed.pathname, false, () => '(path)')
  for (const pair of parsed.search.slice(1).split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const rawName = eq === -1 ? pair : pair.slice(0, eq)
    const name = decodeComponent(rawName, true, () => '(query)')
    if (eq !== -1) decodeComponent(pair.slice(eq + 1), true, () => name)
  }
}

/** Refuses a request whose path or query parameters are not acceptable text. */
export function urlTextGuard(): MiddlewareHandler {
  return async function urlTextGuard(c, next) {
    checkUrlText(c.req.url)
    await next()
  }
}

/** The text of a body that must be UTF-8, or the 400 naming the body. */
export function decodeUtf8Body(bytes: Uint8Array, field = '(body)'): string {
  if (!isValidUtf8(bytes)) throw invalidUtf8(field)
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}

/** Refuses a parsed JSON value holding unacceptable text, naming each field. */
export function checkJsonText(value: unknown): void {
  const issues = unacceptableText(value)
  if (issues.length > 0) throw invalidText(issues)
}

/**
 * Refuses JSON text holding unacceptable text, naming each field as the sender wrote it. A scan
 * for raw control characters and for escapes that could stand for one (`\b`, `\f`, `\u…`) or for a surrogate
 * comes first: clean text, nearly all of it, is not parsed a second time. Malformed JSON passes
 * (its reader names that).
 */
export function checkJsonTextOf(text: string): void {
  if (!jsonMayHoldUnacceptableText(text)) return
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return
  }
  checkJsonText(value)
}

/**
 * A webhook body's text, checked once before the plugin reads it: bytes that are not UTF-8 are the
 * 400 naming the body; when it is JSON, text no database can store is the 422 naming each field.
 * A JSON body that passes is marked, so the plugin's `parseJsonBody` only parses it.
 */
export function checkBodyText(rawBody: Uint8Array, json: boolean): void {
  const text = decodeUtf8Body(rawBody)
  if (!json) return
  if (jsonMayHoldUnacceptableText(text)) {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return // Malformed: not marked, so the plugin's own reader checks what it makes of it.
    }
    checkJsonText(value)
  }
  markJsonBodyChecked(rawBody, text)
}
