import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FulfilmentRequest, PollResult } from '@switchyard/plugin-sdk'
import { createTestContext } from '@switchyard/plugin-sdk/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import plugin from './index'

const request: FulfilmentRequest = {
  fulfilmentId: '0193a6c1-7b2e-7000-8000-00000000f001',
  orderId: 'o-1',
  externalOrderId: 'ORD-1',
  orderNumber: 'WEB-1001',
  channelInstanceId: 'web',
  location: { id: 'sup', name: 'Supplier' },
  shipTo: { name: 'Aroha Ngata', line1: '1 Queen Street', city: 'Auckland', postcode: '1010', country: 'NZ' },
  serviceLevel: 'standard',
  lines: [
    { lineId: 'l1', sku: 'KAYAK', quantity: 2, name: 'Sea kayak' },
    { lineId: 'l2', sku: 'PADDLE', quantity: 3 },
  ],
  requestedAt: '2026-12-06T10:00:00Z',
}

let mailbox: string
let control = 900

/** One interchange from the supplier holding one set. */
function fromSupplier(functionalId: string, setId: string, body: string[], sender = 'DROPSUP'): string {
  const n = String(++control).padStart(9, '0')
  const set = [`ST*${setId}*0001`, ...body]
  set.push(`SE*${set.length + 1}*0001`)
  const text = [
    `ISA*00*          *00*          *ZZ*${sender.padEnd(15)}*ZZ*${'HUBBUYER'.padEnd(15)}*261206*1030*U*00401*${n}*0*T*>`,
    `GS*${functionalId}*${sender}*HUBBUYER*20261206*1030*${control}*X*004010`,
    ...set,
    `GE*1*${control}`,
    `IEA*1*${n}`,
  ].join('~\n')
  writeFileSync(join(mailbox, 'inbound', `${setId}-${control}.edi`), `${text}~\n`)
  return `${setId}-${control}.edi`
}

const outbound = () => readdirSync(join(mailbox, 'outbound')).filter((f) => !f.startsWith('.'))
const outboundText = (setId: string) =>
  outbound()
    .filter((f) => f.includes(`_${setId}_`))
    .map((f) => readFileSync(join(mailbox, 'outbound', f), 'latin1'))

