import { readFileSync } from 'node:fs'
import type { OrderStatusUpdate, ShipmentInfo } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { ediX12Config } from './config'
import { asn856, credit812, invoice810, po855, sscc18 } from './documents'
import { read850 } from './po850'
import { ack997 } from './x12/ack'
import { parseInterchange, UnreadableInterchangeError } from './x12/parse'
import { writeInterchange } from './x12/write'

const sample = (n: string) => readFileSync(new URL(`../fixtures/sample_${n}.edi`, import.meta.url), 'latin1')
const config = ediX12Config.parse({
  mailbox: '/tmp/unused',
  partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
  us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
  shipFrom: { name: 'HUB WAREHOUSE EAST', id: 'WH-E' },
  remitTo: { name: 'HUB SUPPLIER LLC', id: 'HUB' },
  gs1CompanyPrefix: '0012345',
})
/** The segments of a sample's transaction set, as element lists, to compare with what we write. */
const bodyOf = (text: string) => parseInterchange(text).groups[0]!.sets[0]!.segments.map((s) => s.elements)

describe('X12 envelopes', () => {
  it('reads the five validated samples with every count and control number matching', () => {
    for (const n of ['850', '855', '856', '810', '997']) {
      const x = parseInterchange(sample(n))
      expect(x.errors, n).toEqual([])
      expect(x.delimiters).toEqual({ element: '*', component: '>', segment: '~' })
      for (const g of x.groups) {
        expect(g.errors, n).toEqual([])
        for (const s of g.sets) expect(s.errors, n).toEqual([])
      }
    }
  })

  it('reads delimiters from the ISA, whatever they are', () => {
    const other = sample('850').replace(/\*/g, '|').replace(/~/g, "'").replace("|>'", "|:'")
    const x = parseInterchange(other)
    expect(x.delimiters).toEqual({ element: '|', component: ':', segment: "'" })
    expect(x.groups[0]!.sets[0]!.segments[1]!.elements).toEqual([
      'BEG',
      '00',
      'SA',
      'PO-45001',
      '',
      '20250115',
    ])
  })

  it('names the wrong SE01 count, a mismatched IEA02 and GE01, and refuses a non-106 ISA', () => {
    const badCount = parseInterchange(sample('850').replace('SE*13*0001', 'SE*12*0001'))
    expect(badCount.groups[0]!.sets[0]!.errors).toEqual([expect.objectContaining({ code: '4' })])
    const badIea = parseInterchange(sample('850').replace('IEA*1*000000101', 'IEA*1*000000999'))
    expect(badIea.errors).toEqual([expect.objectContaining({ code: '001' })])
    const badGe = parseInterchange(sample('850').replace('GE*1*101', 'GE*2*101'))
    expect(badGe.groups[0]!.errors).toEqual([expect.objectContaining({ code: '5' })])
    expect(() => parseInterchange(sample('850').replace('ACMERETAIL     ', 'ACMERETAIL    '))).toThrow(
      UnreadableInterchangeError,
    )
  })

  it('writes an ISA of exactly 106 characters and counts that parse back clean', () => {
    const text = writeInterchange({
      sender: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
      receiver: { qualifier: 'ZZ', id: 'ACMERETAIL' },
      control: 204,
      version: '00401',
      usage: 'T',
      at: new Date('2025-01-15T10:30:00Z'),
      delimiters: { element: '*', component: '>', segment: '~' },
      groups: [
        {
          functionalId: 'FA',
          sender: 'HUBSUPPLIER',
          receiver: 'ACMERETAIL',
          version: '004010',
          sets: [
            { id: '997', body: ack997(parseInterchange(sample('850')).groups[0]!, { rejectAll: false }) },
          ],
        },
      ],
    })
    // The sample 997 was validated independently (node-x12 strict mode): ours is byte-identical.
    expect(text).toBe(sample('997'))
    expect(text.indexOf('~')).toBe(105)
  })
})

