import type {
  ChannelInventoryLevel,
  OrderStatusUpdate,
  RefundRequest,
  ShipmentInfo,
} from '@switchyard/plugin-sdk'
import type { EdiX12Config } from './config'
import type { PoMemo } from './po850'
import { x12Date, x12Time } from './x12/write'

type Segs = (string | undefined)[][]

const idPairs = (ids: [string, string][]) => ids.flat()

/**
 * 855 PO acknowledgement: per line what the hub could allocate. All of it: IA. Part: IQ for what
 * ships and IB for the backordered rest. None: IB. BAK02 is AD when nothing changed, AC otherwise,
 * RJ when the hub refused the whole order. An order held because its prices differ from the
 * contract gets IP (price changed) with the contract price in PO104 for those lines, IA for the
 * rest. A line the PO sent without a price carries the hub's price in PO104.
 */
export function po855(
  memo: PoMemo,
  update: OrderStatusUpdate | undefined,
  at: Date,
  sellerOrder: string,
): Segs {
  const today = x12Date(at)
  const body: Segs = []
  let changed = false
  for (const line of memo.lines) {
    const status = update?.lines.find((l) => l.externalLineId === line.line)
    const priceChange = update?.priceChanges?.find((p) => p.externalLineId === line.line)
    body.push([
      'PO1',
      line.line,
      String(line.quantity),
      line.uom,
      priceChange?.unitPrice ?? (line.price || status?.unitPrice),
      line.basis,
      ...idPairs(line.ids),
    ])
    if (!status) {
      changed = true
      body.push(['ACK', 'IR', String(line.quantity), line.uom])
      continue
    }
    if (update?.status === 'held') {
      if (priceChange) changed = true
      body.push(['ACK', priceChange ? 'IP' : 'IA', String(line.quantity), line.uom])
      continue
    }
    const allocated = status.allocated + status.shipped
    const backordered = status.backordered
    if (allocated >= line.quantity) body.push(['ACK', 'IA', String(line.quantity), line.uom, '068', today])
    else {
      changed = true
      if (allocated > 0) body.push(['ACK', 'IQ', String(allocated), line.uom, '068', today])
      if (backordered > 0) body.push(['ACK', 'IB', String(backordered), line.uom])
    }
  }
  const type = !update ? 'RJ' : changed ? 'AC' : 'AD'
  return [
    ['BAK', '00', type, memo.poNumber, memo.poDate, undefined, undefined, undefined, sellerOrder, today],
    ...body,
    ['CTT', String(memo.lines.length)],
  ]
}

/** Standard carrier alpha codes for the carriers a WMS names; otherwise the name, as partners agree. */
const SCAC: Record<string, string> = {
  ups: 'UPSN',
  fedex: 'FDEG',
  'fedex ground': 'FDEG',
  'fedex express': 'FDEN',
  usps: 'USPS',
  dhl: 'DHLC',
  'nz post': 'NZPO',
}
export function scac(carrier: string): string {
  return (
    SCAC[carrier.trim().toLowerCase()] ??
    carrier
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(0, 4)
  )
}

/** SSCC-18: extension digit, company prefix, serial reference, GS1 mod-10 check digit. */
export function sscc18(companyPrefix: string, serial: number): string {
  const body = `0${companyPrefix}${String(serial)
    .padStart(16 - companyPrefix.length, '0')
    .slice(-(16 - companyPrefix.length))}`
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1)
  return `${body}${(10 - (sum % 10)) % 10}`
}

/** 856 ship notice, SOPI hierarchy: shipment → order → pack (one carton per shipment) → items. */
export function asn856(
  memo: PoMemo,
  shipment: ShipmentInfo,
  config: EdiX12Config,
  shipmentId: string,
  serial: number,
): Segs {
  const shipped = new Date(shipment.shippedAt)
  const body: Segs = [
    ['BSN', '00', shipmentId, x12Date(shipped), x12Time(shipped), '0001'],
    ['HL', '1', undefined, 'S'],
    ['TD1', 'CTN25', '1'],
    ['TD5', undefined, '2', scac(shipment.carrier), 'U'],
    ['REF', 'CN', shipment.trackingNumber],
    ['DTM', '011', x12Date(shipped)],
    ['N1', 'ST', memo.shipTo.name, memo.shipTo.qualifier, memo.shipTo.id],
    ['N1', 'SF', config.shipFrom.name, '92', config.shipFrom.id],
    ['HL', '2', '1', 'O'],
    ['PRF', memo.poNumber, undefined, undefined, memo.poDate],
    ['HL', '3', '2', 'P'],
    ['MAN', 'GM', sscc18(config.gs1CompanyPrefix, serial)],
  ]
  let hl = 3
  for (const l of shipment.lines) {
    const line =
      memo.lines.find((m) => m.line === l.externalLineId) ?? memo.lines.find((m) => m.sku === l.sku)
    hl++
    body.push(['HL', String(hl), '3', 'I'])
    body.push(['LIN', line?.line, ...(line ? idPairs(line.ids) : ['VP', l.sku])])
    body.push(['SN1', undefined, String(l.quantity), line?.uom ?? 'EA'])
  }
  body.push(['CTT', String(hl)])
  return body
}

