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
 * Ship to store on the console's order page, in Debian's Chromium against a real hub (SQLite, the
 * REST channel and REST WMS peers): the decision says why the order goes to the store from the DC,
 * and once the DC has shipped it a person confirms its arrival at the store, which sends the store
 * its pick request; a viewer is offered nothing. Screenshot: test/artifacts/browser/console-ship-to-store.png.
 */
describe('console: ship to store', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let chromium: Session
  let viewerKey = ''
  const contexts: BrowserContext[] = []

  const open = (key: string, hash: string): Promise<Page> =>
    openConsole({ browser: chromium.browser, baseURL: hub.url, key, contexts, hash })

  beforeAll(async () => {
    buildEditor()
    db = await createTestDb('sqlite')
    ;({ hub, channel, wms } = await startRestHub(db))
    await seedWorld(hub.api, { wms: 'dc' })
    const store = await hub.api('/api/v1/locations/wlg', {
      method: 'PUT',
      body: {
        name: 'Wellington store',
        type: 'store',
        country: 'NZ',
        line1: '1 Lambton Quay',
        city: 'Wellington',
        lat: -41.2809,
        lon: 174.7762,
        timezone: 'Pacific/Auckland',
        wmsInstanceId: 'dc',
        acceptsPickup: true,
      },
    })
    expect(store.status).toBe(200)
    await hub.api('/api/v1/rules/sets', { body: { id: 'sourcing', kind: 'sourcing', name: 'Sourcing' } })
    const draft = await hub.api('/api/v1/rules/sets/sourcing/versions', {
      body: {
        rules: [
          {
            name: 'dc-to-store',
            conditions: {
              all: [{ name: 'c-pickup', fact: 'order.deliveryMethod', operator: 'equal', value: 'pickup' }],
            },
            event: { type: 'shipToStore', params: { locations: ['akl'] } },
          },
        ],
      },
    })
    const published = await hub.api(
      `/api/v1/rules/sets/sourcing/versions/${draft.body.version.version}/publish`,
      {
        body: {},
      },
    )
    expect(published.status).toBe(200)
    viewerKey = (await hub.api('/api/v1/keys', { body: { name: 'Vic Viewer', role: 'viewer' } })).body.token
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

  it('shows why the order goes to the store and confirms its arrival there', async () => {
    const posted = await channel.postOrder(
      hub.url,
      'web',
      sampleOrder({ deliveryMethod: 'pickup', pickupLocationId: 'wlg' }, [{ sku: 'SKU-B', quantity: 1 }]),
    )
    const { orderId } = (posted.body.results as { orderId: string }[])[0]!
    const transfer = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId),
      10_000,
      'transfer request',
    )
    const page = await open(hub.adminKey, `#/order/${orderId}`)
    await page.getByTestId('order-page').waitFor()
    expect(await page.getByTestId('decision-summary').textContent()).toContain(
      "shipped to the store: the store cannot fill the whole order, so rule 'dc-to-store' sends it from akl",
    )
    // Nothing has left the DC yet: nothing to receive.
    expect(await page.getByTestId('act-receive-at-store').count()).toBe(0)

    expect(
      (
        await wms.ship(hub.url, 'dc', transfer.request.fulfilmentId, {
          carrier: 'NZ Post',
          trackingNumber: 'T-1',
        })
      ).status,
    ).toBe(200)
    // A viewer sees the order on its way but may not confirm its arrival.
    const viewer = await open(viewerKey, `#/order/${orderId}`)
    await viewer.getByTestId('order-page').waitFor()
    expect(await viewer.getByTestId('act-receive-at-store').count()).toBe(0)
    await page.reload()
    await page.getByTestId('act-receive-at-store').click()
    expect(await page.getByTestId('receive-at-store-dialog-consequence').textContent()).toContain(
      "The parcel from Auckland DC joins Wellington store's stock",
    )
    await screenshot(page, 'console-ship-to-store')
    expect(await axeViolations(page)).toEqual([])
    await page.getByTestId('receive-at-store-dialog-confirm').click()
    await waitFor(
      async () => {
        const o = (await hub.api(`/api/v1/orders/${orderId}`)).body
        return o.history.find((h: { type: string }) => h.type === 'order.transfer_received')
      },
      30_000,
      'the arrival recorded',
    )
    await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId && f.request.location.id === 'wlg'),
      30_000,
      'pick request at the store',
    )
    await expect.poll(() => page.getByTestId('act-receive-at-store').count()).toBe(0)
  })
})
