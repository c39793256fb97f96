import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { seedWorld } from '../support/world'
import { launch, type Session, screenshot } from './support/browser'
import { openConsole } from './support/console-page'
import { buildEditor } from './support/editor'

/**
 * Live updates in Debian's Chromium against a real hub (SQLite, REST channel `web`, REST WMS `dc`):
 * with the event stream open, an order posted over the API appears in the open Orders list, and
 * the open order page follows it to shipped, each faster than the fallback polling could (the list
 * polls every 10 s and the live order page every 15 s only without the stream); with the stream
 * refused, the console says "Polling" and the list still updates.
 */
describe('live updates in the console', () => {
  let db: TestDb
  let rest: RestHub
  let chromium: Session
  const contexts: BrowserContext[] = []

  const open = (block?: 'events'): Promise<Page> =>
    openConsole({
      browser: chromium.browser,
      baseURL: rest.hub.url,
      key: rest.hub.adminKey,
      contexts,
      prepare: (context) =>
        block ? context.route('**/api/v1/events', (route) => route.abort()) : Promise.resolve(),
    })
  const post = async () => {
    const res = await rest.hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }]) },
    })
    expect(res.status).toBe(201)
    return res.body.orderId as string
  }

  beforeAll(async () => {
    buildEditor()
    db = await createTestDb('sqlite')
    rest = await startRestHub(db)
    await seedWorld(rest.hub.api, { wms: 'dc' })
    chromium = await launch()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await chromium?.close()
    await rest?.stop()
    await db?.drop()
  })

  it('shows a new order in the open list and follows the open order to shipped without reloading', async () => {
    const page = await open()
    await page.getByTestId('orders-freshness').waitFor()
    await expect.poll(() => page.getByTestId('live-indicator').getAttribute('data-state')).toBe('live')

    const id = await post()
    const started = Date.now()
    await page.locator(`[data-order="${id}"]`).waitFor({ timeout: 6_000 })
    expect(Date.now() - started).toBeLessThan(6_000)
    expect(await page.getByTestId('orders-freshness').textContent()).toBe('updated just now')
    await screenshot(page, 'console-live-01-list')

    await page.locator(`[data-order="${id}"]`).click()
    await page.getByTestId('order-page').waitFor()
    await expect
      .poll(async () => (await rest.hub.api(`/api/v1/orders/${id}`)).body.fulfilments.length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0)
    const fulfilmentId = (await rest.hub.api(`/api/v1/orders/${id}`)).body.fulfilments[0].id as string
    // Let the page settle on its current state first: what follows must come from the event.
    await page.waitForTimeout(1_000)
    const url = page.url()
    const shippedAt = Date.now()
    await rest.wms.ship(rest.hub.url, 'dc', fulfilmentId, { carrier: 'NZ Post', trackingNumber: 'NZP-LIVE' })
    await expect
      .poll(() => page.getByTestId('order-page').getAttribute('data-status'), { timeout: 8_000 })
      .toBe('shipped')
    // Faster than the 15 s read the open order still does with the stream on.
    expect(Date.now() - shippedAt).toBeLessThan(8_000)
    expect(page.url()).toBe(url)
    expect(await page.getByTestId('order-freshness').textContent()).toBe('updated just now')
    await screenshot(page, 'console-live-02-shipped')
  })

  it('falls back to polling when the stream is refused, and says so', async () => {
    const page = await open('events')
    await expect.poll(() => page.getByTestId('live-indicator').getAttribute('data-state')).toBe('polling')
    const id = await post()
    await page.locator(`[data-order="${id}"]`).waitFor({ timeout: 20_000 })
    await screenshot(page, 'console-live-03-polling')
  })
})
