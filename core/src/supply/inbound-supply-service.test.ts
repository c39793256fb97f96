import { canonicalOrderSchema, type OrderStatusUpdate } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { readJson } from '../db/sql/sql-db'
import { openTestCore, refusal } from '../testing/test-core'

/**
 * Inbound supply and the promises it makes, on both databases: an order waiting for two skus is
 * promised the later of their supplies and none while one is not covered; a receipt is applied
 * once per event id; the channel hears a promise that moves, and one that no supply covers any
 * more.
 */
describe.each(['sqlite', 'postgresql'] as const)('inbound supply on %s', (dialect) => {
  let core: Core
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ core, close } = await openTestCore(dialect, 'inbound-supply', {
      products: [
        { sku: 'X', name: 'X' },
        { sku: 'Y', name: 'Y' },
      ],
      warehouses: [{ id: 'akl' }],
    }))
  }, 60_000)
  afterAll(() => close())

  const place = async (lines: { sku: string; quantity: number }[]) => {
    const r = await core.intake.submit(
      'web',
      canonicalOrderSchema.parse({
        externalId: `S-${Math.random()}`,
        currency: 'NZD',
        shipTo: { name: 'Kiri', line1: '1 Queen Street', city: 'Auckland', postcode: '1010', country: 'NZ' },
        serviceLevel: 'standard',
        lines: lines.map((l, i) => ({ externalLineId: `L${i}`, unitPrice: '10.00', ...l })),
      }),
    )
    expect(r.status).toBe('backordered')
    return r.orderId
  }
  const promise = async (orderId: string) =>
    (await core.db.one<{ promise_date: string | null }>('select promise_date from orders where id = ?', [
      orderId,
    ]))!.promise_date
  const told = async (orderId: string) =>
    (
      await core.db.all<{ payload: unknown }>(
        `select payload from outbox_message where order_id = ? and topic = 'order.status' order by id`,
        [orderId],
      )
    )
      .map((r) => readJson<OrderStatusUpdate>(r.payload))
      .filter((u) => u.reason?.startsWith('Backordered'))
      .map((u) => u.promiseDate ?? null)

  it('promises an order waiting for two skus the later supply, and none while one is not covered', async () => {
    const orderId = await place([
      { sku: 'X', quantity: 1 },
      { sku: 'Y', quantity: 1 },
    ])
    const x = await core.inboundSupply.expect({
      sku: 'X',
      locationId: 'akl',
      quantity: 5,
      expectedDate: '2027-02-01',
      source: 'api',
      externalRef: 'PO-X',
    })
    expect(x.created).toBe(true)
    expect(await promise(orderId)).toBeNull()
    await core.inboundSupply.expect({
      sku: 'Y',
      locationId: 'akl',
      quantity: 5,
      expectedDate: '2027-03-01',
      source: 'api',
    })
    expect(await promise(orderId)).toBe('2027-03-01')
    // PO-X again under its reference: a new date, the same supply.
    const again = await core.inboundSupply.expect({
      sku: 'X',
      locationId: 'akl',
      quantity: 5,
      expectedDate: '2027-04-01',
      source: 'api',
      externalRef: 'PO-X',
    })
    expect(again).toMatchObject({ created: false, supply: { id: x.supply.id, expectedDate: '2027-04-01' } })
    expect(await promise(orderId)).toBe('2027-04-01')
    expect(await told(orderId)).toEqual(['2027-03-01', '2027-04-01'])
    const history = await core.db.all<{ data: unknown }>(
      `select data from order_event where order_id = ? and type = 'order.promise_moved' order by id`,
      [orderId],
    )
    expect(history.map((h) => readJson<{ from: string | null; to: string }>(h.data))).toMatchObject([
      { from: null, to: '2027-03-01' },
      { from: '2027-03-01', to: '2027-04-01' },
    ])
  })

  it('refuses a reference reused for another sku, and receipts beyond what is expected', async () => {
    expect(
      await refusal(
        core.inboundSupply.expect({
          sku: 'Y',
          locationId: 'akl',
          quantity: 1,
          expectedDate: '2027-01-01',
          source: 'api',
          externalRef: 'PO-X',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' })
    const { supply } = await core.inboundSupply.expect({
      sku: 'Y',
      locationId: 'akl',
      quantity: 2,
      expectedDate: '2027-05-01',
      source: 'erp',
      externalRef: 'PO-Y2',
    })
    expect(await refusal(core.inboundSupply.receive(supply.id, 3))).toEqual({
      code: 'RECEIVE_TOO_MUCH',
      fields: ['quantity'],
    })
    expect(await refusal(core.inboundSupply.reschedule('not-an-id', '2027-01-01'))).toMatchObject({
      code: 'INBOUND_SUPPLY_NOT_FOUND',
    })
    expect(
      await refusal(
        core.inboundSupply.expect({
          sku: 'Z',
          locationId: 'nowhere',
          quantity: 1,
          expectedDate: '2027-01-01',
          source: 'api',
        }),
      ),
    ).toEqual({
      code: 'UNKNOWN_REFERENCE',
      fields: ['sku', 'locationId'],
    })
  })

  it('applies a receipt once per event id, and tells the channel when no supply covers an order any more', async () => {
    const orderId = await place([{ sku: 'X', quantity: 9 }])
    // X: PO-X brings 5 on 1 April; the first order takes 1, so 4 are left for 9 units: no promise.
    expect(await promise(orderId)).toBeNull()
    const late = await core.inboundSupply.expect({
      sku: 'X',
      locationId: 'akl',
      quantity: 5,
      expectedDate: '2027-06-01',
      source: 'api',
    })
    expect(await promise(orderId)).toBe('2027-06-01')
    const first = await core.inboundSupply.receive(late.supply.id, 2, 'grn-1')
    expect(first).toMatchObject({ quantityReceived: 2, status: 'open' })
    expect(await core.inboundSupply.receive(late.supply.id, 2, 'grn-1')).toMatchObject({
      quantityReceived: 2,
    })
    const level = await core.db.one<{ on_hand: number }>(
      `select on_hand from inventory_level where sku = 'X' and location_id = 'akl'`,
    )
    expect(Number(level!.on_hand)).toBe(2)
    // PO-X is cut to 1 unit: what is still waiting is no longer covered.
    await core.inboundSupply.expect({
      sku: 'X',
      locationId: 'akl',
      quantity: 1,
      expectedDate: '2027-04-01',
      source: 'api',
      externalRef: 'PO-X',
    })
    expect(await promise(orderId)).toBeNull()
    expect((await told(orderId)).at(-1)).toBeNull()
  })
})
