import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EdiPartner, type ReceivedDocument } from '../peers/edi-partner'
import { waitFor } from '../peers/http-peer'
import { ShipbobPeer } from '../peers/shipbob-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

const seg = (doc: ReceivedDocument, id: string) => doc.segments.filter((s) => s[0] === id)

/**
 * A trading partner's 850 through the mailbox → hub → ShipBob → hub → 856 and 810 back, with a
 * 997 for every interchange, the failed/ folder for a file rejected whole, the exception inbox for
 * a PO the hub cannot take.
 */
describe('EDI X12 trading partner with the ShipBob WMS', () => {
  let db: TestDb
  let hub: ConnectorHub
  let shipbob: ShipbobPeer
  let partner: EdiPartner
  let mailbox: string

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    mailbox = mkdtempSync(join(tmpdir(), 'switchyard-edi-'))
    partner = new EdiPartner(mailbox)
    shipbob = await ShipbobPeer.start()
    hub = await startConnectorHub(
      db,
      [
        {
          id: 'acme-edi',
          use: '@switchyard/edi-x12',
          config: {
            mailbox,
            partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
            us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
            usage: 'T',
            currency: 'NZD',
            shipFrom: { name: 'AUCKLAND DC', id: 'AKL' },
            remitTo: { name: 'HUB SUPPLIER LTD', id: 'HUB' },
            gs1CompanyPrefix: '0012345',
          },
        },
        {
          id: 'sb',
          use: '@switchyard/shipbob',
          config: {
            baseUrl: shipbob.baseUrl,
            apiToken: { $env: 'SB_TOKEN' },
            channelId: shipbob.channelId,
            webhookSecret: { $env: 'SB_HOOK' },
          },
        },
      ],
      { SB_TOKEN: shipbob.apiToken, SB_HOOK: shipbob.webhookSecret },
      { pollMs: 200 },
    )
    await seedWorld(hub.api, { wms: 'sb' })
  })

  afterAll(async () => {
    await hub?.stop()
    await shipbob?.close()
    await db?.drop()
    rmSync(mailbox, { recursive: true, force: true })
  })

  const ackFor = (control: number) =>
    waitFor(
      () =>
        partner
          .received()
          .find((d) => d.setIds.includes('997') && seg(d, 'AK1').some((s) => s[2] === String(control))),
      10_000,
      `997 for group ${control}`,
    )

  it('takes an 850, acknowledges it (997, 855), and answers the shipment with an 856 then an 810', async () => {
    const { text, control } = partner.purchaseOrders([
      {
        poNumber: 'PO-50001',
        lines: [
          { sku: 'SKU-A', quantity: 3, price: '12.50', upc: '012345678905' },
          { sku: 'SKU-B', quantity: 1, price: '8.75' },
        ],
      },
    ])
    partner.drop('po-50001.edi', text)
    const order = await waitFor(
      async () => (await hub.api('/api/v1/orders?channel=acme-edi&externalId=PO-50001')).body.items[0],
      10_000,
      'the PO as an order',
    )
    const ack = await ackFor(control)
    expect(ack.envelopeProblems).toEqual([])
    expect(seg(ack, 'AK2')).toEqual([['AK2', '850', '0001']])
    expect(seg(ack, 'AK5')).toEqual([['AK5', 'A']])
    expect(seg(ack, 'AK9')).toEqual([['AK9', 'A', '1', '1', '1']])
    // The 997 is written before the file is archived (a crash in between re-sends the same 997).
    await waitFor(
      () => (partner.processed().includes('po-50001.edi') ? true : undefined),
      5_000,
      'archived 850',
    )
    expect(partner.processed()).toEqual(['po-50001.edi'])

    const po855 = await waitFor(() => partner.received().find((d) => d.setIds.includes('855')), 10_000, '855')
    expect(po855.envelopeProblems).toEqual([])
    expect(seg(po855, 'BAK')[0]!.slice(0, 5)).toEqual(['BAK', '00', 'AD', 'PO-50001', '20250115'])
    expect(seg(po855, 'ACK').map((s) => s.slice(0, 3))).toEqual([
      ['ACK', 'IA', '3'],
      ['ACK', 'IA', '1'],
    ])

    const detail = await hub.api(`/api/v1/orders/${order.id}`)
    const created = await waitFor(
      () => shipbob.byReference(detail.body.fulfilments[0].id),
      10_000,
      'ShipBob order',
    )
    await shipbob.ship(hub.url, 'sb', created.reference_id, {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    })

    const asn = await waitFor(() => partner.received().find((d) => d.setIds.includes('856')), 10_000, '856')
    const invoice = await waitFor(
      () => partner.received().find((d) => d.setIds.includes('810')),
      10_000,
      '810',
    )
    for (const doc of [asn, invoice]) expect(doc.envelopeProblems).toEqual([])
    expect(Number(asn.control)).toBeLessThan(Number(invoice.control))
    expect(seg(asn, 'REF')).toEqual([['REF', 'CN', '1Z999AA10123456784']])
    expect(seg(asn, 'TD5')).toEqual([['TD5', '', '2', 'UPSN', 'U']])
    expect(seg(asn, 'PRF')[0]![1]).toBe('PO-50001')
    expect(seg(asn, 'LIN')).toEqual([
      ['LIN', '1', 'VP', 'SKU-A', 'UP', '012345678905'],
      ['LIN', '2', 'VP', 'SKU-B'],
    ])
    expect(seg(asn, 'SN1').map((s) => s[2])).toEqual(['3', '1'])
    expect(seg(invoice, 'BIG')[0]![4]).toBe('PO-50001')
    // 3 × 12.50 + 1 × 8.75 = 46.25, in cents with the implied decimal point.
    expect(seg(invoice, 'TDS')).toEqual([['TDS', '4625']])
    expect((await hub.api(`/api/v1/orders/${order.id}`)).body.status).toBe('shipped')
  })

  it('credits a returned unit with an 812 that envelopes cleanly, once', async () => {
    const order = (await hub.api('/api/v1/orders?channel=acme-edi&externalId=PO-50001')).body.items[0]
    expect(order?.status).toBe('shipped')
    const detail = (await hub.api(`/api/v1/orders/${order.id}`)).body
    const lineA = detail.lines.find((l: { sku: string }) => l.sku === 'SKU-A')
    const rma = await hub.api(`/api/v1/orders/${order.id}/returns`, {
      body: { lines: [{ lineId: lineA.id, quantity: 1 }], reason: 'damaged in transit' },
    })
    expect(rma.status).toBe(201)
    const received = await hub.api(`/api/v1/returns/${rma.body.id}/receipt`, {
      body: { lines: [{ sku: 'SKU-A', quantity: 1, condition: 'resellable' }] },
    })
    expect(received.status).toBe(200)

    const credit = await waitFor(
      () => partner.received().find((d) => d.setIds.includes('812')),
      15_000,
      '812',
    )
    expect(credit.envelopeProblems).toEqual([])
    const [bcd] = seg(credit, 'BCD')
    expect(bcd![3]).toBe('I')
    expect(bcd![5]).toBe('C')
    expect(bcd![10]).toBe('PO-50001')
    // One unit of line 1 at the PO's 12.50, no shipping paid back and no fee by the default policy.
    expect(bcd![4]).toBe('12.50')
    expect(seg(credit, 'CDD')).toEqual([['CDD', '72', 'C', '1', '1250', 'Y']])
    expect(seg(credit, 'LIN')).toEqual([['LIN', '1', 'VP', 'SKU-A', 'UP', '012345678905']])

    const refunds = await waitFor(
      async () => {
        const r = (await hub.api(`/api/v1/orders/${order.id}/returns`)).body.refunds
        return r[0]?.status === 'confirmed' ? r : undefined
      },
      10_000,
      'refund confirmed',
    )
    expect(refunds).toEqual([expect.objectContaining({ amount: '12.50', status: 'confirmed' })])
    expect(partner.received().filter((d) => d.setIds.includes('812'))).toHaveLength(1)
  })

  it('acknowledges a PO the hub cannot fill with an 855 that backorders the missing line', async () => {
    // SKU-D has no stock anywhere in the seeded world.
    const { text } = partner.purchaseOrders([
      {
        poNumber: 'PO-50010',
        lines: [
          { sku: 'SKU-A', quantity: 2, price: '12.50' },
          { sku: 'SKU-D', quantity: 3, price: '99.00' },
        ],
      },
    ])
    partner.drop('po-50010.edi', text)
    const ack = await waitFor(
      () => partner.received().find((d) => d.setIds.includes('855') && seg(d, 'BAK')[0]![3] === 'PO-50010'),
      10_000,
      '855 for PO-50010',
    )
    expect(seg(ack, 'BAK')[0]![2]).toBe('AC')
    const lines = seg(ack, 'PO1').map((p, i) => [p[1], seg(ack, 'ACK')[i]?.slice(0, 3)])
    expect(lines[0]).toEqual(['1', ['ACK', 'IA', '2']])
    expect(seg(ack, 'ACK').at(-1)!.slice(0, 3)).toEqual(['ACK', 'IB', '3'])
  })

  it('rejects a wrong SE01 count with AK5 code 4, imports nothing, and moves the file to failed', async () => {
    const { text, control } = partner.purchaseOrders(
      [{ poNumber: 'PO-50002', lines: [{ sku: 'SKU-A', quantity: 1, price: '12.50' }] }],
      (t) => t.replace(/SE\*(\d+)\*0001/, (_m, n: string) => `SE*${Number(n) - 1}*0001`),
    )
    partner.drop('po-50002.edi', text)
    const ack = await ackFor(control)
    expect(seg(ack, 'AK5')).toEqual([['AK5', 'R', '4']])
    expect(seg(ack, 'AK9')).toEqual([['AK9', 'R', '1', '1', '0']])
    const failed = await waitFor(
      () => partner.failed().find((f) => f.file === 'po-50002.edi'),
      5_000,
      'failed file',
    )
    expect(failed.reason).toMatch(/SE01 says 10 segments, the set has 11/)
    expect((await hub.api('/api/v1/orders?channel=acme-edi&externalId=PO-50002')).body.items).toEqual([])
  })

  it('answers a mismatched IEA02 with a TA1 (001) and a rejecting 997', async () => {
    const { text, control } = partner.purchaseOrders(
      [{ poNumber: 'PO-50003', lines: [{ sku: 'SKU-A', quantity: 1, price: '12.50' }] }],
      (t) => t.replace(/IEA\*1\*\d{9}/, 'IEA*1*000009999'),
    )
    partner.drop('po-50003.edi', text)
    const ack = await ackFor(control)
    expect(seg(ack, 'TA1')[0]!.slice(0, 2)).toEqual(['TA1', String(control).padStart(9, '0')])
    expect(seg(ack, 'TA1')[0]!.slice(4)).toEqual(['R', '001'])
    expect(seg(ack, 'AK9')[0]![1]).toBe('R')
    await waitFor(() => partner.failed().find((f) => f.file === 'po-50003.edi'), 5_000, 'failed file')
  })

  it('takes the good PO of a file and keeps the one with an unknown sku as an intake exception', async () => {
    const { text, control } = partner.purchaseOrders([
      { poNumber: 'PO-50004', lines: [{ sku: 'SKU-A', quantity: 1, price: '12.50' }] },
      { poNumber: 'PO-50005', lines: [{ sku: 'NO-SUCH-SKU', quantity: 1, price: '1.00' }] },
    ])
    partner.drop('po-50004-5.edi', text)
    await waitFor(
      () => (partner.processed().includes('po-50004-5.edi') ? true : undefined),
      10_000,
      'processed file',
    )
    // Both sets are good X12: the 997 accepts them; the hub's refusal is its own, kept for a person.
    const ack = await ackFor(control)
    expect(seg(ack, 'AK9')).toEqual([['AK9', 'A', '2', '2', '2']])
    expect((await hub.api('/api/v1/orders?channel=acme-edi&externalId=PO-50004')).body.items).toHaveLength(1)
    expect((await hub.api('/api/v1/orders?channel=acme-edi&externalId=PO-50005')).body.items).toEqual([])
    const open = (await hub.api('/api/v1/exceptions?instance=acme-edi&status=open')).body.items as {
      externalOrderId: string
      reasons: { field: string; code: string }[]
    }[]
    const kept = open.filter((e) => e.externalOrderId === 'PO-50005')
    expect(kept).toHaveLength(1)
    expect(kept[0]!.reasons).toContainEqual(
      expect.objectContaining({ field: 'lines[0].sku', code: 'UNKNOWN_SKU' }),
    )
    // No 855 rejects it: it waits in the inbox, and its 855 goes out when a replay takes it.
    expect(
      partner.received().filter((d) => d.setIds.includes('855') && seg(d, 'BAK')[0]![2] === 'RJ'),
    ).toEqual([])
  })

  it('moves a file whose ISA is not 106 characters to failed with the reason', async () => {
    const { text } = partner.purchaseOrders(
      [{ poNumber: 'PO-50006', lines: [{ sku: 'SKU-A', quantity: 1, price: '12.50' }] }],
      (t) => t.replace('ACMERETAIL     ', 'ACMERETAIL'),
    )
    partner.drop('po-50006.edi', text)
    const failed = await waitFor(
      () => partner.failed().find((f) => f.file === 'po-50006.edi'),
      5_000,
      'failed file',
    )
    expect(failed.reason).toMatch(/106 characters/)
    expect(partner.received().every((d) => d.envelopeProblems.length === 0)).toBe(true)
  })
})

