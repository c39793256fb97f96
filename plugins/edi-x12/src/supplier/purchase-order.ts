import type { FulfilmentRequest } from '@switchyard/plugin-sdk'
import { x12Date } from '../x12/write'

type Segs = (string | undefined)[][]

/** What the plugin keeps of a purchase order it sent, to read the supplier's answers against. */
export interface SentPo {
  poNumber: string
  /** BEG05, CCYYMMDD: the 860 that cancels the PO names it. */
  poDate: string
  fulfilmentId: string
  /** PO101 line numbers, each with the hub's sku, the supplier's part number if any, and the quantity ordered. */
  lines: { line: string; sku: string; part?: string; quantity: number }[]
}

/** BEG03 (at most 22 characters): the hub's fulfilment id, compacted; its tail is the random part. */
export const poNumberOf = (fulfilmentId: string) => `SY${fulfilmentId.replace(/-/g, '').slice(-20)}`

export function sentPo(request: FulfilmentRequest, at: Date): SentPo {
  return {
    poNumber: poNumberOf(request.fulfilmentId),
    poDate: x12Date(at),
    fulfilmentId: request.fulfilmentId,
    lines: request.lines.map((l, i) => ({
      line: String(i + 1),
      sku: l.sku,
      ...(l.supplierPartNumber ? { part: l.supplierPartNumber } : {}),
      quantity: l.quantity,
    })),
  }
}

/**
 * 850 drop-ship purchase order (BEG02 `DS`): the customer's order number (REF*CO), the customer as
 * ship-to (N1*ST, N3, N4), one PO1 per line and its name in a PID; CTT with the line count and
 * total units. A PO1 names the hub's sku as the buyer's part number (BP) and the supplier's own
 * number as the vendor's (VP) when the hub has one for it; without one, the hub's sku as VP, for a
 * supplier whose catalogue is keyed by the merchant's skus.
 */
export function po850(request: FulfilmentRequest, po: SentPo): Segs {
  const a = request.shipTo
  const body: Segs = [
    ['BEG', '00', 'DS', po.poNumber, undefined, po.poDate],
    ['REF', 'CO', request.orderNumber ?? request.externalOrderId],
    ['N1', 'ST', a.name ?? a.company ?? 'CUSTOMER'],
    ['N3', a.line1, a.line2],
    ['N4', a.city, a.region, a.postcode, a.country],
  ]
  if (a.phone) body.push(['PER', 'IC', a.name, 'TE', a.phone])
  for (const [i, l] of request.lines.entries()) {
    const { line, part } = po.lines[i]!
    const ids = part ? ['BP', l.sku, 'VP', part] : ['VP', l.sku]
    body.push(['PO1', line, String(l.quantity), 'EA', undefined, undefined, ...ids])
    if (l.name) body.push(['PID', 'F', undefined, undefined, undefined, l.name.slice(0, 80)])
  }
  const units = request.lines.reduce((n, l) => n + l.quantity, 0)
  body.push(['CTT', String(request.lines.length), String(units)])
  return body
}

/**
 * 860 purchase order change, purpose 01 (cancellation): sent when the supplier accepted only part
 * of a PO, which the hub routes again whole, so the part it accepted is not shipped as well.
 */
export function cancel860(po: SentPo, at: Date): Segs {
  // BCH06 the PO's date, BCH11 the date of this change request.
  const none = [undefined, undefined, undefined, undefined]
  return [['BCH', '01', 'DS', po.poNumber, undefined, undefined, po.poDate, ...none, x12Date(at)]]
}
