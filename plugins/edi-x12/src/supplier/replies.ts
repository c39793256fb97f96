import type { InboundEvent, InventorySnapshot, ShipmentConfirmation } from '@switchyard/plugin-sdk'
import type { Segment, TransactionSet } from '../x12/parse'
import type { SentPo } from './purchase-order'

/** What one of the supplier's documents means to the hub, and what the plugin must answer. */
export interface Reading {
  events: InboundEvent[]
  /** POs the supplier accepted only part of: each gets an 860 cancelling it once the hub has re-routed it. */
  cancel: SentPo[]
  /** Why a document changed nothing (a PO not ours, an 856 without tracking), for the log. */
  notes: string[]
  /** What the supplier answered: `po:<n>` (a 997 or 855 for our 850), `cancel:<n>` (an 865 for our 860). */
  answered: string[]
}

export type FindPo = (poNumber: string) => Promise<SentPo | undefined>

const el = (s: Segment | undefined, i: number) => s?.elements[i]?.trim() ?? ''
const first = (set: TransactionSet, id: string) => set.segments.find((s) => s.id === id)
const empty = (): Reading => ({ events: [], cancel: [], notes: [], answered: [] })

/** The supplier's part numbers the hub's POs named (VP), each with the hub's sku it stands for. */
export type PartNumbers = ReadonlyMap<string, string>

const idOf = (s: Segment, from: number, q: string) => {
  for (let i = from; i + 1 < s.elements.length; i += 2)
    if (el(s, i) === q && el(s, i + 1)) return el(s, i + 1)
  return undefined
}

/**
 * The hub's sku a LIN or PO1 names: the buyer's part number (BP, ours), else the vendor's (VP),
 * translated when it is one of the supplier's own numbers the hub's POs used, else SK.
 */
export function skuOf(s: Segment, from: number, parts: PartNumbers = new Map()): string | undefined {
  const bp = idOf(s, from, 'BP')
  if (bp) return bp
  const vp = idOf(s, from, 'VP')
  if (vp) return parts.get(vp) ?? vp
  return idOf(s, from, 'SK')
}

/** Every VP a set names: the part numbers to look up before reading it. */
export function vendorPartsIn(set: TransactionSet): string[] {
  const out = new Set<string>()
  for (const s of set.segments)
    if (s.id === 'LIN' || s.id === 'PO1') {
      const vp = idOf(s, s.id === 'LIN' ? 2 : 6, 'VP')
      if (vp) out.add(vp)
    }
  return [...out]
}

/** ACK01 codes (element 668) that accept the quantity in ACK02: accepted, with changes, price or quantity changed, rescheduled. */
const ACCEPTING = new Set(['IA', 'IC', 'IP', 'IQ', 'DR'])

/**
 * 855: per PO1 line, the units its ACK segments accept (IA, IC, IP, IQ, DR; an ACK without ACK02
 * accepts or refuses the line's whole quantity). Every line accepted in full: nothing to tell the
 * hub. Anything less (BAK02 RJ or RD, IR, R1–R8, IB backordered, ID deleted, IS substituted…):
 * the hub's fulfilment cannot be split, so the whole PO is refused (`fulfilment.rejected`, which
 * re-routes the order), and a PO the supplier accepted part of is cancelled with an 860.
 */
