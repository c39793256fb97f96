import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'
import { launch, newPage, type Session, screenshot } from './support/browser'
import {
  buildEditor,
  compiledRules,
  connect,
  dragFromPalette,
  signIn,
  waitForCanvas,
  waitSaved,
} from './support/editor'

/**
 * A pricing rule set drawn in the editor and run by the hub's pricing engine: "10 % off lines of
 * ten or more", priced in a simulated basket with the path shown, its impact on real orders'
 * baskets previewed, published, and then the hub's own quotes carry the discount.
 */
describe('pricing rules in the browser', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let chromium: Session
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    buildEditor()
    db = await createTestDb('sqlite')
    channel = await RestChannelPeer.start('pricing-browser-secret')
    hub = await startTestHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'WEB_SECRET' }, callbackUrl: channel.callbackUrl },
        },
      ],
      { WEB_SECRET: channel.secret },
    )
    await seedWorld(hub.api)
    const list = await hub.api('/api/v1/pricing/price-lists/retail', {
      method: 'PUT',
      body: {
        name: 'Retail',
        currency: 'NZD',
        prices: [
          { sku: 'SKU-A', price: '20.00' },
          { sku: 'SKU-B', price: '80.00' },
        ],
      },
    })
    expect(list.status).toBe(200)
    // A real order whose basket the impact preview can price.
    const order = await hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder({}, [{ sku: 'SKU-A', quantity: 12 }]) },
    })
    expect(order.status).toBe(201)
    chromium = await launch()
    ;({ context, page } = await newPage(chromium, hub.url))
    page.on('pageerror', (e) => {
      throw e
    })
  })

  afterAll(async () => {
    await context?.close()
    await chromium?.close()
    await hub?.stop()
    await channel?.close()
    await db?.drop()
  })

  const quote = async (quantity: number) =>
    (
      await hub.api('/api/v1/pricing/quote', {
        body: { channel: 'web', currency: 'NZD', lines: [{ sku: 'SKU-A', quantity }] },
      })
    ).body

  it('draws "10 % off lines of ten or more", prices a basket, previews the impact and publishes', async () => {
    expect((await quote(12)).lines[0].unitPrice).toBe('20.00')
    await signIn(page, hub.adminKey)
    await page.getByTestId('new-set').click()
    await page.getByTestId('new-set-name').fill('Bulk discount')
    await page.getByTestId('new-set-kind').selectOption('pricing')
    await page.getByTestId('new-set-create').click()
    await waitForCanvas(page)
    await waitSaved(page)
    // Pricing has its own palette: no strategies, the engine's pricing actions.
    expect(await page.getByTestId('palette-strategy').count()).toBe(0)
    expect(await page.getByTestId('palette-action-volumeBreaks').count()).toBe(1)

    const cond = await dragFromPalette(page, 'condition', 420, 140)
    // The pricing catalogue has customer facts the sourcing one has not.
    expect(await page.getByTestId('insp-fact').locator('option[value="customer.tier"]').count()).toBe(1)
    await page.getByTestId('insp-fact').selectOption('line.quantity')
    await page.getByTestId('insp-operator').selectOption('greaterThanInclusive')
    await page.getByTestId('insp-value').fill('10')
    const discount = await dragFromPalette(page, 'action-discount', 760, 140)
    await page.getByTestId('insp-percent').fill('10')
    await page.getByTestId('insp-reason').fill('Bulk')
    await connect(page, 'start', 'out', cond)
    await connect(page, cond, 'true', discount)
    await waitSaved(page)
    expect(await compiledRules(page)).toEqual([
      {
        name: discount,
        conditions: {
          all: [{ name: cond, fact: 'line.quantity', operator: 'greaterThanInclusive', value: 10 }],
        },
        event: { type: 'discount', params: { percent: 10, reason: 'Bulk' } },
      },
    ])
    await page.getByTestId('tab-problems').click()
    await page.getByTestId('no-problems').waitFor()

    await page.getByTestId('tab-simulate').click()
    await page.getByTestId('sim-sku-0').selectOption('SKU-A')
    await page.getByTestId('sim-qty-0').fill('12')
    await page.getByTestId('sim-run').click()
    await page.getByTestId('sim-result').waitFor()
    expect(await page.getByTestId('quote-lines').locator('tr').first().getAttribute('data-unit-price')).toBe(
      '18.00',
    )
    const state = (id: string) =>
      page.locator(`.react-flow__node[data-id="${id}"] .sy-node`).getAttribute('data-state')
    await expect.poll(() => state(cond)).toBe('true')
    expect(await state(discount)).toBe('fired')
    expect(
      await page.locator(`.react-flow__node[data-id="${discount}"] .sy-note`).allTextContents(),
    ).toContain('SKU-A: 20.00 → 18.00')
    await screenshot(page, '12-pricing-simulation')

    await page.getByTestId('tab-impact').click()
    await page.getByTestId('impact-run').click()
    await page.getByTestId('impact-result').waitFor()
    expect(await page.getByTestId('impact-summary').textContent()).toMatch(/1 of 1 orders/)
    expect(await page.getByTestId('impact-order').first().textContent()).toContain('NZD 240.00 → 216.00')

    await page.getByTestId('publish').click()
    await page.getByTestId('publish-comment').fill('Bulk discount')
    await page.getByTestId('publish-confirm').click()
    await expect.poll(() => page.getByTestId('working-version').textContent()).toContain('live v1')
    const q = await quote(12)
    expect(q.lines[0].unitPrice).toBe('18.00')
    expect(q.lines[0].rules).toEqual([discount])
    expect((await quote(3)).lines[0].unitPrice).toBe('20.00')
  })
})
