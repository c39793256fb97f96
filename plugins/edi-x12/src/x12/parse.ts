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
    i = readGroup(segments, i, interchange)
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
  return interchange
}

function readGroup(segments: string[][], start: number, interchange: Interchange): number {
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
    i = readSet(segments, i, group)
  }
  group.errors.push({ code: '3', message: `group ${group.control} has no GE trailer` })
  return i
}

function readSet(segments: string[][], start: number, group: FunctionalGroup): number {
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

/** True when nothing in the group or any of its sets was found wrong. */
export function groupIsClean(group: FunctionalGroup): boolean {
  return (
    group.errors.length === 0 &&
    group.sets.every((s) => s.errors.length === 0 && s.segmentErrors.length === 0)
  )
}