export async function read855(
  set: TransactionSet,
  findPo: FindPo,
  parts: PartNumbers = new Map(),
): Promise<Reading> {
  const out = empty()
  const bak = first(set, 'BAK')
  const po = await findPo(el(bak, 3))
  if (!po) {
    out.notes.push(`855 for PO ${el(bak, 3)}, which this supplier was not sent`)
    return out
  }
  out.answered.push(`po:${po.poNumber}`)
  const accepted = new Map(po.lines.map((l) => [l.line, 0]))
  const refusals: string[] = []
  let line: SentPo['lines'][number] | undefined
  for (const s of set.segments) {
    if (s.id === 'PO1') {
      const sku = skuOf(s, 6, parts)
      line = po.lines.find((l) => l.line === el(s, 1)) ?? po.lines.find((l) => l.sku === sku)
    } else if (s.id === 'ACK' && line) {
      const units = el(s, 2) === '' ? line.quantity : Number(el(s, 2))
      if (ACCEPTING.has(el(s, 1))) accepted.set(line.line, (accepted.get(line.line) ?? 0) + units)
      else refusals.push(`${line.sku}: ${units} ${el(s, 1)}`)
    }
  }
  const type = el(bak, 2)
  const short = po.lines.filter((l) => (accepted.get(l.line) ?? 0) < l.quantity)
  if (type !== 'RJ' && type !== 'RD' && short.length === 0) return out
  const some = type !== 'RJ' && type !== 'RD' && [...accepted.values()].some((n) => n > 0)
  const detail = short.map((l) => `${l.sku} ${accepted.get(l.line) ?? 0} of ${l.quantity}`).join(', ')
  const reason = `supplier's 855 for PO ${po.poNumber} (BAK02 ${type || '?'})${
    detail ? ` accepts ${detail}` : ''
  }${refusals.length > 0 ? ` [${refusals.join('; ')}]` : ''}${some ? '; the PO is cancelled and routed again whole' : ''}`
  out.events.push({
    type: 'fulfilment.rejected',
    fulfilmentId: po.fulfilmentId,
    reason: reason.slice(0, 1000),
  })
  if (some) out.cancel.push(po)
  return out
}

/** CCYYMMDD and HHMM(SS) as an ISO instant in UTC; undefined when the date is not one. */
function instant(date: string, time: string): string | undefined {
  if (!/^\d{8}$/.test(date)) return undefined
  const t = /^\d{4,6}$/.test(time) ? time.padEnd(6, '0') : '000000'
  const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`
  return Number.isNaN(Date.parse(iso)) ? undefined : iso
}

interface AsnOrder {
  poNumber: string
  lines: Map<string, number>
}

/**
 * 856 ship notice: the shipment level's carrier (TD503, its SCAC), tracking number (REF*CN) and
 * ship date (DTM*011, else BSN03/04); each order level's PO (PRF01) with its items (LIN part number,
 * SN102 units). One `shipment` per PO of ours. Without a tracking number nothing is confirmed.
 */
export async function read856(
  set: TransactionSet,
  findPo: FindPo,
  parts: PartNumbers = new Map(),
): Promise<Reading> {
  const out = empty()
  const bsn = first(set, 'BSN')
  const carrier = el(first(set, 'TD5'), 3) || el(first(set, 'TD5'), 5)
  const tracking = el(
    set.segments.find((s) => s.id === 'REF' && el(s, 1) === 'CN'),
    2,
  )
  const dtm = set.segments.find((s) => s.id === 'DTM' && el(s, 1) === '011')
  const shippedAt = dtm ? instant(el(dtm, 2), el(dtm, 3)) : instant(el(bsn, 3), el(bsn, 4))
  const orders: AsnOrder[] = []
  let sku: string | undefined
  for (const s of set.segments) {
    if (s.id === 'PRF') orders.push({ poNumber: el(s, 1), lines: new Map() })
    else if (s.id === 'LIN') sku = skuOf(s, 2, parts)
    else if (s.id === 'SN1' && sku && orders.length > 0) {
      const lines = orders.at(-1)!.lines
      lines.set(sku, (lines.get(sku) ?? 0) + Number(el(s, 2)))
      sku = undefined
    }
  }
  if (!tracking || !carrier) {
    out.notes.push(`856 ${el(bsn, 2)} names no ${tracking ? 'carrier (TD503)' : 'tracking number (REF*CN)'}`)
    return out
  }
  for (const o of orders) {
    const po = await findPo(o.poNumber)
    if (!po) {
      out.notes.push(`856 ${el(bsn, 2)} names PO ${o.poNumber}, which this supplier was not sent`)
      continue
    }
    out.answered.push(`po:${po.poNumber}`, `cancel:${po.poNumber}`)
    const shipment: ShipmentConfirmation = {
      fulfilmentId: po.fulfilmentId,
      externalShipmentId: el(bsn, 2).slice(0, 200),
      carrier: carrier.slice(0, 100),
      trackingNumber: tracking.slice(0, 200),
      ...(shippedAt ? { shippedAt } : {}),
      ...(o.lines.size > 0 ? { lines: [...o.lines].map(([s, quantity]) => ({ sku: s, quantity })) } : {}),
    }
    out.events.push({ type: 'shipment', shipment })
  }
  return out
}

/**
 * 846 inventory advice: as of BIA04/05, each LIN's part number with its QTY*33 (available for sale)
 * or QTY*17 (on hand) units, as snapshots of the supplier's location. One event per sku, so a sku
 * the hub does not sell is refused alone and the others still apply.
 */
export function read846(
  set: TransactionSet,
  locationId: string,
  interchange: string,
  parts: PartNumbers = new Map(),
): Reading {
  const out = empty()
  const bia = first(set, 'BIA')
  const asOf = instant(el(bia, 4), el(bia, 5))
  if (!asOf) {
    out.notes.push(`846 ${el(bia, 3)} has no report date (BIA04)`)
    return out
  }
  let sku: string | undefined
  for (const s of set.segments) {
    if (s.id === 'LIN') sku = skuOf(s, 2, parts)
    else if (s.id === 'QTY' && sku && (el(s, 1) === '33' || el(s, 1) === '17')) {
      const onHand = Math.max(0, Math.trunc(Number(el(s, 2))))
      if (!Number.isFinite(onHand)) continue
      const snapshot: InventorySnapshot = {
        locationId,
        sku,
        onHand,
        asOf,
        eventId: `846:${interchange}:${set.control}:${sku}`.slice(0, 200),
      }
      out.events.push({ type: 'inventory', snapshots: [snapshot] })
      sku = undefined
    }
  }
  return out
}

/**
 * 997 for one of our 850s: AK1 names the group (our interchange's control number, which names the
 * PO), AK5/AK9 whether the supplier's translator took it. A rejected 850 never reached the
 * supplier's books, so the hub routes the order elsewhere.
 */
export async function read997(set: TransactionSet, poOfGroup: FindPo): Promise<Reading> {
  const out = empty()
  const ak1 = first(set, 'AK1')
  if (el(ak1, 1) !== 'PO') return out
  const po = await poOfGroup(el(ak1, 2))
  if (!po) return out
  out.answered.push(`po:${po.poNumber}`)
  const rejected =
    set.segments.some((s) => s.id === 'AK5' && el(s, 1) === 'R') ||
    set.segments.some((s) => s.id === 'AK9' && el(s, 1) === 'R')
  if (rejected)
    out.events.push({
      type: 'fulfilment.rejected',
      fulfilmentId: po.fulfilmentId,
      reason: `the supplier's 997 rejects the 850 for PO ${po.poNumber}`,
    })
  return out
}