describe.each(dbKinds)('X12 control numbers on %s', (kind) => {
  it('are never handed out twice, even to two hub processes at once', async () => {
    const db = await createTestDb(kind)
    const mailbox = mkdtempSync(join(tmpdir(), 'switchyard-edi-ctl-'))
    const config = [
      {
        id: 'acme-edi',
        use: '@switchyard/edi-x12',
        config: {
          mailbox,
          partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
          us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
          shipFrom: { name: 'AUCKLAND DC', id: 'AKL' },
          remitTo: { name: 'HUB SUPPLIER LTD', id: 'HUB' },
          gs1CompanyPrefix: '0012345',
        },
      },
    ]
    const a = await startConnectorHub(db, config, {}, { pollMs: 600_000 })
    const b =
      kind === 'postgresql'
        ? await startConnectorHub(db, config, {}, { pollMs: 600_000, adminKey: a.adminKey })
        : a
    try {
      const stateOf = (hub: ConnectorHub) =>
        hub.hub.context.contexts(hub.hub.context.registry.get('acme-edi')!).state
      const numbers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => stateOf(i % 2 ? a : b).increment('control-counter')),
      )
      expect(new Set(numbers).size).toBe(40)
      expect(Math.max(...numbers)).toBe(40)
    } finally {
      await a.stop()
      if (b !== a) await b.stop()
      await db.drop()
      rmSync(mailbox, { recursive: true, force: true })
    }
  })
})
