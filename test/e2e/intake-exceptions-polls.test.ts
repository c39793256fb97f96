import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readJson } from '@switchyard/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmazonPeer } from '../peers/amazon-peer'
import { EdiPartner } from '../peers/edi-partner'
import { waitFor } from '../peers/http-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { amazonEntry, ediEntry } from '../support/connector-entries'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

interface Exception {
  id: string
  externalOrderId: string | null
  status: string
  occurrences: number
  orderId: string | null
  payload: string | null
  reasons: { field: string; code: string; message: string }[]
}

/**
 * The exception inbox for polled channels and EDI files (issue 14), through the simulated peers: a
 * bad record never blocks the records after it, is kept once per channel order, the cursor moves on
 * and the instance stays healthy; an EDI file's good POs go in and each bad PO is kept; a Shopify
 * exception is replayed by parsing its stored payload again with its stored topic header.
 */
describe.each(dbKinds)('intake exceptions from polls and files on %s', (kind) => {
  let db: TestDb
  let hub: ConnectorHub
  let amazon: AmazonPeer
  let wms: RestWmsPeer
  let shop: ShopifyPeer
  let partner: EdiPartner
  const mailbox = mkdtempSync(join(tmpdir(), 'switchyard-exc-edi-'))
  const future = new Date(Date.now() + 86_400_000).toISOString()

  beforeAll(async () => {
    db = await createTestDb(kind)
    amazon = await AmazonPeer.start()
    wms = await RestWmsPeer.start('wms-api-key-456', 'wms-hook-secret-789')
    shop = await ShopifyPeer.start()
    partner = new EdiPartner(mailbox)
    hub = await startConnectorHub(
      db,
      [
        amazonEntry(amazon, { acknowledge: false }),
        ediEntry(mailbox),
        {
          id: 'shop',
          use: '@switchyard/shopify',
          config: {
            shop: shop.shop,
            baseUrl: shop.http.url,
            accessToken: { $env: 'SHOP_TOKEN' },
            webhookSecret: { $env: 'SHOP_SECRET' },
            reconcileFrom: future,
            lookbackSec: 0,
          },
        },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: wms.http.url, apiKey: { $env: 'DC_KEY' }, webhookSecret: { $env: 'DC_HOOK' } },
        },
      ],
      {
        AMZN_CLIENT_SECRET: amazon.clientSecret,
        AMZN_REFRESH_TOKEN: amazon.refreshToken,
        SHOP_TOKEN: shop.accessToken,
        SHOP_SECRET: shop.clientSecret,
        DC_KEY: wms.apiKey,
        DC_HOOK: wms.webhookSecret,
      },
      { pollMs: 200 },
    )
    await seedWorld(hub.api, { wms: 'dc' })
  }, 60_000)

  afterAll(async () => {
    await hub?.stop()
    await Promise.all([amazon?.close(), wms?.close(), shop?.close()])
    await db?.drop()
    rmSync(mailbox, { recursive: true, force: true })
  })

  const exceptionsOf = async (instance: string, status = 'open'): Promise<Exception[]> =>
    (await hub.api(`/api/v1/exceptions?instance=${instance}&status=${status}&limit=500`)).body.items
  const exceptionFor = async (instance: string, externalId: string, status = 'open') =>
    (await exceptionsOf(instance, status)).find((e) => e.externalOrderId === externalId)
  const orderOf = async (instance: string, externalId: string) =>
    (await hub.api(`/api/v1/orders?channel=${instance}&externalId=${encodeURIComponent(externalId)}`)).body
      .items[0] as { id: string; status: string } | undefined
  const health = async (instance: string) =>
    (await hub.api('/api/v1/plugins')).body.items.find((i: { id: string }) => i.id === instance) as {
      status: string
      lastError: string | null
      consecutiveFailures: number
      openExceptions: number
    }
  const addProduct = async (sku: string) => {
    expect(
      (await hub.api('/api/v1/products', { method: 'PUT', body: { items: [{ sku, name: sku }] } })).status,
    ).toBe(200)
    await hub.api('/api/v1/inventory', {
      method: 'PUT',
      body: { items: [{ sku, locationId: 'akl', onHand: 50 }] },
    })
  }

  it('Amazon: a page of good, unmappable, good gives two orders and one exception; cursor stored, instance healthy', async () => {
    const first = amazon.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const bad = amazon.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    delete (bad.orderItems[0]!.product as { sellerSku?: string }).sellerSku
    const last = amazon.createOrder([{ sku: 'SKU-B', quantity: 1 }])

    const kept = await waitFor(() => exceptionFor('amzn', bad.orderId), 15_000, 'the exception')
    await waitFor(async () => (await orderOf('amzn', last.orderId)) ?? undefined, 15_000, 'the last order')
    expect(await orderOf('amzn', first.orderId)).toBeDefined()
    expect(await orderOf('amzn', bad.orderId)).toBeUndefined()
    expect(kept.reasons).toContainEqual(
      expect.objectContaining({ field: 'orderItems[0].product.sellerSku', code: 'INVALID_PAYLOAD' }),
    )
    const detail = (await hub.api(`/api/v1/exceptions/${kept.id}`)).body as Exception
    expect(detail.payload).toContain(bad.orderId)

    // The cursor moved past all three, so the next polls ask only for what is newer.
    const row = await hub.hub.core.db.one<{ value: unknown }>(
      `select value from plugin_state where instance_id = 'amzn' and key = 'hub:cursor:orders'`,
    )
    // Stored as JSON text of the plugin's own (JSON) cursor; a jsonb column may hand it back parsed.
    const value = readJson<unknown>(row!.value)
    const cursor = (typeof value === 'string' ? JSON.parse(value) : value) as { since: string }
    expect(Date.parse(cursor.since)).toBeGreaterThanOrEqual(Date.parse(last.lastUpdatedTime))

    // Polled again (the peer answers from the cursor's instant on): still one exception for it.
    await new Promise((r) => setTimeout(r, 1000))
    expect((await exceptionsOf('amzn')).filter((e) => e.externalOrderId === bad.orderId)).toHaveLength(1)
    const h = await health('amzn')
    expect(h).toMatchObject({ status: 'active', consecutiveFailures: 0, lastError: null })
    expect(h.openExceptions).toBeGreaterThanOrEqual(1)
  })

  it('Amazon: good, unknown listing, good give two orders and one exception; after a sku mapping the replay maps the stored record again into a routed order; a second replay is the same order', async () => {
    const first = amazon.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const bad = amazon.createOrder([{ sku: 'AMZ-LISTING-7', quantity: 2 }])
    const last = amazon.createOrder([{ sku: 'SKU-B', quantity: 1 }])
    // The peer answers from the cursor's instant on: `bad` must be older than it, or a later poll
    // would take it again (through the new mapping) before the replay does.
    if (Date.parse(last.lastUpdatedTime) <= Date.parse(bad.lastUpdatedTime))
      last.lastUpdatedTime = new Date(Date.parse(bad.lastUpdatedTime) + 1).toISOString()

    const kept = await waitFor(() => exceptionFor('amzn', bad.orderId), 15_000, 'the exception')
    await waitFor(async () => (await orderOf('amzn', last.orderId)) ?? undefined, 15_000, 'the last order')
    expect(await orderOf('amzn', first.orderId)).toBeDefined()
    expect(await orderOf('amzn', bad.orderId)).toBeUndefined()
    expect(kept.reasons).toContainEqual(
      expect.objectContaining({ field: 'lines[0].sku', code: 'UNKNOWN_SKU' }),
    )
    expect(await health('amzn')).toMatchObject({ status: 'active', consecutiveFailures: 0 })

    // The stored canonical order is made to name another sku: a replay that used it would fail, so the
    // order below can only come from the plugin's mapRecord reading the channel's record again.
    const { db: sql } = hub.hub.core
    const row = await sql.one<{ parsed: unknown }>('select parsed from intake_exception where id = ?', [
      kept.id,
    ])
    const parsed = readJson<{ lines: { sku: string }[] }>(row!.parsed)
    parsed.lines[0]!.sku = 'NOT-WHAT-AMAZON-SENT'
    await sql.run('update intake_exception set parsed = ? where id = ?', [JSON.stringify(parsed), kept.id])

    const mapped = await hub.api('/api/v1/channels/amzn/sku-mappings', {
      method: 'PUT',
      body: { mappings: [{ channelSku: 'AMZ-LISTING-7', hubSku: 'SKU-A', multiplier: 1 }] },
    })
    expect(mapped.status).toBe(200)
    const replay = await hub.api(`/api/v1/exceptions/${kept.id}/replay`, { body: {} })
    expect(replay.status, JSON.stringify(replay.body)).toBe(200)
    expect(replay.body).toMatchObject({ outcome: 'replayed', created: true })
    const made = await hub.api(`/api/v1/orders/${replay.body.orderId}`)
    expect(made.body.externalId ?? made.body.externalOrderId).toBe(bad.orderId)
    expect(['allocated', 'released']).toContain(made.body.status)
    expect(made.body.lines[0]).toMatchObject({ sku: 'SKU-A', quantity: 2 })

    const second = await hub.api(`/api/v1/exceptions/${kept.id}/replay`, { body: {} })
    expect(second.body).toMatchObject({ outcome: 'replayed', orderId: replay.body.orderId, created: false })
    expect(await exceptionFor('amzn', bad.orderId)).toBeUndefined()
  })

  it('Amazon: a record the plugin could not map is mapped again on replay, and stays open naming the field', async () => {
    const bad = amazon.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    delete (bad.orderItems[0]!.product as { sellerSku?: string }).sellerSku
    const kept = await waitFor(() => exceptionFor('amzn', bad.orderId), 15_000, 'the exception')
    const detail = (await hub.api(`/api/v1/exceptions/${kept.id}`)).body as Exception & { source: string }
    expect(detail.source).toBe('poll:unmapped')
    const replay = await hub.api(`/api/v1/exceptions/${kept.id}/replay`, { body: {} })
    expect(replay.status).toBe(200)
    expect(replay.body).toMatchObject({ outcome: 'open' })
    expect(replay.body.reasons).toContainEqual(
      expect.objectContaining({ field: 'orderItems[0].product.sellerSku', code: 'INVALID_PAYLOAD' }),
    )
  })

  it('Amazon: an unknown sku is kept, and closed with the order when the channel sends it again after the fix', async () => {
    const order = amazon.createOrder([{ sku: 'SKU-AMZ-NEW', quantity: 1 }])
    const kept = await waitFor(() => exceptionFor('amzn', order.orderId), 15_000, 'the exception')
    expect(kept.reasons).toContainEqual(
      expect.objectContaining({ field: 'lines[0].sku', code: 'UNKNOWN_SKU' }),
    )
    expect((await health('amzn')).status).toBe('active')

    await addProduct('SKU-AMZ-NEW')
    // Amazon reports the order again (it changed): normal intake takes it and closes the exception.
    order.lastUpdatedTime = new Date(Date.now() + 1000).toISOString()
    const closed = await waitFor(
      () => exceptionFor('amzn', order.orderId, 'replayed'),
      15_000,
      'the exception closed',
    )
    const taken = await orderOf('amzn', order.orderId)
    expect(closed.orderId).toBe(taken!.id)
    const replay = await hub.api(`/api/v1/exceptions/${kept.id}/replay`, { body: {} })
    expect(replay.body).toMatchObject({ outcome: 'replayed', orderId: taken!.id, created: false })
  })

  it('EDI: the good PO goes in, a PO with a bad element and one with an unknown sku are kept, the 997 partially accepts', async () => {
    const { text, control } = partner.purchaseOrders([
      { poNumber: 'PO-EXC-1', lines: [{ sku: 'SKU-A', quantity: 1, price: '12.50' }] },
      { poNumber: 'PO-EXC-2', lines: [{ sku: 'SKU-A', quantity: 1, price: '12.50' }] },
      { poNumber: 'PO-EXC-3', lines: [{ sku: 'SKU-EDI-NEW', quantity: 2, price: '3.00' }] },
    ])
    // PO-EXC-2's quantity is not a number: that PO alone is rejected.
    const broken = text.replace(/(BEG\*00\*SA\*PO-EXC-2[\s\S]*?PO1\*1\*)1\*/, '$1X1*')
    expect(broken).not.toBe(text)
    partner.drop('po-exc.edi', broken)
    await waitFor(() => (partner.processed().includes('po-exc.edi') ? true : undefined), 15_000, 'processed')

    expect(await orderOf('acme-edi', 'PO-EXC-1')).toBeDefined()
    expect(await orderOf('acme-edi', 'PO-EXC-2')).toBeUndefined()
    expect(await orderOf('acme-edi', 'PO-EXC-3')).toBeUndefined()
    const syntax = (await exceptionFor('acme-edi', 'PO-EXC-2'))!
    expect(syntax.reasons).toContainEqual(expect.objectContaining({ field: 'PO102', code: 'X12_AK4_6' }))
    const sku = (await exceptionFor('acme-edi', 'PO-EXC-3'))!
    expect(sku.reasons).toContainEqual(
      expect.objectContaining({ field: 'lines[0].sku', code: 'UNKNOWN_SKU' }),
    )

    const ack = await waitFor(
      () =>
        partner
          .received()
          .find(
            (d) =>
              d.setIds.includes('997') && d.segments.some((s) => s[0] === 'AK1' && s[2] === String(control)),
          ),
      10_000,
      '997',
    )
    expect(ack.segments.filter((s) => s[0] === 'AK5').map((s) => s[1])).toEqual(['A', 'R', 'A'])
    expect(ack.segments.find((s) => s[0] === 'AK9')).toEqual(['AK9', 'P', '3', '3', '2'])

    // Fixed: the product exists now. The replay makes the order and the partner hears an 855.
    await addProduct('SKU-EDI-NEW')
    const replay = await hub.api(`/api/v1/exceptions/${sku.id}/replay`, { body: {} })
    expect(replay.body).toMatchObject({ outcome: 'replayed', created: true })
    await waitFor(
      () =>
        partner
          .received()
          .find(
            (d) => d.setIds.includes('855') && d.segments.some((s) => s[0] === 'BAK' && s[3] === 'PO-EXC-3'),
          ),
      10_000,
      '855 for PO-EXC-3',
    )
    // A PO its partner must resend stays open until it is discarded: the EDI plugin cannot map a
    // stored record again, and the replay says so.
    const again = await hub.api(`/api/v1/exceptions/${syntax.id}/replay`, { body: {} })
    expect(again.status).toBe(409)
    expect(again.contentType).toContain('application/problem+json')
    expect(again.body).toMatchObject({ code: 'EXCEPTION_NOT_REPLAYABLE' })
    expect(again.body.detail).toContain('mapRecord')
    const bulk = await hub.api('/api/v1/exceptions/replay', {
      body: { instance: 'acme-edi', reason: 'X12_AK4_6' },
    })
    expect(bulk.status).toBe(200)
    expect(bulk.body.results).toContainEqual(
      expect.objectContaining({
        id: syntax.id,
        outcome: 'skipped',
        detail: expect.stringContaining('mapRecord'),
      }),
    )
    expect((await exceptionFor('acme-edi', 'PO-EXC-2'))?.id).toBe(syntax.id)
    expect((await health('acme-edi')).status).toBe('active')
  })

  it('EDI: a discarded PO exception sends the partner an 855 rejecting that PO; one its 997 rejected gets none', async () => {
    partner.drop(
      'po-rj.edi',
      partner.purchaseOrders([
        { poNumber: 'PO-RJ-1', lines: [{ sku: 'SKU-EDI-GONE', quantity: 3, price: '4.00' }] },
      ]).text,
    )
    await waitFor(() => (partner.processed().includes('po-rj.edi') ? true : undefined), 15_000, 'processed')
    const kept = (await exceptionFor('acme-edi', 'PO-RJ-1'))!
    expect(kept.reasons).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_SKU' }))

    const discarded = await hub.api(`/api/v1/exceptions/${kept.id}/discard`, {
      body: { reason: 'we no longer sell this line' },
    })
    expect(discarded.status).toBe(200)
    const rj = await waitFor(
      () =>
        partner
          .received()
          .find(
            (d) => d.setIds.includes('855') && d.segments.some((s) => s[0] === 'BAK' && s[3] === 'PO-RJ-1'),
          ),
      10_000,
      '855 RJ for PO-RJ-1',
    )
    expect(rj.envelopeProblems).toEqual([])
    expect(rj.segments.find((s) => s[0] === 'BAK')?.[2]).toBe('RJ')
    expect(rj.segments.filter((s) => s[0] === 'ACK').map((s) => s[1])).toEqual(['IR'])
    // Discarding again changes nothing and sends nothing more.
    await hub.api(`/api/v1/exceptions/${kept.id}/discard`, { body: { reason: 'again' } })
    await new Promise((r) => setTimeout(r, 500))
    const rejections = partner
      .received()
      .filter((d) => d.setIds.includes('855') && d.segments.some((s) => s[0] === 'BAK' && s[3] === 'PO-RJ-1'))
    expect(rejections).toHaveLength(1)

    // PO-EXC-2's 997 rejected it (the earlier test): discarding it tells the partner nothing more.
    const syntax = await exceptionFor('acme-edi', 'PO-EXC-2')
    if (syntax) {
      expect(
        (await hub.api(`/api/v1/exceptions/${syntax.id}/discard`, { body: { reason: 'resent corrected' } }))
          .status,
      ).toBe(200)
      const delivered = await waitFor(
        async () => {
          const rows = await hub.hub.core.db.all<{ status: string; last_error: string | null }>(
            `select status, last_error from outbox_message where idempotency_key = ?`,
            [`exception-discarded:${syntax.id}`],
          )
          return rows[0]?.status === 'delivered' ? rows[0] : undefined
        },
        10_000,
        'the discard delivered',
      )
      expect(delivered.status).toBe('delivered')
      expect(
        partner
          .received()
          .some(
            (d) => d.setIds.includes('855') && d.segments.some((s) => s[0] === 'BAK' && s[3] === 'PO-EXC-2'),
          ),
      ).toBe(false)
    }
  })

  it('EDI: an interchange its 997 must reject whole is kept as one exception holding the file', async () => {
    const { text } = partner.purchaseOrders(
      [{ poNumber: 'PO-EXC-ENV', lines: [{ sku: 'SKU-A', quantity: 1, price: '12.50' }] }],
      (t) => t.replace(/IEA\*1\*\d+/, 'IEA*1*000999999'),
    )
    partner.drop('po-exc-env.edi', text)
    await waitFor(() => partner.failed().find((f) => f.file === 'po-exc-env.edi'), 15_000, 'failed file')
    const kept = (await exceptionFor('acme-edi', 'PO-EXC-ENV'))!
    expect(kept.reasons).toContainEqual(expect.objectContaining({ code: 'X12_TA1_001' }))
    const detail = (await hub.api(`/api/v1/exceptions/${kept.id}`)).body as Exception
    expect(detail.payload).toContain('IEA*1*000999999')
    expect(await orderOf('acme-edi', 'PO-EXC-ENV')).toBeUndefined()
  })

  it('Shopify: a replay after a sku mapping parses the stored payload again with its stored topic', async () => {
    const order = shop.createOrder([{ sku: 'SHOP-LISTING-9', quantity: 1 }])
    const sent = await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body)
    expect(sent.status).toBe(202)
    const id = sent.body.exceptionId as string
    const { db: sql } = hub.hub.core
    const stored = await sql.one<{ headers: unknown }>('select headers from intake_exception where id = ?', [
      id,
    ])
    const headers = readJson<Record<string, string>>(stored!.headers)
    expect(headers['x-shopify-topic']).toBe('orders/create')
    expect(Object.keys(headers).some((k) => /hmac|signature|token|authorization/i.test(k))).toBe(false)
    // Without its stored canonical order, only a parse of the payload can give the replay an order.
    await sql.run('update intake_exception set parsed = null where id = ?', [id])

    const mapped = await hub.api('/api/v1/channels/shop/sku-mappings', {
      method: 'PUT',
      body: { mappings: [{ channelSku: 'SHOP-LISTING-9', hubSku: 'SKU-A', multiplier: 1 }] },
    })
    expect(mapped.status).toBe(200)
    const replay = await hub.api(`/api/v1/exceptions/${id}/replay`, { body: {} })
    expect(replay.status).toBe(200)
    expect(replay.body).toMatchObject({ outcome: 'replayed', created: true })
    const made = await hub.api(`/api/v1/orders/${replay.body.orderId}`)
    expect(made.body.externalId ?? made.body.externalOrderId).toBe(String(order.body.id ?? order.id))
  })
})