/** BCA02 (element 587) that accept the change: accepted, acknowledged with or without detail. */
const CHANGE_ACCEPTED = new Set(['AT', 'AC', 'AD', 'AK'])

/**
 * 865 answering the 860 by which the hub cancelled a PO (`cancelling`: the POs it asked to cancel):
 * accepted (BCA02 AT, AC, AD, AK) confirms the cancellation (`fulfilment.cancelled`); anything else
 * (RJ, RD) refuses it (`fulfilment.cancel_refused`): the PO goes on, the order leaves `cancelling`
 * and the channel is told.
 */
export async function read865(
  set: TransactionSet,
  findPo: FindPo,
  cancelling: (poNumber: string) => Promise<boolean>,
): Promise<Reading> {
  const out = empty()
  const bca = first(set, 'BCA')
  const po = await findPo(el(bca, 3))
  if (!po || !(await cancelling(po.poNumber))) {
    out.notes.push(`865 for PO ${el(bca, 3)}, which the hub did not ask to cancel`)
    return out
  }
  out.answered.push(`cancel:${po.poNumber}`)
  if (CHANGE_ACCEPTED.has(el(bca, 2)))
    out.events.push({
      type: 'fulfilment.cancelled',
      fulfilmentId: po.fulfilmentId,
      reason: `the supplier's 865 accepts the cancellation of PO ${po.poNumber}`,
    })
  else
    out.events.push({
      type: 'fulfilment.cancel_refused',
      fulfilmentId: po.fulfilmentId,
      reason: `the supplier's 865 refuses to cancel PO ${po.poNumber} (BCA02 ${el(bca, 2) || '?'})`,
    })
  return out
}
