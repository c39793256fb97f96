import { isValidUtf8, textProblem } from '@switchyard/plugin-sdk'

/**
 * Reads an X12 interchange the way a translator must: delimiters from the ISA (element separator at
 * index 3, component separator at 104, segment terminator at 105), then every envelope count and
 * control number checked, with each problem recorded where the 997 (or TA1) will report it.
 */

export interface Delimiters {
  element: string
  component: string
  segment: string
}

/** A segment: its id, its elements (index 1 = the first data element) and its position in the set. */
export interface Segment {
  id: string
  elements: string[]
  /** 1-based position within its transaction set (ST = 1); 0 outside a set. */
  position: number
}

export interface SegmentError {
  segment: string
  position: number
  /** AK304: 1 unrecognised, 2 unexpected, 3 mandatory missing, 8 has data element errors. */
  code: '1' | '2' | '3' | '8'
  element?: { position: number; code: string; value?: string }
  message: string
}

export interface TransactionSet {
  id: string
  control: string
  /** ST through SE, as read. */
  segments: Segment[]
  /** AK5 codes: 1 not supported, 2 trailer missing, 3 control numbers differ, 4 count differs, 5 segments in error. */
  errors: { code: '1' | '2' | '3' | '4' | '5'; message: string }[]
  segmentErrors: SegmentError[]
}

export interface FunctionalGroup {
  functionalId: string
  control: string
  version: string
  sender: string
  receiver: string
  declaredSets: number | undefined
  sets: TransactionSet[]
  /** AK9 codes: 1 not supported, 3 trailer missing, 4 control numbers differ, 5 set count differs. */
  errors: { code: '1' | '2' | '3' | '4' | '5' | '6'; message: string }[]
}

export interface Interchange {
  delimiters: Delimiters
  senderQualifier: string
  sender: string
  receiverQualifier: string
  receiver: string
  control: string
  version: string
  usage: string
  groups: FunctionalGroup[]
  /** TA1 codes: 001 control numbers differ, 021 group count wrong, 023 improper end of file. */
  errors: { code: string; message: string }[]
}

export class UnreadableInterchangeError extends Error {
  readonly code = 'X12_UNREADABLE'
  constructor(message: string) {
    super(message)
    this.name = 'UnreadableInterchangeError'
  }
}

const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1]

export function parseInterchange(input: string): Interchange {
  const text = input.replace(/^\uFEFF/, '').trimStart()
  if (!text.startsWith('ISA'))
    throw new UnreadableInterchangeError('the file does not start with an ISA segment')
  if (text.length < 106)
    throw new UnreadableInterchangeError('the ISA segment is shorter than 106 characters')
  const element = text[3]!
  const component = text[104]!
  const segment = text[105]!
  const isa = text.slice(0, 105).split(element)
  if (isa.length !== 17 || ISA_WIDTHS.some((w, i) => isa[i + 1]!.length !== w))
    throw new UnreadableInterchangeError(
      'the ISA segment is not 106 characters of fixed-width elements; its delimiters cannot be trusted',
    )
  if (/[A-Za-z0-9 ]/.test(element + component + segment) || new Set([element, component, segment]).size !== 3)
    throw new UnreadableInterchangeError('the ISA delimiters are not three distinct special characters')

  const delimiters = { element, component, segment }
  const raw = text
    .split(segment)
    .map((s) => s.replace(/^[\r\n\t ]+|[\r\n]+$/g, ''))
    .filter((s) => s.length > 0)
  const segments = raw.map((s) => s.split(element))
  const badText = decodeElements(segments)
  const interchange: Interchange = {
    delimiters,
    senderQualifier: isa[5]!,
    sender: isa[6]!.trim(),
    receiverQualifier: isa[7]!,
    receiver: isa[8]!.trim(),
    control: isa[13]!,
    version: isa[12]!,
    usage: isa[15]!,
    groups: [],
    errors: [],
  }

  let i = 1
  let iea: string[] | undefined
  while (i < segments.length) {
    const seg = segments[i]!
    if (seg[0] === 'IEA') {
      iea = seg
      i++
      break
    }
    if (seg[0] !== 'GS') {
      interchange.errors.push({
        code: '024',
        message: `unexpected ${seg[0]} segment outside a functional group`,
      })
      i++
      continue
    }
    i = readGroup(segments, i, interchange, badText)
  }
  if (!iea) interchange.errors.push({ code: '023', message: 'the IEA trailer is missing' })
  else {
    if (iea[2] !== interchange.control)
      interchange.errors.push({
        code: '001',
        message: `IEA02 ${iea[2]} does not match ISA13 ${interchange.control}`,
      })
    if (Number(iea[1]) !== interchange.groups.length)
      interchange.errors.push({
        code: '021',
        message: `IEA01 says ${iea[1]} group(s), the interchange holds ${interchange.groups.length}`,
      })
    if (i < segments.length) interchange.errors.push({ code: '023', message: 'data after the IEA trailer' })
  }
  // Bad characters outside any transaction set (ISA, GS, GE, IEA): the envelope's content is invalid.
  for (const bad of badText.values()) interchange.errors.push({ code: '024', message: elementMessage(bad) })
  return interchange
}

