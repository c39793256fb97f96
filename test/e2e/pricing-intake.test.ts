import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EdiPartner, type ReceivedDocument } from '../peers/edi-partner'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

const seg = (doc: ReceivedDocument, id: string) => doc.segments.filter((s) => s[0] === id)

/**
 * Prices at intake: an EDI partner with a contract (850s with the right price, a wrong price, no
 * price), a B2B portal whose orders come without prices, and a storefront whose prices are kept.
 */
describe.each(dbKinds)('pricing at intake (%s)', (kind) => {
  let db: TestDb
  let hub: ConnectorHub
  let partner: EdiPartner
  let portal: RestChannelPeer
  let wms: RestWmsPeer
  let mailbox: string

  beforeAll(async () => {
    db = await createTestDb(kind)
    mailbox = mkdtempSync(join(tmpdir(), 'switchyard-edi-pricing-'))
    partner = new EdiPartner(mailbox)
    portal = await RestChannelPeer.start('portal-secret-for-tests')
    wms = await RestWmsPeer.start('pricing-wms-key', 'pricing-wms-hook')
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
          id: 'portal',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'PORTAL_SECRET' }, callbackUrl: portal.callbackUrl },
        },
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'PORTAL_SECRET' } },
        },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: wms.http.url, apiKey: { $env: 'DC_KEY' }, webhookSecret: { $env: 'DC_HOOK' } },
        },
      ],
      { PORTAL_SECRET: portal.secret, DC_KEY: wms.apiKey, DC_HOOK: wms.webhookSecret },
      { pollMs: 150 },
    )
    await seedWorld(hub.api, { wms: 'dc' })
    const put = async (id: string, body: Record<string, unknown>) => {
      const r = await hub.api(`/api/v1/pricing/price-lists/${id}`, { method: 'PUT', body })
      expect(r.status, JSON.stringify(r.body)).toBe(200)
    }
    await put('acme-contract', {
      name: 'Acme Retail contract',
      currency: 'NZD',
      customer: { channel: 'acme-edi', externalId: 'ACMERETAIL' },
      tolerance: { amount: '0.05' },
      prices: [
        { sku: 'SKU-A', price: '12.10' },
        { sku: 'SKU-B', price: '8.75' },
      ],
    })
    await put('portal-list', {
      name: 'B2B portal list',
      currency: 'NZD',
      channel: 'portal',
      prices: [
        { sku: 'SKU-A', price: '14.00' },
        { sku: 'SKU-B', price: '9.50' },
      ],
    })
  })

  afterAll(async () => {
    await hub?.stop()
    await portal?.close()
    await wms?.close()
    await db?.drop()
    rmSync(mailbox, { recursive: true, force: true })
  })

  const orderOf = (po: string) =>
    waitFor(
      async () => (await hub.api(`/api/v1/orders?channel=acme-edi&externalId=${po}`)).body.items[0],
      10_000,
      `order ${po}`,
    )
  const ackFor = (po: string) =>
    waitFor(
      () => partner.received().find((d) => d.setIds.includes('855') && seg(d, 'BAK')[0]?.[3] === po),
      10_000,
      `855 for ${po}`,
    )

  it('holds an 850 whose price differs from the contract, shows the difference, and sends an 855 with the price change', async () => {
    const { text } = partner.purchaseOrders([
      {
        poNumber: 'PO-9001',
        lines: [
          { sku: 'SKU-A', quantity: 4, price: '13.50' },
          { sku: 'SKU-B', quantity: 2, price: '8.78' },
        ],
      },
    ])
    partner.drop('po-9001.edi', text)
    const order = await orderOf('PO-9001')
    expect(order.status).toBe('held')
    const detail = await hub.api(`/api/v1/orders/${order.id}`)
    expect(detail.body.holdReason).toContain('line 1 SKU-A ordered at 13.50, contract 12.10 (+1.40, +11.57%')
    // SKU-B is 0.03 over, inside the contract's 0.05 tolerance.
    expect(detail.body.holdReason).not.toContain('SKU-B')
    expect(
      detail.body.lines.map((l: { unitPrice: string; allocated: number }) => [l.unitPrice, l.allocated]),
    ).toEqual([
      ['13.50', 0],
      ['8.78', 0],
    ])
    const pricing = await hub.api(`/api/v1/pricing/orders/${order.id}`)
    expect(pricing.status).toBe(200)
    expect(pricing.body).toMatchObject({
      mode: 'kept',
      hold: { reason: expect.stringContaining('acme-contract') },
    })
    expect(pricing.body.mismatches).toEqual([
      {
        lineNo: 1,
        externalLineId: '1',
        sku: 'SKU-A',
        contractId: 'acme-contract',
        orderedUnitPrice: '13.50',
        contractUnitPrice: '12.10',
        difference: '1.40',
        differencePercent: '11.57',
        tolerance: '0.05',
      },
    ])

    const ack = await ackFor('PO-9001')
    expect(ack.envelopeProblems).toEqual([])
    expect(seg(ack, 'BAK')[0]!.slice(0, 3)).toEqual(['BAK', '00', 'AC'])
    expect(seg(ack, 'PO1').map((s) => s.slice(1, 5))).toEqual([
      ['1', '4', 'EA', '12.10'],
      ['2', '2', 'EA', '8.78'],
    ])
    expect(seg(ack, 'ACK').map((s) => s.slice(0, 3))).toEqual([
      ['ACK', 'IP', '4'],
      ['ACK', 'IA', '2'],
    ])
  })

  it('takes an 850 at the contract price, and prices an 850 sent without prices from the contract', async () => {
    const { text } = partner.purchaseOrders([
      { poNumber: 'PO-9002', lines: [{ sku: 'SKU-A', quantity: 2, price: '12.10' }] },
      {
        poNumber: 'PO-9003',
        lines: [
          { sku: 'SKU-A', quantity: 3, price: '' },
          { sku: 'SKU-B', quantity: 1, price: '' },
        ],
      },
    ])
    partner.drop('po-9002.edi', text)
    const matching = await orderOf('PO-9002')
    expect(matching.status).toBe('released')
    const unpriced = await orderOf('PO-9003')
    expect(unpriced.status).toBe('released')
    const detail = await hub.api(`/api/v1/orders/${unpriced.id}`)
    expect(detail.body.lines.map((l: { unitPrice: string }) => l.unitPrice)).toEqual(['12.10', '8.75'])
    const pricing = await hub.api(`/api/v1/pricing/orders/${unpriced.id}`)
    expect(pricing.body).toMatchObject({ mode: 'priced', mismatches: [] })
    expect(pricing.body.lines[0]).toMatchObject({ source: 'contract', priceListId: 'acme-contract' })

    expect(seg(await ackFor('PO-9002'), 'BAK')[0]![2]).toBe('AD')
    const ack = await ackFor('PO-9003')
    // The 855 tells the partner the prices the hub applied.
    expect(seg(ack, 'PO1').map((s) => s[4])).toEqual(['12.10', '8.75'])
    expect(seg(ack, 'ACK').map((s) => s[1])).toEqual(['IA', 'IA'])

    // Shipped: the 810 invoices at the prices the hub applied (TDS in cents: 3 × 12.10 + 8.75).
    for (const f of detail.body.fulfilments)
      expect(
        (await wms.ship(hub.url, 'dc', f.id, { carrier: 'NZ Post', trackingNumber: `NZ${f.id.slice(0, 8)}` }))
          .status,
      ).toBeLessThan(300)
    const invoice = await waitFor(
      () => partner.received().find((d) => d.setIds.includes('810') && seg(d, 'BIG')[0]?.[4] === 'PO-9003'),
      10_000,
      '810 for PO-9003',
    )
    expect(seg(invoice, 'IT1').map((s) => [s[2], s[4]])).toEqual([
      ['3', '12.10'],
      ['1', '8.75'],
    ])
    expect(seg(invoice, 'TDS')[0]![1]).toBe('4505')
  })

  it('prices B2B portal orders sent without prices from the channel list, with the explanation', async () => {
    const body = sampleOrder({ customer: { email: 'buyer@portal.example' } }, [
      { sku: 'SKU-A', quantity: 2 },
      { sku: 'SKU-B', quantity: 1 },
    ])
    for (const l of body.lines) delete (l as { unitPrice?: string }).unitPrice
    const res = await portal.postOrder(hub.url, 'portal', body)
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300)
    const order = await waitFor(
      async () =>
        (await hub.api(`/api/v1/orders?channel=portal&externalId=${body.externalId}`)).body.items[0],
      5_000,
      'portal order',
    )
    const detail = await hub.api(`/api/v1/orders/${order.id}`)
    expect(detail.body.lines.map((l: { unitPrice: string }) => l.unitPrice)).toEqual(['14.00', '9.50'])
    expect(detail.body.total).toBe('37.50')
    const pricing = await hub.api(`/api/v1/pricing/orders/${order.id}`)
    expect(pricing.body.lines[0]).toMatchObject({ source: 'priceList', priceListId: 'portal-list' })
    expect(pricing.body.lines[0].steps[0]).toMatchObject({ action: 'priceList', to: '14.00' })
    // The portal hears the status with the prices the hub applied.
    const callback = await waitFor(
      () => portal.callbacks().find((c) => c.update.externalOrderId === body.externalId),
      5_000,
      'status callback',
    )
    expect(callback.update.lines.map((l) => l.unitPrice)).toEqual(['14.00', '9.50'])
  })

  it('keeps the prices of a storefront order and records nothing about pricing', async () => {
    const body = sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }])
    body.lines[0]!.unitPrice = '99.00'
    const res = await portal.postOrder(hub.url, 'web', body)
    expect(res.status).toBeLessThan(300)
    const order = await waitFor(
      async () => (await hub.api(`/api/v1/orders?channel=web&externalId=${body.externalId}`)).body.items[0],
      5_000,
      'web order',
    )
    const detail = await hub.api(`/api/v1/orders/${order.id}`)
    expect(detail.body.lines[0].unitPrice).toBe('99.00')
    const rows = await hub.hub.core.db.all('select order_id from order_pricing where order_id = ?', [
      order.id,
    ])
    expect(rows).toEqual([])
  })

  it('holds an order with a line nothing prices instead of losing it', async () => {
    const body = sampleOrder({ customer: { email: 'buyer@portal.example' } }, [{ sku: 'SKU-C', quantity: 1 }])
    delete (body.lines[0] as { unitPrice?: string }).unitPrice
    const res = await portal.postOrder(hub.url, 'portal', body)
    expect(res.status).toBeLessThan(300)
    const order = await waitFor(
      async () =>
        (await hub.api(`/api/v1/orders?channel=portal&externalId=${body.externalId}`)).body.items[0],
      5_000,
      'unpriceable order',
    )
    expect(order.status).toBe('held')
    const detail = await hub.api(`/api/v1/orders/${order.id}`)
    expect(detail.body.holdReason).toBe('no price in NZD for SKU-C')

    // Adding a line without a price prices it as intake would; one nothing prices is refused.
    const unpriceable = await hub.api(`/api/v1/orders/${order.id}`, {
      method: 'PATCH',
      body: { addLines: [{ sku: 'SKU-C', quantity: 1 }] },
    })
    expect(unpriceable.status).toBe(422)
    expect(unpriceable.body.errors[0]).toMatchObject({ field: 'addLines[0].unitPrice' })
    const added = await hub.api(`/api/v1/orders/${order.id}`, {
      method: 'PATCH',
      body: { addLines: [{ sku: 'SKU-B', quantity: 2 }], reason: 'buyer added a line by phone' },
    })
    expect(added.status).toBe(200)
    // Still held: a modification does not decide a hold, a person does.
    expect(added.body.status).toBe('held')
    const after = (await hub.api(`/api/v1/orders/${order.id}`)).body
    expect(after.lines.map((l: { sku: string; unitPrice: string | null }) => [l.sku, l.unitPrice])).toEqual([
      ['SKU-C', null],
      ['SKU-B', '9.50'],
    ])
    expect(after.allocations).toEqual([])

    // A person checks the price of SKU-C with the buyer and lets the order through.
    const released = await hub.api(`/api/v1/orders/${order.id}/release-hold`, {
      body: { reason: 'price agreed with the buyer by phone' },
    })
    expect(released.status).toBe(200)
    expect(['allocated', 'released', 'backordered']).toContain(released.body.status)
    expect(released.body.releasedHold).toBe('no price in NZD for SKU-C')
  })
})
