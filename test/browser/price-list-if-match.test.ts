import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'
import { signIn, waitForCanvas } from './support/editor'
import { type EditorHub, startEditorHub } from './support/editor-hub'
import { putRetailList } from './support/retail-list'

/**
 * Two people keep one price list: the editor writes only over the state it read (If-Match with the
 * list's ETag). A change made elsewhere since is never overwritten unseen: the save is refused, the
 * analyst is told, reloads, and saves again over the new state.
 */
describe('price list edits in the browser name the state they were made on', () => {
  let session: EditorHub
  let hub: TestHub
  let page: Page
  const prices = async () =>
    Object.fromEntries(
      (await hub.api('/api/v1/pricing/price-lists/retail')).body.prices.map(
        (p: { sku: string; price: string }) => [p.sku, p.price],
      ),
    )

  beforeAll(async () => {
    session = await startEditorHub({
      name: 'price-list-if-match',
      channelId: 'web',
      secret: 'price-list-if-match-secret',
      seed: async (h) => {
        await seedWorld(h.api)
        await putRetailList(h)
      },
    })
    ;({ hub, page } = session)
  })

  afterEach((ctx) => session?.screenshotIfFailed(ctx))
  afterAll(() => session?.stop())

  it('refuses a save over a change made since, and saves after a reload', async () => {
    await signIn(page, hub.adminKey)
    await page.getByTestId('new-set').click()
    await page.getByTestId('new-set-name').fill('List keeping')
    await page.getByTestId('new-set-kind').selectOption('pricing')
    await page.getByTestId('new-set-create').click()
    await waitForCanvas(page)
    await page.getByTestId('tab-pricing-data').click()
    await page.getByTestId('price-lists').locator('li[data-list="retail"] button').click()
    const priceOf = (sku: string) => page.getByLabel(`Price of ${sku}`)
    await expect.poll(() => priceOf('SKU-A').inputValue()).toBe('20.00')

    // Someone else changes SKU-B while the list is open here.
    const other = await hub.api('/api/v1/pricing/price-lists/retail/prices', {
      method: 'PUT',
      body: { items: [{ sku: 'SKU-B', price: '75.00' }] },
    })
    expect(other.status).toBe(200)

    await priceOf('SKU-A').fill('22.00')
    await page.getByTestId('pl-save-prices').click()
    await expect
      .poll(() => page.getByTestId('pl-error').textContent())
      .toContain('Someone else changed this list')
    expect(await prices()).toEqual({ 'SKU-A': '20.00', 'SKU-B': '75.00' })

    await page.getByTestId('pl-reload').click()
    await expect.poll(() => priceOf('SKU-B').inputValue()).toBe('75.00')
    await priceOf('SKU-A').fill('22.00')
    await page.getByTestId('pl-save-prices').click()
    await expect.poll(() => page.getByTestId('pl-note').textContent()).toContain('Saved 1 price')
    expect(await prices()).toEqual({ 'SKU-A': '22.00', 'SKU-B': '75.00' })
  })
})
