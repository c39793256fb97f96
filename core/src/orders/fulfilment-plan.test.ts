import { describe, expect, it } from 'vitest'
import { allWithWarehouse, planFulfilments } from './fulfilment-plan'

const order = {
  id: 'o1',
  externalOrderId: 'ext-1',
  orderNumber: null,
  channelInstanceId: 'web',
  shipTo: { name: 'A', line1: '1 St', city: 'Auckland', postalCode: '1010', country: 'NZ' },
  serviceLevel: 'standard' as const,
}
const locations = new Map([
  ['akl', { name: 'Auckland', wmsInstanceId: 'wms-a' }],
  ['chc', { name: 'Christchurch', wmsInstanceId: null }],
  ['wlg', { name: 'Wellington', wmsInstanceId: 'wms-closed' }],
])
const plan = (allocations: { lineId: string; sku: string; locationId: string; quantity: number }[]) =>
  planFulfilments({
    order,
    allocations,
    lineName: (id) => (id === 'l1' ? 'Widget' : null),
    location: (id) => locations.get(id),
    directory: { accepts: (instance, topic) => instance === 'wms-a' && topic === 'fulfilment.request' },
    now: Date.parse('2026-12-01T00:00:00Z'),
  })

describe('planFulfilments', () => {
  it('makes one fulfilment per location and requests it of a WMS that takes requests', () => {
    const { fulfilments, outbox } = plan([
      { lineId: 'l1', sku: 'A', locationId: 'akl', quantity: 2 },
      { lineId: 'l2', sku: 'B', locationId: 'chc', quantity: 1 },
      { lineId: 'l2', sku: 'B', locationId: 'akl', quantity: 1 },
      { lineId: 'l1', sku: 'A', locationId: 'wlg', quantity: 1 },
    ])
    expect(fulfilments.map((f) => [f.locationId, f.status, f.wmsInstanceId, f.allocations.length])).toEqual([
      ['akl', 'requested', 'wms-a', 2],
      ['chc', 'pending', null, 1],
      ['wlg', 'pending', null, 1],
    ])
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({
      topic: 'fulfilment.request',
      instanceId: 'wms-a',
      orderId: 'o1',
      idempotencyKey: `fulfilment.request:${fulfilments[0]!.id}`,
      payload: {
        fulfilmentId: fulfilments[0]!.id,
        location: { id: 'akl', name: 'Auckland' },
        requestedAt: '2026-12-01T00:00:00.000Z',
        lines: [
          { lineId: 'l1', sku: 'A', quantity: 2, name: 'Widget' },
          { lineId: 'l2', sku: 'B', quantity: 1 },
        ],
      },
    })
    expect(outbox[0]!.payload).not.toHaveProperty('orderNumber')
  })

  it("names a drop-ship supplier's part number on the lines it has one for", () => {
    const sup = {
      name: 'Supplier',
      wmsInstanceId: 'wms-a',
      supplierItems: new Map([['A', { unitCostMinor: 100, currency: 'NZD', partNumber: 'SUP-A' }]]),
    }
    const { outbox } = planFulfilments({
      order,
      allocations: [
        { lineId: 'l1', sku: 'A', locationId: 'sup', quantity: 1 },
        { lineId: 'l2', sku: 'B', locationId: 'sup', quantity: 1 },
      ],
      lineName: () => null,
      location: (id) => (id === 'sup' ? sup : undefined),
      directory: { accepts: () => true },
      now: Date.parse('2026-12-01T00:00:00Z'),
    })
    expect((outbox[0]!.payload as { lines: unknown[] }).lines).toEqual([
      { lineId: 'l1', sku: 'A', quantity: 1, supplierPartNumber: 'SUP-A' },
      { lineId: 'l2', sku: 'B', quantity: 1 },
    ])
  })

  it('plans nothing for no allocations', () => {
    expect(plan([])).toEqual({ fulfilments: [], outbox: [] })
  })
})

describe('allWithWarehouse', () => {
  it('is true only when every open fulfilment is with a warehouse', () => {
    expect(allWithWarehouse(['requested', 'accepted', 'shipped'])).toBe(true)
    expect(allWithWarehouse(['requested', 'pending'])).toBe(false)
    expect(allWithWarehouse(['shipped', 'cancelled', 'rejected'])).toBe(false)
    expect(allWithWarehouse([])).toBe(false)
  })

  it('counts a fulfilment being cancelled as still with its warehouse', () => {
    expect(allWithWarehouse(['cancelling'])).toBe(true)
    expect(allWithWarehouse(['cancelling', 'pending'])).toBe(false)
  })
})
