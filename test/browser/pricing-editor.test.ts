import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'
import { screenshot } from './support/browser'
import { compiledRules, connect, dragFromPalette, signIn, waitForCanvas, waitSaved } from './support/editor'
import { type EditorHub, startEditorHub } from './support/editor-hub'
import { putRetailList } from './support/retail-list'

/**
 * A pricing rule set drawn in the editor and run by the hub's pricing engine: "10 % off lines of
 * ten or more", priced in a simulated basket with the path shown, its impact on real orders'
 * baskets previewed, published, and then the hub's own quotes carry the discount.
 */
describe('pricing rules in the browser', () => {
  let session: EditorHub
  let hub: TestHub
  let page: Page

  beforeAll(async () => {
    session = await startEditorHub({
      name: 'pricing',
      channelId: 'web',
      secret: 'pricing-browser-secret',
      seed: async (h) => {
        await seedWorld(h.api)
        await putRetailList(h)
        // A real order whose basket the impact preview can price.
        const order = await h.api('/api/v1/orders', {
          body: { channel: 'web', order: sampleOrder({}, [{ sku: 'SKU-A', quantity: 12 }]) },
        })
        expect(order.status).toBe(201)
      },
    })
    ;({ hub, page } = session)
  })

  afterEach((ctx) => session?.screenshotIfFailed(ctx))

  afterAll(() => session?.stop())

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
