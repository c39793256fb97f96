import { type CanonicalOrder, canonicalOrderSchema, zodIssues } from '@switchyard/plugin-sdk'
import type { EdiX12Config } from './config'
import type { Segment, SegmentError, TransactionSet } from './x12/parse'

/** What the 855, 856 and 810 must echo from the purchase order; kept in plugin state per PO. */
export interface PoMemo {
  poNumber: string
  poDate: string
  currency: string
  shipTo: { name: string; qualifier?: string; id?: string }
  lines: {
    line: string
    quantity: number
    uom: string
    /** As the PO sent it; empty when it sent none (then the hub's price, once the 855 is written). */
    price: string
    basis?: string
    ids: [string, string][]
    sku: string
  }[]
}

const DECIMAL = /^\d{1,12}(\.\d{1,4})?$/
const DATE = /^(\d{4})(\d{2})(\d{2})$/

function isoDate(ccyymmdd: string): string | undefined {
  const m = DATE.exec(ccyymmdd)
  if (!m) return undefined
  const iso = `${m[1]}-${m[2]}-${m[3]}T00:00:00Z`
  return Number.isNaN(Date.parse(iso)) ? undefined : iso
}

/**
 * Reads one 850 into a canonical order. Every problem is recorded on the set as an AK3/AK4 error
 * (segment, position, code) so the 997 can say exactly what was wrong; nothing is returned then.
 */
