import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../support/databases'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { seedWorld } from '../support/world'
import { axeViolations } from './support/axe'
import { launch, type Session, screenshot } from './support/browser'
import { buildEditor } from './support/editor'

/**
 * New order in Debian's Chromium against a real hub (SQLite, REST WMS `dc` with its simulated peer):
 * a phone order is entered for a customer, priced by the price list before it is saved, placed
 * through the built-in `manual` channel, opened, and followed to shipped when the warehouse ships.
 */
describe('New order in the console', () => {
  let db: TestDb
  let rest: RestHub
  let chromium: Session
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    buildEditor()
    db = await createTestDb('sqlite')
    rest = await startRestHub(db)
    await seedWorld(rest.hub.api, { wms: 'dc' })
    const list = await rest.hub.api('/api/v1/pricing/price-lists/phone-nzd', {
      method: 'PUT',
      body: {
        name: 'Phone orders',
        currency: 'NZD',
        channel: 'manual',
        prices: [{ sku: 'SKU-A', price: '24.50' }],
      },
    })
    expect(list.status, JSON.stringify(list.body)).toBe(200)
    chromium = await launch()
    context = await chromium.browser.newContext({
      baseURL: rest.hub.url,
      viewport: { width: 1280, height: 800 },
    })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
    page.on('pageerror', (e) => {
      throw e
    })
  })

  afterAll(async () => {
    await context?.close()
    await chromium?.close()
    await rest?.stop()
    await db?.drop()
  })

  it('enters a phone order, shows its price before saving, and follows it to shipped', async () => {
    // Every hub has the manual channel, with no config for it.
    const plugins = (await rest.hub.api('/api/v1/plugins')).body.items as { id: string; kind: string }[]
    expect(plugins.find((p) => p.id === 'manual')).toMatchObject({ kind: 'channel' })

    await page.goto('/#/new-order')
    await page.getByTestId('api-key').fill(rest.hub.adminKey)
    await page.getByTestId('sign-in').click()
    await page.getByTestId('new-order').waitFor()

    // Pricing an incomplete order names what is missing, and asks nothing of the hub.
    await page.getByTestId('no-quote').click()
    expect(await page.getByTestId('new-order').textContent()).toContain('Enter the customer’s name')
    expect(await page.getByTestId('no-save').isDisabled()).toBe(true)

    await page.getByTestId('no-customerName').fill('Mere Phone')
    await page.getByTestId('no-email').fill('mere.phone@example.nz')
    await page.getByTestId('no-line1').fill('1 Lambton Quay')
    await page.getByTestId('no-city').fill('Wellington')
    await page.getByTestId('no-postcode').fill('6011')
    await page.getByTestId('no-serviceLevel').selectOption('express')
    await page.getByTestId('no-sku-0').fill('SKU-A')
    await page.getByTestId('no-qty-0').fill('2')
    await page.getByTestId('no-quote').click()
    await expect.poll(() => page.getByTestId('no-quote-total').textContent()).toContain('49.00')
    await screenshot(page, 'console-new-order-01-quoted')
    expect(await axeViolations(page)).toEqual([])
    // A change asks for a new price before it can be saved.
    await page.getByTestId('no-qty-0').fill('1')
    expect(await page.getByTestId('no-save').isDisabled()).toBe(true)
    await page.getByTestId('no-quote').click()
    await expect.poll(() => page.getByTestId('no-quote-total').textContent()).toContain('24.50')
    await page.getByTestId('no-save').click()

    await page.getByTestId('order-page').waitFor()
    const id = /#\/order\/([^/?]+)/.exec(page.url())![1]!
    const order = (await rest.hub.api(`/api/v1/orders/${id}`)).body
    expect(order).toMatchObject({
      channelInstanceId: 'manual',
      serviceLevel: 'express',
      lines: [expect.objectContaining({ sku: 'SKU-A', quantity: 1 })],
    })
    expect(order.externalOrderId).toMatch(/^PHONE-/)
    expect(['released', 'allocated']).toContain(order.status)
    expect(order.routingDecision).toBeTruthy()
    expect((await rest.hub.api(`/api/v1/pricing/orders/${id}`)).body.lines[0]).toMatchObject({
      unitPrice: '24.50',
    })

    await expect
      .poll(async () => (await rest.hub.api(`/api/v1/orders/${id}`)).body.fulfilments.length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0)
    const fulfilmentId = (await rest.hub.api(`/api/v1/orders/${id}`)).body.fulfilments[0].id as string
    await rest.wms.ship(rest.hub.url, 'dc', fulfilmentId, { carrier: 'NZ Post', trackingNumber: 'NZP-PHONE' })
    await expect
      .poll(() => page.getByTestId('order-page').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('shipped')
    await screenshot(page, 'console-new-order-02-shipped')
  })
})
