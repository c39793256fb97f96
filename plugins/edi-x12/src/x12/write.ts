/**
 * Writes X12 interchanges: ISA padded to its fixed widths (106 characters with the terminator),
 * SE01 counted from ST to SE, GE01/IEA01 counted, control numbers echoed in every trailer.
 */
import type { Delimiters } from './parse'

export interface Party {
  qualifier: string
  id: string
}

export interface OutboundSet {
  id: string
  /** Segments between ST and SE, each as its elements (index 0 = segment id). */
  body: (string | undefined)[][]
}

export interface OutboundGroup {
  functionalId: string
  sender: string
  receiver: string
  version: string
  sets: OutboundSet[]
}

export interface OutboundInterchange {
  sender: Party
  receiver: Party
  control: number
  version: string
  usage: 'P' | 'T'
  at: Date
  delimiters: Delimiters
  /** Interchange-level segments written between ISA and the first GS (e.g. TA1). */
  preamble?: (string | undefined)[][]
  groups: OutboundGroup[]
}

const pad = (value: string, width: number) => value.slice(0, width).padEnd(width, ' ')
const num = (value: number, width: number) => String(value).padStart(width, '0')

function yymmdd(d: Date): string {
  return d.toISOString().slice(2, 10).replace(/-/g, '')
}
function ccyymmdd(d: Date): string {
  return d.toISOString().slice(0, 10).replace(/-/g, '')
}
function hhmm(d: Date): string {
  return d.toISOString().slice(11, 16).replace(':', '')
}

export const x12Date = ccyymmdd
export const x12Time = hhmm

/**
 * Trailing empty elements are dropped, as translators do; inner empties stay (`BAK*00*AC*PO**…`).
 * A delimiter inside a value (a product name with '*', a partner's value echoed back that holds our
 * component separator) would break the segment: it becomes a space, as translators do.
 */
function segment(elements: (string | undefined)[], d: Delimiters): string {
  const values = elements.map((e) => clean(e ?? '', d))
  while (values.length > 1 && values[values.length - 1] === '') values.pop()
  return values.join(d.element) + d.segment
}

function clean(value: string, d: Delimiters): string {
  let out = value
  for (const c of [d.element, d.segment, d.component]) if (out.includes(c)) out = out.split(c).join(' ')
  return out
}

export function writeInterchange(x: OutboundInterchange): string {
  const d = x.delimiters
  const control = num(x.control, 9)
  const isa = [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    pad(x.sender.qualifier, 2),
    pad(x.sender.id, 15),
    pad(x.receiver.qualifier, 2),
    pad(x.receiver.id, 15),
    yymmdd(x.at),
    hhmm(x.at),
    x.version >= '00402' ? '^' : 'U',
    x.version,
    control,
    '0',
    x.usage,
    d.component,
  ].join(d.element)
  const lines: string[] = [`${isa}${d.segment}`]
  for (const s of x.preamble ?? []) lines.push(segment(s, d))
  for (const [gi, group] of x.groups.entries()) {
    // One group per interchange is the norm: its control number is the interchange's own.
    const groupControl = gi === 0 ? String(x.control) : `${x.control}${gi}`.slice(-9)
    lines.push(
      segment(
        [
          'GS',
          group.functionalId,
          group.sender,
          group.receiver,
          ccyymmdd(x.at),
          hhmm(x.at),
          groupControl,
          'X',
          group.version,
        ],
        d,
      ),
    )
    for (const [si, set] of group.sets.entries()) {
      const setControl = num(si + 1, 4)
      const body = [['ST', set.id, setControl], ...set.body]
      for (const s of body) lines.push(segment(s, d))
      lines.push(segment(['SE', String(body.length + 1), setControl], d))
    }
    lines.push(segment(['GE', String(group.sets.length), groupControl], d))
  }
  lines.push(segment(['IEA', String(x.groups.length), control], d))
  return `${lines.join('\n')}\n`
}
