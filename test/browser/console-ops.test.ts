import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmazonPeer } from '../peers/amazon-peer'
import { waitFor } from '../peers/http-peer'
import { type RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import type { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { startRestHub } from '../support/rest-hub'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'
import { axeViolations } from './support/axe'
import { launch, type Session, screenshot } from './support/browser'
import { openConsole } from './support/console-page'
import { buildEditor } from './support/editor'

/**
 * The console's operations sections in Debian's Chromium against a real hub (SQLite; a REST
 * channel `web`, a REST WMS `dc` and an Amazon channel `amzn`, each with a simulated peer):
 * an order with an unknown sku is fixed from the Exceptions section (a sku mapping added in place)
 * and replayed into an order; a dead letter to a warehouse that failed and recovered is retried
 * from Partners and delivered; Test connection says ok for a live partner and why for a stopped
 * one; stock is adjusted from Inventory; a viewer sees no action anywhere. axe-core checks each
 * section. Screenshots at 1280×800 go to test/artifacts/browser/console-ops-*.png.
 */
describe('operations console: exceptions, partners, inventory', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let amazon: AmazonPeer
  let chromium: Session
  let viewerKey = ''
  const contexts: BrowserContext[] = []

  const open = (key: string, hash: string): Promise<Page> =>
    openConsole({ browser: chromium.browser, baseURL: hub.url, key, contexts, hash })

  /** An order from the storefront with a sku the hub does not know: kept as an intake exception. */
  const unknownSkuOrder = async (externalId: string, sku: string) => {
    const res = await channel.postOrder(hub.url, 'web', sampleOrder({ externalId }, [{ sku, quantity: 2 }]))
    expect(res.status).toBeLessThan(300)
    return waitFor(async () => {
      const list = await hub.api('/api/v1/exceptions?instance=web&status=open')
      return (list.body.items as { id: string; externalOrderId: string }[]).find(
        (x) => x.externalOrderId === externalId,
      )
    }, 10_000)
  }

  beforeAll(async () => {
    buildEditor()
    db = await createTestDb('sqlite')
    amazon = await AmazonPeer.start()
    ;({ hub, channel, wms } = await startRestHub(db, {
      plugins: [
        {
          id: 'amzn',
          use: '@switchyard/amazon',
          config: {
            endpoint: amazon.http.url,
            tokenUrl: `${amazon.http.url}/auth/o2/token`,
            marketplaceId: amazon.marketplaceId,
            sellerId: 'A2EXAMPLESELLER',
            clientId: amazon.clientId,
            clientSecret: { $env: 'AMZN_CLIENT_SECRET' },
            refreshToken: { $env: 'AMZN_REFRESH_TOKEN' },
            reconcileFrom: new Date(Date.now() - 60_000).toISOString(),
            lookbackSec: 0,
          },
        },
      ],
      env: { AMZN_CLIENT_SECRET: amazon.clientSecret, AMZN_REFRESH_TOKEN: amazon.refreshToken },
    }))
    await seedWorld(hub.api, { wms: 'dc' })
    viewerKey = (await hub.api('/api/v1/keys', { body: { name: 'Vic Viewer', role: 'viewer' } })).body.token
    chromium = await launch()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await chromium?.close()
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await amazon?.close().catch(() => {})
    await db?.drop()
  })

  it('fixes an unknown sku with a mapping in place and replays the exception into an order', async () => {
    const exc = await unknownSkuOrder('EXC-TEE-1', 'WEB-TEE-RED')
    const page = await open(hub.adminKey, '#/exceptions')
    await expect.poll(() => page.getByTestId('exception-row').count()).toBe(1)
    expect(await page.getByTestId('exceptions-table').textContent()).toContain('UNKNOWN_SKU')
    await screenshot(page, 'console-ops-01-exceptions')
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('link', { name: 'EXC-TEE-1' }).click()
    await page.getByTestId('exception-page').waitFor()
    expect(page.url()).toContain(`#/exceptions/${exc.id}`)
    // The failing field is marked in the payload, and only it.
    const marked = page.locator('[data-marked]')
    await expect.poll(() => marked.count()).toBe(1)
    expect(await marked.textContent()).toContain('"WEB-TEE-RED"')
    expect(await marked.getAttribute('data-path')).toBe('lines[0].sku')

    await page.getByTestId('add-mapping').click()
    expect(await page.getByTestId('mapping-channel-sku').inputValue()).toBe('WEB-TEE-RED')
    // The hub sku is picked from the catalogue.
    await expect.poll(() => page.getByTestId('mapping-hub-sku').locator('option').count()).toBeGreaterThan(1)
    await page.getByTestId('mapping-hub-sku').selectOption('SKU-A')
    expect(await page.getByTestId('mapping-dialog-consequence').textContent()).toContain(
      'stays open until you replay',
    )
    await screenshot(page, 'console-ops-02-mapping')
    expect(await axeViolations(page)).toEqual([])
    await page.getByTestId('mapping-dialog-confirm').click()
    await expect
      .poll(() => page.getByTestId('exception-note').textContent())
      .toContain('WEB-TEE-RED now maps to SKU-A')
    const mappings = await hub.api('/api/v1/channels/web/sku-mappings')
    expect(mappings.body.items).toEqual([
      expect.objectContaining({ channelSku: 'WEB-TEE-RED', hubSku: 'SKU-A' }),
    ])

    await page.getByTestId('replay').click()
    expect(await page.getByTestId('replay-dialog-consequence').textContent()).toContain('becomes an order')
    await page.getByTestId('replay-dialog-confirm').click()
    await expect.poll(() => page.getByTestId('exception-status').textContent()).toBe('replayed')
    await page.getByTestId('exception-order').click()
    await page.getByTestId('order-page').waitFor()
    const orderId = decodeURIComponent(new URL(page.url()).hash).split('/').pop()!
    const order = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(order).toMatchObject({ channelInstanceId: 'web', externalOrderId: 'EXC-TEE-1' })
    expect(order.lines[0]).toMatchObject({ sku: 'SKU-A', quantity: 2 })
  })

  it('retries a dead letter to a warehouse that failed and recovered, and it is delivered', async () => {
    // Let earlier deliveries settle, then the warehouse answers 500 to everything.
    await waitFor(async () => {
      const pending = await hub.api('/api/v1/outbox?instance=dc&status=pending')
      return pending.body.items.length === 0
    }, 15_000)
    wms.failFor(120_000, { status: 500 })
    const posted = await hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder({ externalId: 'DEAD-1' }, [{ sku: 'SKU-B', quantity: 1 }]) },
    })
    expect(posted.status).toBe(201)
    const orderId = posted.body.orderId as string
    const dead = await waitFor(
      async () => {
        const list = await hub.api(`/api/v1/outbox?order=${orderId}&status=dead`)
        return list.body.items[0] as { id: string; lastError: string } | undefined
      },
      60_000,
      'the dead letter',
    )
    expect(dead.lastError).toContain('500')
    wms.recover()
    const before = wms.fulfilments().length

    const page = await open(hub.adminKey, '#/partners')
    await expect.poll(() => page.getByTestId('dead-dc').textContent()).toBe('1')
    expect(await page.getByTestId('health-dc').textContent()).toMatch(/failures in a row/)
    await page.getByTestId('dead-toggle-dc').click()
    expect(await page.getByTestId('dead-letters').textContent()).toContain('fulfilment.request')
    await screenshot(page, 'console-ops-03-partners')
    expect(await axeViolations(page)).toEqual([])

    await page.getByTestId('retry-all').click()
    expect(await page.getByTestId('retry-dialog-consequence').textContent()).toContain('sent now')
    await page.getByTestId('retry-dialog-confirm').click()
    await expect.poll(() => page.getByTestId('partners-note').textContent()).toContain('1 sent again')
    await waitFor(
      () => (wms.fulfilments().some((f) => f.request.orderId === orderId) ? true : undefined),
      15_000,
      'the retried delivery',
    )
    expect(wms.fulfilments().length).toBeGreaterThan(before)
    await waitFor(async () => {
      const m = await hub.api(`/api/v1/outbox/${dead.id}`)
      return m.body.status === 'delivered'
    }, 15_000)
    // Refreshing shows the queue empty again.
    await page.getByTestId('partners-refresh').click()
    await expect.poll(() => page.getByTestId('dead-dc').textContent()).toBe('0')
  })

  it('tests a connection: ok for a live partner, the reason for a stopped one', async () => {
    // Over HTTP: only those who run integrations may; a plugin without a check says so; no such instance is 404.
    const asViewer = await hub.api('/api/v1/plugins/amzn/check', { method: 'POST', key: viewerKey })
    expect(asViewer.status).toBe(403)
    expect((await hub.api('/api/v1/plugins/nope/check', { method: 'POST' })).status).toBe(404)
    const noCheck = await hub.api('/api/v1/plugins/dc/check', { method: 'POST' })
    expect(noCheck.body).toMatchObject({ ok: false, message: expect.stringContaining('no connection check') })

    const page = await open(hub.adminKey, '#/partners')
    // Only plugins with a check offer it.
    await page.getByTestId('check-amzn').waitFor()
    expect(await page.getByTestId('check-dc').count()).toBe(0)
    await page.getByTestId('check-amzn').click()
    await expect
      .poll(() => page.getByTestId('check-result-amzn').textContent())
      .toMatch(/^Connected \(\d+ ms\)$/)

    await amazon.close()
    await page.getByTestId('check-amzn').click()
    await expect.poll(() => page.getByTestId('check-result-amzn').textContent()).toMatch(/^Failed: .+/)
    const text = (await page.getByTestId('check-result-amzn').textContent()) ?? ''
    expect(text).not.toContain('no reason given')
    // The reason never carries the instance's secrets.
    expect(text).not.toContain(amazon.clientSecret)
    await screenshot(page, 'console-ops-04-test-connection')
    const api = await hub.api('/api/v1/plugins/amzn/check', { method: 'POST' })
    expect(api.status).toBe(200)
    expect(api.body.ok).toBe(false)
  })

  it('shows a sku per location and per channel, and adjusts its stock with a reason', async () => {
    const pool = await hub.api('/api/v1/pools', {
      method: 'PUT',
      body: { channel: 'web', sku: 'SKU-B', locationId: 'akl', protectedQty: 10 },
    })
    expect(pool.status).toBe(200)
    const page = await open(hub.adminKey, '#/inventory')
    await page.getByTestId('inventory-sku').fill('SKU-B')
    await page.getByTestId('inventory-search').click()
    await page.getByTestId('level-akl').waitFor()
    const onHand = Number(await page.getByTestId('level-akl').getByTestId('on-hand').textContent())
    const api = (await hub.api('/api/v1/inventory?sku=SKU-B&location=akl')).body.items[0]
    expect(onHand).toBe(api.onHand)
    expect(Number(await page.getByTestId('level-akl').getByTestId('atp').textContent())).toBe(api.available)
    // Per channel, with the pool in words.
    const web = (await hub.api('/api/v1/availability?sku=SKU-B&channel=web')).body.items[0].channel.total
    expect(Number(await page.getByTestId('channel-web').getByTestId('may-sell').textContent())).toBe(web)
    expect(await page.getByTestId('channel-web').textContent()).toContain('10 kept for it')
    expect(await page.getByTestId('channel-amzn').textContent()).toContain('shared stock')

    await page.getByTestId('level-akl').getByTestId('adjust').click()
    await page.getByTestId('adjust-delta').fill('-3')
    // Without a reason the adjustment cannot be sent.
    expect(await page.getByTestId('adjust-dialog-confirm').isDisabled()).toBe(true)
    await page.getByTestId('adjust-reason').fill('Three damaged in the aisle')
    expect(await page.getByTestId('adjust-dialog-consequence').textContent()).toContain(
      `On hand goes from ${onHand} to ${onHand - 3} (−3)`,
    )
    await page.getByTestId('adjust-dialog-confirm').click()
    await expect
      .poll(() => page.getByTestId('level-akl').getByTestId('on-hand').textContent())
      .toBe(String(onHand - 3))
    expect((await hub.api('/api/v1/inventory?sku=SKU-B&location=akl')).body.items[0].onHand).toBe(onHand - 3)
    await screenshot(page, 'console-ops-05-inventory')
    expect(await axeViolations(page)).toEqual([])
  })

  it("marks a location's stock whose feed is too old to sell from (drop-ship feed age)", async () => {
    const chc = {
      name: 'Christchurch 3PL',
      type: '3pl',
      country: 'NZ',
      city: 'Christchurch',
      lat: -43.5441,
      lon: 172.5261,
      timezone: 'Pacific/Auckland',
      wmsInstanceId: 'dc',
      feedMaxAgeHours: 24,
    }
    expect((await hub.api('/api/v1/locations/chc', { method: 'PUT', body: chc })).status).toBe(200)
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000).toISOString()
    await hub.hub.core.inventory.applySnapshots([
      { locationId: 'chc', sku: 'SKU-B', onHand: 20, asOf: twoDaysAgo },
    ])
    const page = await open(hub.adminKey, '#/inventory?sku=SKU-B')
    await page.getByTestId('level-chc').waitFor()
    expect(await page.getByTestId('level-chc').getByTestId('feed-stale').textContent()).toContain(
      'Feed stale',
    )
    expect(await page.getByTestId('level-chc').getByTestId('atp').textContent()).toBe('0')
    expect(await page.getByTestId('level-akl').getByTestId('feed-stale').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
  })

  it('shows a viewer the same pages with no action, and an admin discards with a reason', async () => {
    const exc = await unknownSkuOrder('EXC-MUG-2', 'WEB-MUG')
    const page = await open(viewerKey, '#/exceptions')
    await expect.poll(() => page.getByTestId('exception-row').count()).toBe(1)
    expect(await page.getByTestId('replay-all').count()).toBe(0)
    await page.goto(`/#/exceptions/${exc.id}`)
    await page.getByTestId('exception-page').waitFor()
    expect(await page.locator('[data-marked]').count()).toBe(1)
    const actions = /replay|discard|map|retry|test connection|adjust/i
    expect(await page.getByRole('button', { name: actions }).count()).toBe(0)
    await page.goto('/#/partners')
    await page.getByTestId('partner-dc').waitFor()
    expect(await page.getByRole('button', { name: actions }).count()).toBe(0)
    await page.goto('/#/inventory?sku=SKU-A')
    await page.getByTestId('level-akl').waitFor()
    expect(await page.getByRole('button', { name: actions }).count()).toBe(0)

    const admin = await open(hub.adminKey, `#/exceptions/${exc.id}`)
    await admin.getByTestId('discard').click()
    expect(await admin.getByTestId('discard-dialog-confirm').isDisabled()).toBe(true)
    await admin.getByTestId('discard-reason').fill('Test order from the shop owner')
    expect(await admin.getByTestId('discard-dialog-consequence').textContent()).toContain(
      'can no longer be replayed',
    )
    await admin.getByTestId('discard-dialog-confirm').click()
    await expect.poll(() => admin.getByTestId('exception-status').textContent()).toBe('discarded')
    expect(await admin.getByTestId('exception-discarded').textContent()).toContain(
      'Test order from the shop owner',
    )
  })
})