describe('X12 documents from the sample purchase order', () => {
  const set = parseInterchange(sample('850')).groups[0]!.sets[0]!
  const read = read850(set, config)!

  it('maps the 850 to a canonical order, vendor part numbers as skus', () => {
    expect(read.order).toMatchObject({
      externalId: 'PO-45001',
      placedAt: '2025-01-15T00:00:00Z',
      currency: 'USD',
      shipTo: {
        name: 'ACME STORE 042',
        line1: '100 MAIN ST',
        city: 'SPRINGFIELD',
        region: 'IL',
        postcode: '62701',
        country: 'US',
      },
      notes: 'Deliver by 2025-01-22 (DTM*002)',
    })
    expect(read.order.lines).toEqual([
      { externalLineId: '1', sku: 'WID-RED-S', quantity: 24, unitPrice: '12.50', name: 'RED WIDGET SMALL' },
      { externalLineId: '2', sku: 'WID-BLU-M', quantity: 12, unitPrice: '8.75', name: 'BLUE WIDGET MEDIUM' },
    ])
  })

  it('records AK3/AK4 errors for a bad quantity and a wrong CTT', () => {
    const bad = parseInterchange(
      sample('850').replace('PO1*2*12*EA', 'PO1*2*1X*EA').replace('CTT*2*36', 'CTT*3*36'),
    ).groups[0]!.sets[0]!
    expect(read850(bad, config)).toBeUndefined()
    expect(
      bad.segmentErrors.map((e) => [e.segment, e.position, e.code, e.element?.position, e.element?.code]),
    ).toEqual([
      ['PO1', 10, '8', 2, '6'],
      ['CTT', 12, '8', 1, '6'],
      ['CTT', 12, '8', 2, '6'],
    ])
    expect(ack997(parseInterchange(sample('850')).groups[0]!, { rejectAll: true }).at(-1)).toEqual([
      'AK9',
      'R',
      '1',
      '1',
      '0',
    ])
  })

  const at = new Date('2025-01-20T14:30:00Z')
  const update: OrderStatusUpdate = {
    orderId: 'o',
    externalOrderId: 'PO-45001',
    status: 'backordered',
    lines: [
      {
        externalLineId: '1',
        sku: 'WID-RED-S',
        quantity: 24,
        allocated: 24,
        backordered: 0,
        shipped: 0,
        cancelled: 0,
      },
      {
        externalLineId: '2',
        sku: 'WID-BLU-M',
        quantity: 12,
        allocated: 10,
        backordered: 2,
        shipped: 0,
        cancelled: 0,
      },
    ],
    shipments: [],
    occurredAt: at.toISOString(),
  }

  it('writes the 855 of the sample: line 1 accepted, line 2 ten shipping and two backordered', () => {
    const body = po855(read.memo, update, at, 'SO-9001')
    const expected = bodyOf(sample('855')).slice(1, -1)
    expect(body[0]).toEqual([
      'BAK',
      '00',
      'AC',
      'PO-45001',
      '20250115',
      undefined,
      undefined,
      undefined,
      'SO-9001',
      '20250120',
    ])
    const strip = (s: (string | undefined)[]) =>
      s
        .map((e) => e ?? '')
        .join('*')
        .replace(/\*+$/, '')
    // The sample dates the backorder (IB, 2025-02-03); the hub has no restock date to promise.
    expect(body.slice(1).map(strip)).toEqual(
      expected
        .slice(1)
        .map((s) => s.join('*'))
        .map((s) => s.replace('ACK*IB*2*EA*068*20250203', 'ACK*IB*2*EA')),
    )
  })

  const shipment: ShipmentInfo = {
    fulfilmentId: 'f1',
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    shippedAt: at.toISOString(),
    lines: [
      { externalLineId: '1', sku: 'WID-RED-S', quantity: 24 },
      { externalLineId: '2', sku: 'WID-BLU-M', quantity: 10 },
    ],
  }

  it('writes the 856 of the sample: SOPI hierarchy, SCAC, tracking, SSCC-18 with its check digit', () => {
    expect(sscc18('0012345', 600000001)).toBe('000123456000000012')
    const body = asn856(read.memo, shipment, config, 'SHP-7001', 600000001).map((s) =>
      s
        .map((e) => e ?? '')
        .join('*')
        .replace(/\*+$/, ''),
    )
    const expected = bodyOf(sample('856'))
      .slice(1, -1)
      .map((s) => s.join('*'))
    // The sample adds a gross weight on TD1, which the WMS does not report.
    expect(body).toEqual(expected.map((s) => (s.startsWith('TD1') ? 'TD1*CTN25*1' : s)))
  })

  it('writes an 855 with a price change for a held order: IP with the contract price, IA for the rest', () => {
    const held: OrderStatusUpdate = {
      ...update,
      status: 'held',
      lines: update.lines.map((l) => ({ ...l, allocated: 0, backordered: 0 })),
      priceChanges: [{ externalLineId: '2', sku: 'WID-BLU-M', orderedUnitPrice: '8.75', unitPrice: '8.10' }],
    }
    const strip = (s: (string | undefined)[]) =>
      s
        .map((e) => e ?? '')
        .join('*')
        .replace(/\*+$/, '')
    const body = po855(read.memo, held, at, 'SO-9001').map(strip)
    expect(body).toEqual([
      'BAK*00*AC*PO-45001*20250115****SO-9001*20250120',
      'PO1*1*24*EA*12.50*PE*VP*WID-RED-S*UP*012345678905',
      'ACK*IA*24*EA',
      'PO1*2*12*EA*8.10*PE*VP*WID-BLU-M*UP*012345678912',
      'ACK*IP*12*EA',
      'CTT*2',
    ])
  })

  it('reads an 850 without prices: the lines come without unitPrice, for the hub to price', () => {
    const x = parseInterchange(sample('850').replace('*12.50*PE*', '**PE*'))
    const r = read850(x.groups[0]!.sets[0]!, config)!
    expect(r.order.lines[0]!.unitPrice).toBeUndefined()
    expect(r.order.lines[1]!.unitPrice).toBe('8.75')
    expect(r.memo.lines[0]!.price).toBe('')
  })

  it('writes the 810 of the sample, TDS in cents: 24 × 12.50 + 10 × 8.75 = 387.50', () => {
    const body = invoice810(read.memo, shipment, config, 'INV-8001', new Date('2025-01-21T00:00:00Z')).map(
      (s) =>
        s
          .map((e) => e ?? '')
          .join('*')
          .replace(/\*+$/, ''),
    )
    expect(body).toEqual(
      bodyOf(sample('810'))
        .slice(1, -1)
        .map((s) => s.join('*')),
    )
  })

  it('writes an 812 credit memo for a refund: a CDD per line, shipping as an allowance, the fee as a debit', () => {
    const strip = (s: (string | undefined)[]) =>
      s
        .map((e) => e ?? '')
        .join('*')
        .replace(/\*+$/, '')
    const body = credit812(
      read.memo,
      {
        refundId: 'r-1',
        orderId: 'o-1',
        externalOrderId: 'PO-45001',
        currency: 'USD',
        reason: 'damaged in transit',
        // Line 1 with the hub's amount (after its discount share); line 2 at the PO's price.
        lines: [
          { externalLineId: '1', sku: 'WID-RED-S', quantity: 2, amount: '24.00' },
          { externalLineId: '2', sku: 'WID-BLU-M', quantity: 1 },
        ],
        shipping: '5.00',
        restockingFee: '3.25',
        notifyCustomer: false,
      },
      'CM-9001',
      new Date('2025-02-03T00:00:00Z'),
    ).map(strip)
    // 24.00 + 8.75 + 5.00 − 3.25 = 34.50
    expect(body).toEqual([
      'BCD*20250203*CM-9001*I*34.50*C****20250115*PO-45001',
      'CUR*SE*USD',
      'N9*ZZ*r-1*damaged in transit',
      'SAC*A*D240***500',
      'N1*BY*ACME STORE 042*92*042',
      'CDD*72*C*1*2400*Y',
      'LIN*1*VP*WID-RED-S*UP*012345678905',
      'CDD*72*C*2*875*Y',
      'LIN*2*VP*WID-BLU-M*UP*012345678912',
      'CDD*49*D*RESTOCK*325',
    ])
  })
})

