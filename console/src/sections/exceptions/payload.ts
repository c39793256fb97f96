/**
 * An exception's payload as indented JSON lines, each knowing the JSON path it prints, so the
 * failing fields (the hub's `marks`, JSON paths into the parsed order) can be highlighted where
 * they are rather than listed apart from the document.
 */
export type JsonPath = readonly (string | number)[]

export interface PayloadLine {
  depth: number
  text: string
  /** The path of the value this line prints (its opening line for an object or array). */
  path: string
  marked: boolean
}

/** `lines[0].sku`: how the hub names a field in a reason, so marks and reasons read alike. */
export function pathKey(path: JsonPath): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p
  return out
}

/** Lines of `value` pretty-printed; a line is marked when its path is, or lies under, a marked path. */
export function payloadLines(value: unknown, marks: readonly JsonPath[]): PayloadLine[] {
  const marked = new Set(marks.map(pathKey))
  const isMarked = (path: JsonPath) => {
    for (let i = path.length; i >= 0; i--) if (marked.has(pathKey(path.slice(0, i))) && i > 0) return true
    // The whole document is marked only when a mark names it (`(payload)` arrives as an empty path).
    return path.length === 0 && marked.has('')
  }
  const lines: PayloadLine[] = []
  const emit = (v: unknown, path: JsonPath, depth: number, label: string, comma: string) => {
    const m = isMarked(path)
    const key = pathKey(path)
    if (v !== null && typeof v === 'object') {
      const entries: [string | number, unknown][] = Array.isArray(v)
        ? v.map((x, i) => [i, x])
        : Object.entries(v as Record<string, unknown>)
      const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}']
      if (entries.length === 0) {
        lines.push({ depth, text: `${label}${open}${close}${comma}`, path: key, marked: m })
        return
      }
      lines.push({ depth, text: `${label}${open}`, path: key, marked: m })
      for (const [i, [k, x]] of entries.entries())
        emit(
          x,
          [...path, k],
          depth + 1,
          typeof k === 'number' ? '' : `${JSON.stringify(k)}: `,
          i < entries.length - 1 ? ',' : '',
        )
      lines.push({ depth, text: `${close}${comma}`, path: key, marked: m })
      return
    }
    lines.push({
      depth,
      text: `${label}${v === undefined ? 'null' : JSON.stringify(v)}${comma}`,
      path: key,
      marked: m,
    })
  }
  emit(value, [], 0, '', '')
  return lines
}

/**
 * What the detail shows as the document: the parsed canonical order when the plugin produced one
 * (the marks point into it), else the body as received, re-indented when it is JSON.
 */
export function documentOf(detail: {
  parsed?: unknown
  payload: string | null
  payloadEncoding: 'utf8' | 'base64'
}): { kind: 'parsed' | 'json' | 'text'; value: unknown } {
  if (detail.parsed !== undefined && detail.parsed !== null) return { kind: 'parsed', value: detail.parsed }
  if (detail.payload === null) return { kind: 'text', value: '' }
  if (detail.payloadEncoding === 'utf8') {
    try {
      return { kind: 'json', value: JSON.parse(detail.payload) }
    } catch {
      // Not JSON (XML, EDI, a cut body): shown as it came.
    }
  }
  return { kind: 'text', value: detail.payload }
}

/** The channel sku an UNKNOWN_SKU mark holds: what the mapping form is prefilled with. */
export function unknownSkus(marks: readonly { code: string; value?: unknown }[]): string[] {
  const out = new Set<string>()
  for (const m of marks) if (m.code === 'UNKNOWN_SKU' && typeof m.value === 'string') out.add(m.value)
  return [...out]
}