export function read850(
  set: TransactionSet,
  config: EdiX12Config,
): { order: CanonicalOrder; memo: PoMemo } | undefined {
  const errors: SegmentError[] = []
  const fail = (
    s: Segment | undefined,
    id: string,
    code: SegmentError['code'],
    message: string,
    element?: SegmentError['element'],
  ) =>
    errors.push({
      segment: s?.id ?? id,
      position: s?.position ?? 0,
      code,
      message,
      ...(element ? { element } : {}),
    })
  const segs = set.segments
  const beg = segs.find((s) => s.id === 'BEG')
  const poNumber = beg?.elements[3] ?? ''
  const poDate = beg?.elements[5] ?? ''
  if (!beg) fail(undefined, 'BEG', '3', 'the BEG segment is missing')
  else {
    if (!poNumber) fail(beg, 'BEG', '8', 'BEG03 (PO number) is empty', { position: 3, code: '1' })
    if (!['00', '05', '06'].includes(beg.elements[1] ?? ''))
      fail(beg, 'BEG', '8', `BEG01 purpose '${beg.elements[1]}' is not an original or replacement`, {
        position: 1,
        code: '7',
        value: beg.elements[1],
      })
    if (!isoDate(poDate))
      fail(beg, 'BEG', '8', `BEG05 '${poDate}' is not a CCYYMMDD date`, {
        position: 5,
        code: '8',
        value: poDate,
      })
  }
  const currency = segs.find((s) => s.id === 'CUR')?.elements[2] || config.currency

  // The ship-to N1 loop: N1*ST, then its N3 and N4.
  const n1 = segs.findIndex((s) => s.id === 'N1' && s.elements[1] === 'ST')
  const loopEnd = segs.findIndex((s, i) => i > n1 && !['N2', 'N3', 'N4', 'PER', 'REF'].includes(s.id))
  const loop = n1 >= 0 ? segs.slice(n1 + 1, loopEnd === -1 ? undefined : loopEnd) : []
  const n3 = loop.find((s) => s.id === 'N3')
  const n4 = loop.find((s) => s.id === 'N4')
  if (n1 < 0) fail(undefined, 'N1', '3', 'no N1*ST ship-to loop')
  else if (!n3) fail(segs[n1], 'N1', '3', 'the ship-to loop has no N3 address')

  const lines: (PoMemo['lines'][number] & { name?: string })[] = []
  for (const [index, s] of segs.entries()) {
    if (s.id !== 'PO1') continue
    const e = s.elements
    const quantity = Number(e[2])
    if (!/^\d+$/.test(e[2] ?? '') || quantity <= 0)
      fail(s, 'PO1', '8', `PO1 ${e[1]}: quantity '${e[2]}' is not a whole number of units`, {
        position: 2,
        code: '6',
        value: e[2],
      })
    if ((e[3] ?? 'EA') !== 'EA')
      fail(s, 'PO1', '8', `PO1 ${e[1]}: unit '${e[3]}' is not supported; order in EA`, {
        position: 3,
        code: '7',
        value: e[3],
      })
    // An empty PO104 is a PO without prices: the hub prices the line (contract or price list).
    if (e[4] && !DECIMAL.test(e[4]))
      fail(s, 'PO1', '8', `PO1 ${e[1]}: unit price '${e[4]}' is not a decimal`, {
        position: 4,
        code: '6',
        value: e[4],
      })
    const ids: [string, string][] = []
    for (let k = 6; k + 1 < e.length; k += 2) if (e[k] && e[k + 1]) ids.push([e[k]!, e[k + 1]!])
    // VP is the vendor's (our) part number: the sku. Buyer part numbers are echoed, never routed on.
    const sku = ids.find(([q]) => q === 'VP')?.[1] ?? ids.find(([q]) => q === 'SK')?.[1]
    if (!sku) fail(s, 'PO1', '8', `PO1 ${e[1]}: no VP (vendor part) or SK id`, { position: 6, code: '1' })
    const pid = segs[index + 1]?.id === 'PID' ? segs[index + 1]!.elements[5] : undefined
    lines.push({
      line: e[1] ?? String(lines.length + 1),
      quantity,
      uom: e[3] ?? 'EA',
      price: e[4] ?? '',
      ...(e[5] ? { basis: e[5] } : {}),
      ids,
      sku: sku ?? '',
      ...(pid ? { name: pid } : {}),
    })
  }
  if (lines.length === 0) fail(undefined, 'PO1', '3', 'the PO has no PO1 line')
  const ctt = segs.find((s) => s.id === 'CTT')
  if (ctt) {
    if (Number(ctt.elements[1]) !== lines.length)
      fail(ctt, 'CTT', '8', `CTT01 says ${ctt.elements[1]} line(s), the PO has ${lines.length}`, {
        position: 1,
        code: '6',
        value: ctt.elements[1],
      })
    const hash = lines.reduce((n, l) => n + (Number.isFinite(l.quantity) ? l.quantity : 0), 0)
    if (ctt.elements[2] && Number(ctt.elements[2]) !== hash)
      fail(ctt, 'CTT', '8', `CTT02 hash total ${ctt.elements[2]} is not the quantities' sum ${hash}`, {
        position: 2,
        code: '6',
        value: ctt.elements[2],
      })
  }
  if (errors.length > 0) {
    set.segmentErrors.push(...errors)
    return undefined
  }

  const n1s = segs[n1]!.elements
  const deliverBy = segs.find((s) => s.id === 'DTM' && s.elements[1] === '002')?.elements[2]
  const candidate = {
    externalId: poNumber,
    orderNumber: poNumber,
    placedAt: isoDate(poDate),
    currency,
    customer: { externalId: config.partner.id, name: n1s[2] || config.partner.id },
    shipTo: {
      name: n1s[2] || undefined,
      line1: n3!.elements[1] ?? '',
      ...(n3!.elements[2] ? { line2: n3!.elements[2] } : {}),
      ...(n4?.elements[1] ? { city: n4.elements[1] } : {}),
      ...(n4?.elements[2] ? { region: n4.elements[2] } : {}),
      ...(n4?.elements[3] ? { postcode: n4.elements[3] } : {}),
      country: n4?.elements[4] || config.defaultCountry,
    },
    serviceLevel: 'standard' as const,
    lines: lines.map((l) => ({
      externalLineId: l.line,
      sku: l.sku,
      quantity: l.quantity,
      ...(l.price ? { unitPrice: l.price } : {}),
      ...(l.name ? { name: l.name } : {}),
    })),
    tags: ['edi', config.partner.id.toLowerCase().slice(0, 60)],
    ...(deliverBy && isoDate(deliverBy)
      ? { notes: `Deliver by ${isoDate(deliverBy)!.slice(0, 10)} (DTM*002)` }
      : {}),
    raw: { set: set.control, segments: segs.map((s) => s.elements) },
  }
  const parsed = canonicalOrderSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of zodIssues(parsed.error)) fail(beg, 'BEG', '8', `${issue.field}: ${issue.message}`)
    set.segmentErrors.push(...errors)
    return undefined
  }
  return {
    order: parsed.data,
    memo: {
      poNumber,
      poDate,
      currency,
      shipTo: {
        name: n1s[2] ?? '',
        ...(n1s[3] ? { qualifier: n1s[3] } : {}),
        ...(n1s[4] ? { id: n1s[4] } : {}),
      },
      lines: lines.map(({ line, quantity, uom, price, basis, ids, sku }) => ({
        line,
        quantity,
        uom,
        price,
        ...(basis ? { basis } : {}),
        ids,
        sku,
      })),
    },
  }
}