/** Cents from a decimal string, exactly (TDS01 carries an implied two-decimal amount). */
function cents(price: string, quantity: number): bigint {
  const [whole, frac = ''] = price.split('.')
  const scaled = BigInt(`${whole}${frac.padEnd(4, '0').slice(0, 4)}`) * BigInt(quantity)
  return (scaled + 50n) / 100n
}

/** 810 invoice for what shipped, priced as the PO priced it. */
export function invoice810(
  memo: PoMemo,
  shipment: ShipmentInfo,
  config: EdiX12Config,
  invoiceNumber: string,
  at: Date,
): Segs {
  const body: Segs = [
    ['BIG', x12Date(at), invoiceNumber, memo.poDate, memo.poNumber],
    ['N1', 'RE', config.remitTo.name, '92', config.remitTo.id],
    ['N1', 'ST', memo.shipTo.name, memo.shipTo.qualifier, memo.shipTo.id],
    ['ITD', '01', '3', undefined, undefined, undefined, undefined, String(config.netDays)],
  ]
  let total = 0n
  let count = 0
  for (const l of shipment.lines) {
    const line =
      memo.lines.find((m) => m.line === l.externalLineId) ?? memo.lines.find((m) => m.sku === l.sku)
    if (!line) continue
    count++
    total += cents(line.price, l.quantity)
    body.push(['IT1', line.line, String(l.quantity), line.uom, line.price, undefined, ...idPairs(line.ids)])
  }
  body.push(['TDS', total.toString()])
  body.push(['CTT', String(count)])
  return body
}

/** Cents from a decimal amount (no quantity), for the N2 amounts of the 812. */
const amountCents = (amount: string): bigint => cents(amount, 1)
const decimal = (c: bigint): string => {
  const sign = c < 0n ? '-' : ''
  const abs = c < 0n ? -c : c
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`
}

/**
 * 812 credit memo for a refund the hub made after a return: one CDD per returned line (reason 72,
 * authorised return, flagged as returned goods) with the line's LIN ids, shipping paid back as a
 * freight allowance (SAC D240), and a restocking fee as a debit line (reason 49, processing charge).
 * BCD04 is the net credit and always equals the details. Lines the hub sent without an amount are
 * credited at the PO's price. Amounts in CDD04 and SAC05 carry an implied decimal point; BCD04 an
 * explicit one.
 */
export function credit812(memo: PoMemo, refund: RefundRequest, creditNumber: string, at: Date): Segs {
  const details: Segs = []
  let net = 0n
  refund.lines.forEach((l, i) => {
    const line =
      memo.lines.find((m) => m.line === l.externalLineId) ?? memo.lines.find((m) => m.sku === l.sku)
    const amount = l.amount ? amountCents(l.amount) : line?.price ? cents(line.price, l.quantity) : 0n
    net += amount
    details.push(['CDD', '72', 'C', line?.line ?? String(i + 1), amount.toString(), 'Y'])
    details.push(['LIN', line?.line, ...(line ? idPairs(line.ids) : ['VP', l.sku])])
  })
  const heading: Segs = []
  if (refund.shipping && amountCents(refund.shipping) > 0n) {
    net += amountCents(refund.shipping)
    heading.push(['SAC', 'A', 'D240', undefined, undefined, amountCents(refund.shipping).toString()])
  }
  if (refund.restockingFee && amountCents(refund.restockingFee) > 0n) {
    net -= amountCents(refund.restockingFee)
    details.push(['CDD', '49', 'D', 'RESTOCK', amountCents(refund.restockingFee).toString()])
  }
  return [
    [
      'BCD',
      x12Date(at),
      creditNumber,
      'I',
      decimal(net),
      'C',
      undefined,
      undefined,
      undefined,
      memo.poDate,
      memo.poNumber,
    ],
    ['CUR', 'SE', refund.currency ?? memo.currency],
    ...(refund.reason ? [['N9', 'ZZ', refund.refundId.slice(0, 30), refund.reason.slice(0, 45)]] : []),
    ...heading,
    ['N1', 'BY', memo.shipTo.name, memo.shipTo.qualifier, memo.shipTo.id],
    ...details,
  ]
}

/**
 * 846 inventory advice: for each sku (LIN VP, our part number) the quantity the partner may still
 * sell (QTY*33, available for sale), as of when the hub computed it (BIA04/05: the report's date and
 * time). BIA01 00 original, BIA02 DD (distributor inventory report), BIA03 our report number.
 */
export function advice846(levels: readonly ChannelInventoryLevel[], reportNumber: string, at: Date): Segs {
  return [
    ['BIA', '00', 'DD', reportNumber, x12Date(at), x12Time(at)],
    ...levels.flatMap((l) => [
      ['LIN', undefined, 'VP', l.sku],
      ['QTY', '33', String(Math.max(0, l.available)), 'EA'],
    ]),
    ['CTT', String(levels.length)],
  ]
}