interface BadText {
  segment: string
  element: number
  message: string
}

/**
 * X12 data is text of the basic and extended character sets; the file is read byte for byte
 * (latin1), so each element is decoded here as UTF-8. An element that is not UTF-8, or holds a
 * control character or an unpaired surrogate (none belongs to either character set; delimiters
 * were split off before), is recorded by segment index for the 997 (AK4 code 6, invalid character)
 * and never reaches an order. Good elements are replaced by their decoded text.
 */
function decodeElements(segments: string[][]): Map<number, BadText> {
  const bad = new Map<number, BadText>()
  for (const [index, seg] of segments.entries()) {
    for (let e = 0; e < seg.length; e++) {
      const value = seg[e]!
      if (PRINTABLE_ASCII.test(value)) continue
      const bytes = Buffer.from(value, 'latin1')
      const text = isValidUtf8(bytes) ? bytes.toString('utf8') : undefined
      const problem = text === undefined ? 'is not valid UTF-8' : (textProblem(text) ?? controlIn(text))
      if (problem) {
        if (!bad.has(index)) bad.set(index, { segment: segmentId(seg[0]!), element: e, message: problem })
      } else seg[e] = text!
    }
  }
  return bad
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/** A segment id fit to be written back in an AK3 or a reason (letters and digits only). */
const segmentId = (id: string) => id.replace(/[^A-Z0-9]/gi, '').slice(0, 3) || 'UNK'

/** Tab, line feed and carriage return are text elsewhere, but no X12 character set has them. */
function controlIn(text: string): string | undefined {
  const at = text.search(/[\t\n\r]/)
  return at === -1
    ? undefined
    : `contains the control character U+${text.charCodeAt(at).toString(16).padStart(4, '0').toUpperCase()} at position ${at}`
}

function readGroup(
  segments: string[][],
  start: number,
  interchange: Interchange,
  badText: Map<number, BadText>,
): number {
  const gs = segments[start]!
  const group: FunctionalGroup = {
    functionalId: gs[1] ?? '',
    sender: gs[2] ?? '',
    receiver: gs[3] ?? '',
    control: gs[6] ?? '',
    version: gs[8] ?? '',
    declaredSets: undefined,
    sets: [],
    errors: [],
  }
  interchange.groups.push(group)
  let i = start + 1
  while (i < segments.length) {
    const seg = segments[i]!
    if (seg[0] === 'GE') {
      group.declaredSets = Number(seg[1])
      if (seg[2] !== group.control)
        group.errors.push({ code: '4', message: `GE02 ${seg[2]} does not match GS06 ${group.control}` })
      if (Number(seg[1]) !== group.sets.length)
        group.errors.push({
          code: '5',
          message: `GE01 says ${seg[1]} set(s), the group holds ${group.sets.length}`,
        })
      return i + 1
    }
    if (seg[0] === 'IEA' || seg[0] === 'GS') break
    if (seg[0] !== 'ST') {
      i++
      continue
    }
    i = readSet(segments, i, group, badText)
  }
  group.errors.push({ code: '3', message: `group ${group.control} has no GE trailer` })
  return i
}

function readSet(
  segments: string[][],
  start: number,
  group: FunctionalGroup,
  badText: Map<number, BadText>,
): number {
  const st = segments[start]!
  const set: TransactionSet = {
    id: st[1] ?? '',
    control: st[2] ?? '',
    segments: [],
    errors: [],
    segmentErrors: [],
  }
  group.sets.push(set)
  let i = start
  while (i < segments.length) {
    const seg = segments[i]!
    if (i > start && ['ST', 'GE', 'GS', 'IEA'].includes(seg[0]!)) break
    set.segments.push({ id: seg[0]!, elements: seg, position: set.segments.length + 1 })
    const bad = badText.get(i)
    if (bad) {
      badText.delete(i)
      set.segmentErrors.push(invalidCharacter(bad, set.segments.length))
    }
    i++
    if (seg[0] === 'SE') {
      if (seg[2] !== set.control)
        set.errors.push({ code: '3', message: `SE02 ${seg[2]} does not match ST02 ${set.control}` })
      if (Number(seg[1]) !== set.segments.length)
        set.errors.push({
          code: '4',
          message: `SE01 says ${seg[1]} segments, the set has ${set.segments.length}`,
        })
      return i
    }
  }
  set.errors.push({ code: '2', message: `set ${set.control} has no SE trailer` })
  return i
}

const elementMessage = (bad: BadText) =>
  `${bad.segment}${String(bad.element).padStart(2, '0')} ${bad.message}`

/** AK3 code 8 with AK4 code 6 (invalid character in data element); the bad value is never echoed. */
function invalidCharacter(bad: BadText, position: number): SegmentError {
  const message = elementMessage(bad)
  if (bad.element === 0) return { segment: bad.segment, position, code: '1', message }
  return { segment: bad.segment, position, code: '8', element: { position: bad.element, code: '6' }, message }
}

/** True when nothing in the group or any of its sets was found wrong. */
export function groupIsClean(group: FunctionalGroup): boolean {
  return (
    group.errors.length === 0 &&
    group.sets.every((s) => s.errors.length === 0 && s.segmentErrors.length === 0)
  )
}
