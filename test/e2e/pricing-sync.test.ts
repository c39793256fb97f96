import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { verifyOutboundSignature } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer } from '../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/** Price sync: the hub tells a channel what each sku sells for there, through its plugin and the outbox. */
describe('price sync to a channel', () => {
  let db: TestDb
  let hub: TestHub
  let portal: RestChannelPeer
  const dirs: string[] = []
  const mailbox = () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-pricing-sync-'))
    dirs.push(dir)
    return dir
  }

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    portal = await RestChannelPeer.start('portal-secret-for-tests')
    hub = await startTestHub(
      db,
      [
        {
          id: 'portal',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'PORTAL_SECRET' }, pricesUrl: `${portal.http.url}/switchyard/prices` },
        },
        {
          // A channel whose plugin takes no prices.
          id: 'edi',
          use: '@switchyard/edi-x12',
          config: {
            mailbox: mailbox(),
            partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
            us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
            currency: 'NZD',
            shipFrom: { name: 'AUCKLAND DC', id: 'AKL' },
            remitTo: { name: 'HUB SUPPLIER LTD', id: 'HUB' },
            gs1CompanyPrefix: '0012345',
          },
        },
      ],
      { PORTAL_SECRET: portal.secret },
    )
    await seedWorld(hub.api)
    const put = (id: string, body: Record<string, unknown>) =>
      hub.api(`/api/v1/pricing/price-lists/${id}`, { method: 'PUT', body })
    await put('retail', {
      name: 'Retail',
      currency: 'NZD',
      prices: [
        { sku: 'SKU-A', price: '20.00' },
        { sku: 'SKU-B', price: '49.90' },
      ],
    })
    await put('portal', {
      name: 'Portal',
      currency: 'NZD',
      channel: 'portal',
      prices: [{ sku: 'SKU-A', price: '17.50' }],
    })
    // A contract is never what a channel shows everyone.
    await put('acme', {
      name: 'Acme',
      currency: 'NZD',
      customer: { email: 'buyer@acme.example' },
      prices: [{ sku: 'SKU-A', price: '1.00' }],
    })
  })

  afterAll(async () => {
    await hub?.stop()
    await portal?.close()
    await db?.drop()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it("sends the channel's prices, signed, through the outbox", async () => {
    const res = await hub.api('/api/v1/pricing/sync', { body: { channel: 'portal', currency: 'NZD' } })
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    expect(res.body).toEqual({ prices: 2, messages: 1 })
    const received = await waitFor(
      () => portal.http.requests.find((r) => r.path === '/switchyard/prices'),
      10_000,
      'prices at the portal',
    )
    expect(
      verifyOutboundSignature({
        secret: portal.secret,
        rawBody: Buffer.from(received.body),
        headers: received.headers,
      }).ok,
    ).toBe(true)
    expect(JSON.parse(received.body)).toEqual({
      prices: [
        { sku: 'SKU-A', currency: 'NZD', price: '17.50', priceListId: 'portal' },
        { sku: 'SKU-B', currency: 'NZD', price: '49.90', priceListId: 'retail' },
      ],
    })
    const outbox = await waitFor(
      async () =>
        (await hub.api('/api/v1/outbox?instance=portal')).body.items.find(
          (m: { topic: string; status: string }) => m.topic === 'price.push' && m.status === 'delivered',
        ),
      5_000,
      'the delivered price.push message',
    )
    expect(outbox.attempts).toBe(1)
  })

  it('refuses a channel that takes no prices, and bad input, as problem+json', async () => {
    const none = await hub.api('/api/v1/pricing/sync', { body: { channel: 'edi', currency: 'NZD' } })
    expect(none.status).toBe(409)
    expect(none.body.code).toBe('PRICES_NOT_ACCEPTED')
    const unknown = await hub.api('/api/v1/pricing/sync', { body: { channel: 'nowhere', currency: 'NZD' } })
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors).toEqual([
      { field: 'channel', message: "no channel instance 'nowhere' is configured" },
    ])
    const bad = await hub.api('/api/v1/pricing/sync', { body: { channel: 'portal', currency: 'nzd' } })
    expect(bad.status).toBe(422)
    expect(bad.body.errors[0].field).toBe('currency')
  })
})
