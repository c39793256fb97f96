import { type FieldIssue, ValidationError } from '../../errors'
import type { SkuMappingEntry, SkuMappingService } from './sku-mapping-service'

/** The header a mapping file starts with. */
export const CSV_HEADER = ['channel_sku', 'hub_sku', 'multiplier'] as const

/** Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function records(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let startLine = 1
  let any = false
  const endRecord = () => {
    fields.push(field)
    if (any || fields.length > 1 || field !== '') out.push({ line: startLine, fields })
    fields = []
    field = ''
    any = false
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        field += ch
      }
    } else if (ch === '"') {
      quoted = true
      any = true
    } else if (ch === ',') {
      fields.push(field)
      field = ''
      any = true
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      startLine = line
    } else field += ch
  }
  if (quoted)
    throw new ValidationError('invalid CSV', [
      { field: `line ${startLine}`, message: 'a quoted field is never closed' },
    ])
  endRecord()
  return out
}

/**
 * A mapping file read into entries, each with the file line it came from. Header
 * `channel_sku,hub_sku,multiplier`; an empty multiplier is 1; an empty hub_sku removes the channel
 * sku's mapping. Structural faults (header, column count, a multiplier that is not a number) are a
 * `ValidationError` naming each line.
 */
export function parseSkuMappingCsv(text: string): { entries: SkuMappingEntry[]; lines: number[] } {
  const rows = records(text.replace(/^\uFEFF/, ''))
  const header = rows.shift()
  if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(',') !== CSV_HEADER.join(','))
    throw new ValidationError('invalid CSV', [
      { field: `line ${header?.line ?? 1}`, message: `the header must be ${CSV_HEADER.join(',')}` },
    ])
  const issues: FieldIssue[] = []
  const entries: SkuMappingEntry[] = []
  const lines: number[] = []
  for (const { line, fields } of rows) {
    if (fields.length !== 3) {
      issues.push({ field: `line ${line}`, message: `has ${fields.length} fields, not 3` })
      continue
    }
    const [channelSku, hubSku, multiplier] = fields.map((f) => f.trim()) as [string, string, string]
    const m = multiplier === '' ? undefined : /^\d+$/.test(multiplier) ? Number(multiplier) : Number.NaN
    entries.push({
      channelSku,
      hubSku: hubSku === '' ? null : hubSku,
      ...(m === undefined ? {} : { multiplier: m }),
    })
    lines.push(line)
  }
  if (issues.length > 0) throw new ValidationError('invalid CSV', issues)
  return { entries, lines }
}

/**
 * Imports a mapping file for one instance, all or nothing (SkuMappingService.put). Every issue names
 * the file line and the column (`line 4: multiplier`), never an index into a list the user never saw.
 */
export async function importSkuMappingCsv(
  service: SkuMappingService,
  instance: string,
  text: string,
): Promise<{ upserted: number; removed: number }> {
  const { entries, lines } = parseSkuMappingCsv(text)
  try {
    return await service.put(instance, entries)
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    throw new ValidationError(
      error.message,
      error.issues.map((i) => ({
        field: toCsvField(i.field, lines),
        message: i.message.replace(/mappings\[(\d+)\]\.(\w+)/g, (_, n: string, col: string) =>
          toCsvField(`mappings[${n}].${col}`, lines),
        ),
      })),
      error.code,
    )
  }
}

const COLUMNS: Record<string, string> = {
  channelSku: 'channel_sku',
  hubSku: 'hub_sku',
  multiplier: 'multiplier',
}

function toCsvField(field: string, lines: readonly number[]): string {
  const m = /^mappings\[(\d+)\]\.(\w+)$/.exec(field)
  if (!m) return field
  return `line ${lines[Number(m[1])]}: ${COLUMNS[m[2]!] ?? m[2]}`
}