describe('the EDI drop-ship supplier', () => {
  beforeEach(() => {
    mailbox = mkdtempSync(join(tmpdir(), 'edi-supplier-'))
    mkdirSync(join(mailbox, 'inbound'), { recursive: true })
  })
  afterEach(() => rmSync(mailbox, { recursive: true, force: true }))

  const world = () =>
    createTestContext(plugin, {
      mailbox,
      partner: { qualifier: 'ZZ', id: 'DROPSUP' },
      us: { qualifier: 'ZZ', id: 'HUBBUYER' },
      usage: 'T',
      locationId: 'sup',
    })

  /** One poll and its commit, as the hub runs them. */
  async function pollOnce(t: ReturnType<typeof world>): Promise<PollResult> {
    const result = await plugin.capabilities.ordersPoll!.poll(null, t.ctx)
    await plugin.capabilities.ordersPoll!.committed!(result, t.ctx)
    return result
  }

  async function send850(t: ReturnType<typeof world>): Promise<string> {
    const sent = await plugin.capabilities.fulfilment!.requestFulfilment(request, t.ctx)
    expect(sent).toEqual({ status: 'accepted', externalRef: expect.stringMatching(/^SY[0-9a-f]{20}$/) })
    return (sent as { externalRef: string }).externalRef
  }

  it('writes a drop-ship 850 once per fulfilment, the same file when the request is retried', async () => {
    const t = world()
    const po = await send850(t)
    expect(await send850(t)).toBe(po)
    const [text, ...more] = outboundText('850')
    expect(more).toEqual([])
    expect(text).toContain(`BEG*00*DS*${po}**`)
    expect(text).toContain('REF*CO*WEB-1001~')
    expect(text).toContain('N1*ST*Aroha Ngata~')
    expect(text).toContain('N4*Auckland**1010*NZ~')
    expect(text).toContain('PO1*1*2*EA***VP*KAYAK~')
    expect(text).toContain('PID*F****Sea kayak~')
    expect(text).toContain('PO1*2*3*EA***VP*PADDLE~')
    expect(text).toContain('CTT*2*5~')
    expect(text).toMatch(/GS\*PO\*HUBBUYER\*DROPSUP\*/)
  })

  it('tells the hub nothing for an 855 accepting every line, and answers it with a 997', async () => {
    const t = world()
    const po = await send850(t)
    const file = fromSupplier('PR', '855', [
      `BAK*00*AD*${po}*20261206`,
      'PO1*1*2*EA***VP*KAYAK',
      'ACK*IA*2*EA',
      'PO1*2*3*EA***VP*PADDLE',
      'ACK*IA*3*EA',
    ])
    const result = await pollOnce(t)
    expect(result.events).toEqual([])
    expect(readdirSync(join(mailbox, 'inbound', 'processed'))).toEqual([file])
    expect(outboundText('997').some((a) => a.includes('AK1*PR*') && a.includes('AK5*A'))).toBe(true)
  })

  it('refuses the whole PO on a partial 855 and cancels it with an 860, since a fulfilment cannot be split', async () => {
    const t = world()
    const po = await send850(t)
    fromSupplier('PR', '855', [
      `BAK*00*AC*${po}*20261206`,
      'PO1*1*2*EA***VP*KAYAK',
      'ACK*IA*2*EA',
      'PO1*2*3*EA***VP*PADDLE',
      'ACK*IQ*1*EA',
      'ACK*IB*2*EA',
    ])
    const result = await pollOnce(t)
    expect(result.events).toEqual([
      {
        type: 'fulfilment.rejected',
        fulfilmentId: request.fulfilmentId,
        reason: expect.stringMatching(/PADDLE 1 of 3 .*PADDLE: 2 IB.*cancelled and routed again whole/),
      },
    ])
    const [cancel] = outboundText('860')
    expect(cancel).toMatch(new RegExp(`BCH\\*01\\*DS\\*${po}\\*\\*\\*\\d{8}\\*\\*\\*\\*\\*\\d{8}~`))
    expect(cancel).toMatch(/GS\*PC\*/)
  })

  it('refuses the PO on an 855 rejecting it, without an 860 (nothing was accepted)', async () => {
    const t = world()
    const po = await send850(t)
    fromSupplier('PR', '855', [`BAK*00*RJ*${po}*20261206`, 'PO1*1*2*EA***VP*KAYAK', 'ACK*R2*2*EA'])
    const result = await pollOnce(t)
    expect(result.events).toMatchObject([{ type: 'fulfilment.rejected', fulfilmentId: request.fulfilmentId }])
    expect(outboundText('860')).toEqual([])
  })

  it("refuses the PO when the supplier's 997 rejects our 850", async () => {
    const t = world()
    await send850(t)
    const group = /GS\*PO\*HUBBUYER\*DROPSUP\*\d+\*\d+\*(\d+)\*/.exec(outboundText('850')[0]!)![1]
    fromSupplier('FA', '997', [`AK1*PO*${group}`, 'AK2*850*0001', 'AK5*R*5', 'AK9*R*1*1*0'])
    const result = await pollOnce(t)
    expect(result.events).toMatchObject([
      {
        type: 'fulfilment.rejected',
        fulfilmentId: request.fulfilmentId,
        reason: expect.stringContaining('997'),
      },
    ])
  })

  it('confirms a shipment from an 856 with carrier, tracking and lines; without tracking, nothing', async () => {
    const t = world()
    const po = await send850(t)
    const asn = (ref: string[]) => [
      'BSN*00*SHP-9*20261207*0930*0001',
      'HL*1**S',
      'TD5**2*UPSN*U',
      ...ref,
      'DTM*011*20261207',
      'HL*2*1*O',
      `PRF*${po}`,
      'HL*3*2*P',
      'HL*4*3*I',
      'LIN*1*VP*KAYAK',
      'SN1**2*EA',
      'HL*5*3*I',
      'LIN*2*VP*PADDLE',
      'SN1**3*EA',
    ]
    fromSupplier('SH', '856', asn([]))
    expect((await pollOnce(t)).events).toEqual([])
    fromSupplier('SH', '856', asn(['REF*CN*1Z999']))
    expect((await pollOnce(t)).events).toEqual([
      {
        type: 'shipment',
        shipment: {
          fulfilmentId: request.fulfilmentId,
          externalShipmentId: 'SHP-9',
          carrier: 'UPSN',
          trackingNumber: '1Z999',
          shippedAt: '2026-12-07T00:00:00Z',
          lines: [
            { sku: 'KAYAK', quantity: 2 },
            { sku: 'PADDLE', quantity: 3 },
          ],
        },
      },
    ])
  })

  it("cancels a PO with an 860 and confirms it on the supplier's 865; an 865 for a PO not cancelled is nothing", async () => {
    const t = world()
    const po = await send850(t)
    fromSupplier('CA', '865', [`BCA*01*AT*${po}***20261206`])
    expect((await pollOnce(t)).events).toEqual([])
    const cancel = plugin.capabilities.fulfilment!.cancelFulfilment!
    // Sent, not yet cancelled: the hub waits for the 865.
    expect(await cancel({ fulfilmentId: request.fulfilmentId, externalRef: po }, t.ctx)).toMatchObject({
      status: 'skipped',
    })
    expect(outboundText('860')[0]).toContain(`BCH*01*DS*${po}*`)
    fromSupplier('CA', '865', [`BCA*01*RJ*${po}***20261206`])
    expect((await pollOnce(t)).events).toEqual([
      {
        type: 'fulfilment.cancel_refused',
        fulfilmentId: request.fulfilmentId,
        reason: expect.stringContaining('refuses to cancel'),
      },
    ])
    fromSupplier('CA', '865', [`BCA*01*AT*${po}***20261206`])
    expect((await pollOnce(t)).events).toEqual([
      {
        type: 'fulfilment.cancelled',
        fulfilmentId: request.fulfilmentId,
        reason: expect.stringContaining('865'),
      },
    ])
    expect(await cancel({ fulfilmentId: 'never-sent' }, t.ctx)).toMatchObject({ status: 'refused' })
  })

  it("reads an 846 as one snapshot per sku of the supplier's location", async () => {
    const t = world()
    fromSupplier('IB', '846', [
      'BIA*00*DD*INV-1*20261206*0815',
      'LIN**VP*KAYAK',
      'QTY*33*7*EA',
      'LIN**VP*PADDLE',
      'QTY*17*0*EA',
    ])
    const result = await pollOnce(t)
    expect(result.events).toEqual([
      {
        type: 'inventory',
        snapshots: [
          {
            locationId: 'sup',
            sku: 'KAYAK',
            onHand: 7,
            asOf: '2026-12-06T08:15:00Z',
            eventId: expect.any(String),
          },
        ],
      },
      {
        type: 'inventory',
        snapshots: [
          {
            locationId: 'sup',
            sku: 'PADDLE',
            onHand: 0,
            asOf: '2026-12-06T08:15:00Z',
            eventId: expect.any(String),
          },
        ],
      },
    ])
  })

  it("names the supplier's part number (VP) beside the hub's sku (BP), and reads its answers back by either", async () => {
    const t = world()
    const mapped: FulfilmentRequest = {
      ...request,
      lines: [{ ...request.lines[0]!, supplierPartNumber: 'KS-550' }, request.lines[1]!],
    }
    const sent = await plugin.capabilities.fulfilment!.requestFulfilment(mapped, t.ctx)
    const po = (sent as { externalRef: string }).externalRef
    const [text] = outboundText('850')
    expect(text).toContain('PO1*1*2*EA***BP*KAYAK*VP*KS-550~')
    // No part number for the paddle: the hub's sku as VP, as before.
    expect(text).toContain('PO1*2*3*EA***VP*PADDLE~')

    // The 855 names the line by the supplier's number only, under a line number of its own.
    fromSupplier('PR', '855', [`BAK*00*AC*${po}*20261206`, 'PO1*9*2*EA***VP*KS-550', 'ACK*R2*2*EA'])
    const [rejected] = (await pollOnce(t)).events
    expect(rejected).toMatchObject({
      type: 'fulfilment.rejected',
      reason: expect.stringContaining('KAYAK: 2 R2'),
    })

    fromSupplier('SH', '856', [
      'BSN*00*SHP-7*20261207*0930*0001',
      'HL*1**S',
      'TD5**2*UPSN*U',
      'REF*CN*1Z777',
      'HL*2*1*O',
      `PRF*${po}`,
      'HL*3*2*P',
      'HL*4*3*I',
      'LIN*1*VP*KS-550',
      'SN1**2*EA',
      'HL*5*3*I',
      'LIN*2*BP*PADDLE*VP*PD-1',
      'SN1**3*EA',
    ])
    const [shipped] = (await pollOnce(t)).events
    expect(shipped).toMatchObject({
      shipment: {
        lines: [
          { sku: 'KAYAK', quantity: 2 },
          { sku: 'PADDLE', quantity: 3 },
        ],
      },
    })

    fromSupplier('IB', '846', [
      'BIA*00*DD*INV-2*20261206*0815',
      'LIN**VP*KS-550',
      'QTY*33*4*EA',
      'LIN**VP*PD-1*BP*PADDLE',
      'QTY*33*6*EA',
    ])
    const skus = (await pollOnce(t)).events.map(
      (e) => (e as { snapshots: { sku: string }[] }).snapshots[0]!.sku,
    )
    expect(skus).toEqual(['KAYAK', 'PADDLE'])
  })

  it('reports a PO the supplier leaves unanswered past acknowledgeWithinHours as held, once, and lifts it on the answer', async () => {
    let now = Date.parse('2026-12-06T10:00:00Z')
    const t = createTestContext(
      plugin,
      {
        mailbox,
        partner: { qualifier: 'ZZ', id: 'DROPSUP' },
        us: { qualifier: 'ZZ', id: 'HUBBUYER' },
        usage: 'T',
        locationId: 'sup',
        acknowledgeWithinHours: 4,
      },
      { now: () => new Date(now) },
    )
    const po = await send850(t)
    now += 3 * 3_600_000
    expect((await pollOnce(t)).events).toEqual([])
    now += 2 * 3_600_000
    expect((await pollOnce(t)).events).toEqual([
      {
        type: 'fulfilment.held',
        fulfilmentId: request.fulfilmentId,
        reason: `the supplier has not acknowledged PO (no 997 or 855) within 4 hours: PO ${po}`,
      },
    ])
    // Told once.
    expect((await pollOnce(t)).events).toEqual([])
    fromSupplier('PR', '855', [
      `BAK*00*AD*${po}*20261206`,
      'PO1*1*2*EA***VP*KAYAK',
      'ACK*IA*2*EA',
      'PO1*2*3*EA***VP*PADDLE',
      'ACK*IA*3*EA',
    ])
    expect((await pollOnce(t)).events).toEqual([
      { type: 'fulfilment.resumed', fulfilmentId: request.fulfilmentId },
    ])

    // The 860 that cancels it waits for its 865 the same way.
    await plugin.capabilities.fulfilment!.cancelFulfilment!(
      { fulfilmentId: request.fulfilmentId, externalRef: po },
      t.ctx,
    )
    now += 5 * 3_600_000
    const [late] = (await pollOnce(t)).events
    expect(late).toMatchObject({ type: 'fulfilment.held', reason: expect.stringContaining('no 865') })
    fromSupplier('CA', '865', [`BCA*01*AT*${po}***20261206`])
    expect((await pollOnce(t)).events.map((e) => e.type)).toEqual([
      'fulfilment.resumed',
      'fulfilment.cancelled',
    ])
    now += 48 * 3_600_000
    expect((await pollOnce(t)).events).toEqual([])
  })

  it('rejects an interchange from another sender whole: its 997 says so and it goes to failed/', async () => {
    const t = world()
    const file = fromSupplier(
      'IB',
      '846',
      ['BIA*00*DD*INV-1*20261206*0815', 'LIN**VP*KAYAK', 'QTY*33*7*EA'],
      'SOMEONE',
    )
    const result = await pollOnce(t)
    expect(result.events).toEqual([])
    expect(readdirSync(join(mailbox, 'inbound', 'failed'))).toContain(file)
    expect(outboundText('997').some((a) => a.includes('AK5*R') || a.includes('AK9*R'))).toBe(true)
  })
})