describe('X12 character sets', () => {
  /** The 850 sample with `bytes` (as latin1 characters, the way the mailbox reads a file) in its N1 name. */
  const withName = (bytes: number[]) =>
    sample('850').replace('ACME STORE 042', `ACME ${Buffer.from(bytes).toString('latin1')} 042`)

  it('decodes UTF-8 data elements', () => {
    const x = parseInterchange(withName([...Buffer.from('Zoë 東京')]))
    const n1 = x.groups[0]!.sets[0]!.segments.find((s) => s.id === 'N1')!
    expect(n1.elements[2]).toBe('ACME Zoë 東京 042')
    expect(x.groups[0]!.sets[0]!.segmentErrors).toEqual([])
  })

  it('rejects control characters and bytes that are not UTF-8 with AK4 code 6 at the element', () => {
    const cases = [
      ...Array.from({ length: 0x20 }, (_, c) => [c]),
      [0x7f],
      [0xc2, 0x85], // C1 NEL, well-formed UTF-8
      [0xe9], // latin-1 é: not UTF-8
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xc0, 0xaf],
    ]
    for (const bytes of cases) {
      // The sample's own delimiters are not characters of the data.
      if (bytes.length === 1 && [0x2a, 0x7e, 0x3e].includes(bytes[0]!)) continue
      const set = parseInterchange(withName(bytes)).groups[0]!.sets[0]!
      expect(set.segmentErrors, JSON.stringify(bytes)).toEqual([
        expect.objectContaining({ segment: 'N1', code: '8', element: { position: 2, code: '6' } }),
      ])
      const ack = ack997(parseInterchange(withName(bytes)).groups[0]!, { rejectAll: true })
      expect(ack).toContainEqual(['AK4', '2', undefined, '6', undefined])
      expect(ack).toContainEqual(['AK5', 'R', '5'])
    }
  })

  it('rejects a control character in the envelope as invalid interchange content (TA1 024)', () => {
    const x = parseInterchange(sample('850').replace('GS*PO*ACMERETAIL', 'GS*PO*ACME\u0000RETAIL'))
    expect(x.errors).toContainEqual(
      expect.objectContaining({ code: '024', message: expect.stringMatching(/^GS02 /) }),
    )
  })
})
