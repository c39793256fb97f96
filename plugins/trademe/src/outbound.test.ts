import type { OrderStatusUpdate } from '@switchyard/plugin-sdk'
import { createTestContext, type FixtureRequest, startFixtureServer } from '@switchyard/plugin-sdk/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { tradeMeTime } from './dates'
import plugin from './index'
import { courierCompany } from './ship'

const config = {
  consumerKey: 'OUT-CONSUMER-KEY',
  consumerSecret: 'OUT-CONSUMER-SECRET',
  accessToken: 'OUT-ACCESS-TOKEN',
  accessTokenSecret: 'OUT-TOKEN-SECRET',
  listings: { 'SKU-C': 4980000003 },
}

const shipped = (status: OrderStatusUpdate['status'] = 'shipped'): OrderStatusUpdate => ({
  orderId: 'o-1',
  externalOrderId: '51234567',
  status,
  lines: [{ sku: 'SKU-A', quantity: 2, allocated: 0, backordered: 0, shipped: 2, cancelled: 0 }],
  shipments: [
    {
      fulfilmentId: 'f-1',
      carrier: 'NZ Post',
      trackingNumber: 'NZ123NZ',
      shippedAt: '2026-12-06T01:00:00Z',
      lines: [{ sku: 'SKU-A', quantity: 2 }],
    },
  ],
  occurredAt: '2026-12-06T01:00:00Z',
})

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

async function withTradeMe(answer: (req: FixtureRequest) => { status?: number; body?: unknown }) {
  const server = await startFixtureServer(answer)
  close = server.close
  const t = createTestContext(plugin, { ...config, baseUrl: server.url })
  return { t, requests: server.requests }
}

describe('TradeMe outbound', () => {
  it('reads TradeMe dates, with or without an offset, and ISO 8601', () => {
    expect(tradeMeTime('/Date(1796076000000)/')).toBe(1796076000000)
    expect(tradeMeTime('/Date(1796076000000+1300)/')).toBe(1796076000000)
    expect(tradeMeTime('2026-12-06T00:00:00Z')).toBe(Date.parse('2026-12-06T00:00:00Z'))
    expect(tradeMeTime('yesterday')).toBeUndefined()
    expect(tradeMeTime(1796076000000)).toBeUndefined()
  })

  it("names TradeMe's courier companies, and passes others through", () => {
    expect(courierCompany('NZ Post', {})).toBe('CourierPost')
    expect(courierCompany('Aramex', {})).toBe('Fastway')
    expect(courierCompany('DHL', {})).toBe('DHL')
    expect(courierCompany('DHL', { dhl: 'DHL Express' })).toBe('DHL Express')
  })

  it('sends each parcel once, takes ParcelAlreadyExists as done, then sets GoodsShipped', async () => {
    const { t, requests } = await withTradeMe((req) =>
      req.path.endsWith('/CourierParcels.json')
        ? { body: { Success: false, Description: 'A duplicate parcel already exists', Code: 1 } }
        : { body: { Success: true, Description: null, Status: 'GoodsShipped' } },
    )
    const push = plugin.capabilities.statusPush!.pushStatus
    expect(await push(shipped(), t.ctx)).toMatchObject({ status: 'accepted' })
    expect(await push(shipped(), t.ctx)).toMatchObject({ status: 'accepted' })
    const paths = requests.map((r) => r.path)
    expect(paths.filter((p) => p.endsWith('/CourierParcels.json'))).toHaveLength(1)
    expect(paths.filter((p) => p === '/v1/MyTradeMe/Status/51234567/GoodsShipped.json')).toHaveLength(2)
    expect(JSON.parse(requests[0]!.body)).toEqual({
      Parcel: { CourierCompany: 'CourierPost', TrackingReference: 'NZ123NZ', AuctionSoldIds: [51234567] },
    })
  })

  it('refuses, permanently, a parcel TradeMe will not take', async () => {
    const { t } = await withTradeMe(() => ({
      body: { Success: false, Description: 'One or more of the sold listing ids do not exist', Code: 6 },
    }))
    const error = await plugin.capabilities.statusPush!.pushStatus(shipped(), t.ctx).catch((e: unknown) => e)
    expect(error).toMatchObject({ failure: 'permanent' })
  })

  it('refunds once per hub refund, and a sale not paid with Pay Now is refused for a person', async () => {
    let code = 0
    const { t, requests } = await withTradeMe(() => ({
      body: { Success: code === 0, Description: code ? 'no' : null, StatusCode: code },
    }))
    const refund = {
      refundId: 'r-1',
      orderId: 'o-1',
      externalOrderId: '51234567',
      amount: '12.50',
      currency: 'NZD',
      lines: [],
      notifyCustomer: false,
    }
    const push = plugin.capabilities.refundPush!.pushRefund
    expect(await push(refund, t.ctx)).toMatchObject({ status: 'accepted' })
    expect(await push(refund, t.ctx)).toMatchObject({ status: 'accepted' })
    expect(requests).toHaveLength(1)
    expect(JSON.parse(requests[0]!.body)).toEqual({ PurchaseId: 51234567, RefundAmount: 12.5 })
    code = 6
    expect(await push({ ...refund, refundId: 'r-2' }, t.ctx)).toMatchObject({ status: 'refused' })
    expect(await plugin.capabilities.statusPush!.pushStatus(shipped('cancelled'), t.ctx)).toMatchObject({
      status: 'skipped',
    })
  })

  it('sets listing quantities, edits whole listings, and withdraws one TradeMe will not set to zero', async () => {
    const listing = { ListingId: 4980000003, Title: 'Camping gas', Category: '0001-', Quantity: 10 }
    const { t, requests } = await withTradeMe((req) => {
      if (req.method === 'GET') return { body: listing }
      if (req.path === '/v1/Selling/Edit.json') {
        const body = JSON.parse(req.body)
        if (body.Quantity < 1)
          return { body: { Success: false, Description: 'Quantity must be between 1 and 1000' } }
        listing.Quantity = body.Quantity
        return { body: { Success: true, ListingId: listing.ListingId } }
      }
      return { body: { Success: true, ListingId: listing.ListingId } }
    })
    const push = plugin.capabilities.inventoryPush!.pushInventory
    const asOf = '2026-12-06T00:00:00Z'
    expect(await push([{ sku: 'SKU-C', available: 7, asOf }], t.ctx)).toMatchObject({ status: 'accepted' })
    const edit = requests.find((r) => r.path === '/v1/Selling/Edit.json')!
    expect(JSON.parse(edit.body)).toMatchObject({ ListingId: 4980000003, Title: 'Camping gas', Quantity: 7 })
    expect(await push([{ sku: 'NOT-ON-TRADEME', available: 3, asOf }], t.ctx)).toMatchObject({
      status: 'skipped',
    })
    expect(await push([{ sku: 'SKU-C', available: 0, asOf }], t.ctx)).toMatchObject({
      status: 'accepted',
      externalRef: 'listings:4980000003=withdrawn',
    })
    expect(requests.at(-1)!.path).toBe('/v1/Selling/Withdraw.json')
    expect(JSON.parse(requests.at(-1)!.body)).toMatchObject({ ListingId: 4980000003, Type: 2 })
    // Withdrawn: stock coming back cannot revive it through the API; a person lists it again.
    const before = requests.length
    await expect(push([{ sku: 'SKU-C', available: 4, asOf }], t.ctx)).rejects.toMatchObject({
      failure: 'permanent',
    })
    expect(requests).toHaveLength(before)
  })
})
