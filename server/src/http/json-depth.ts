/**
 * True when JSON text nests arrays/objects deeper than `max`. A scan of the bytes, no parsing:
 * run before JSON.parse so a hostile body cannot exhaust the stack of the parser or of anything
 * that later walks the value (validation, JSON.stringify on the way to the database).
 */
export function jsonTooDeep(text: string | Uint8Array, max: number): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  let depth = 0
  let inString = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (inString) {
      if (b === 0x5c)
        i++ // backslash: skip the escaped character
      else if (b === 0x22) inString = false
      continue
    }
    if (b === 0x22) inString = true
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > max) return true
    } else if (b === 0x7d || b === 0x5d) depth--
  }
  return false
}

export const MAX_JSON_DEPTH = 64
