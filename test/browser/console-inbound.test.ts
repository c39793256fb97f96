import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
 * Inbound supply from the console's Inventory section, in Debian's Chromium against a real hub
 * (SQLite, a REST channel and a REST WMS with simulated peers): an order for a sku nobody holds is
 * backordered; a purchase order for it is expected from the page, which gives the order its
 * promise date; delayed from the page, which moves it; received from the page, which puts the
 * units on hand and lets the order allocate. axe-core checks the page; screenshots go to
 * test/artifacts/browser/console-inbound-*.png.
 */
describe('console: inbound supply', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let chromium: Session
  const contexts: BrowserContext[] = []

  const open = (hash: string): Promise<Page> =>
    openConsole({ browser: chromium.browser, baseURL: hub.url, key: hub.adminKey, contexts, hash })

  beforeAll(async () => {
    buildEditor()
    db = await createTestDb('sqlite')
    ;({ hub, channel, wms } = await startRestHub(db))
    await seedWorld(hub.api, { wms: 'dc', stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 10 }] })
    chromium = await launch()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await chromium?.close()
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  it('expects, delays and receives a purchase order, and the backorder follows', async () => {
    const res = await channel.postOrder(
      hub.url,
      'web',
      sampleOrder({ externalId: 'IN-1' }, [{ sku: 'SKU-B', quantity: 2 }]),
    )
    expect(res.status).toBeLessThan(300)
    const order = await waitFor(async () => {
      const list = await hub.api('/api/v1/orders?channel=web')
      return (list.body.items as { id: string; externalOrderId: string; status: string }[]).find(
        (o) => o.externalOrderId === 'IN-1' && o.status === 'backordered',
      )
    }, 10_000)
    const promise = async () =>
      (await hub.api(`/api/v1/orders/${order.id}`)).body.promiseDate as string | null

    const page = await open('#/inventory?sku=SKU-B')
    await page.getByTestId('inbound-empty').waitFor()
    await page.getByTestId('inbound-new').click()
    await page.getByTestId('inbound-location').selectOption('akl')
    await page.getByTestId('inbound-reference').fill('PO-77')
    await page.getByTestId('inbound-quantity').fill('10')
    // No day yet: nothing to send.
    expect(await page.getByTestId('inbound-dialog-confirm').isDisabled()).toBe(true)
    await page.getByTestId('inbound-date').fill('2027-03-01')
    await page.getByTestId('inbound-dialog-confirm').click()
    const row = page.getByTestId('inbound-PO-77')
    await row.waitFor()
    expect(await row.getByTestId('inbound-status').textContent()).toBe('open')
    const [supply] = (await hub.api('/api/v1/inbound-supplies?sku=SKU-B')).body.items
    expect(supply).toMatchObject({
      externalRef: 'PO-77',
      locationId: 'akl',
      quantityExpected: 10,
      expectedDate: '2027-03-01',
    })
    await expect.poll(promise, { timeout: 10_000 }).toBe('2027-03-01')
    await screenshot(page, 'console-inbound-01-expected')
    expect(await axeViolations(page)).toEqual([])

    await row.getByTestId('inbound-delay').click()
    await page.getByTestId('inbound-date').fill('2027-03-20')
    expect(await page.getByTestId('inbound-dialog-consequence').textContent()).toContain('promised again')
    await page.getByTestId('inbound-dialog-confirm').click()
    await expect
      .poll(async () => (await hub.api(`/api/v1/inbound-supplies/${supply.id}`)).body.expectedDate)
      .toBe('2027-03-20')
    await expect.poll(promise, { timeout: 10_000 }).toBe('2027-03-20')
    expect(await page.getByTestId('inventory-note').textContent()).toContain('PO-77 now expected')

    await row.getByTestId('inbound-receive').click()
    // The units still to come are offered.
    expect(await page.getByTestId('inbound-quantity').inputValue()).toBe('10')
    await page.getByTestId('inbound-dialog-confirm').click()
    await expect.poll(() => row.getByTestId('inbound-status').textContent()).toBe('received')
    expect(await row.getByTestId('inbound-received').textContent()).toBe('10')
    // On hand at once, on the same page.
    await expect.poll(() => page.getByTestId('level-akl').getByTestId('on-hand').textContent()).toBe('10')
    // The backorder takes the units.
    await expect
      .poll(async () => (await hub.api(`/api/v1/orders/${order.id}`)).body.status, { timeout: 15_000 })
      .not.toBe('backordered')
    await screenshot(page, 'console-inbound-02-received')
    expect(await axeViolations(page)).toEqual([])
  })
})
