/**
 * Parses JSON with every integer too long for a double (16+ digits) kept as a string. Shopify ids can
 * exceed 2^53 (its documentation samples do), and `JSON.parse` would silently change them.
 */
export function parseLossless(text: string): unknown {
  let out = ''
  let start = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // skip the escaped character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) {
      inString = true
      continue
    }
    const isDigit = c >= 0x30 && c <= 0x39
    if (!isDigit && c !== 0x2d) continue
    let j = i + 1
    while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++
    const next = text[j]
    const digits = j - i - (c === 0x2d ? 1 : 0)
    if (digits >= 16 && next !== '.' && next !== 'e' && next !== 'E') {
      out += `${text.slice(start, i)}"${text.slice(i, j)}"`
      start = j
    }
    i = j - 1
  }
  return JSON.parse(out + text.slice(start))
}
