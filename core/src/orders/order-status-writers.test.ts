import { canonicalOrderSchema, type OrderStatus } from '@switchyard/plugin-sdk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { IllegalTransitionError } from '../errors'
import { changeStatus } from './lifecycle/status-change'
import { openOneWarehouseCore } from './one-warehouse-core'
import { moveOrderTo, setOrderStatus } from './store'

/**
 * Every writer of an order's status goes through the transition table: each one, given a move the
 * table refuses, raises IllegalTransitionError and writes nothing. (The source scan beside this
 * file proves there are no other writers.)
 */
describe('order status writers', () => {
  let core: Core
  let close: () => Promise<void>

  beforeEach(async () => {
    ;({ core, close } = await openOneWarehouseCore('status-writers', { wmsInstanceId: 'dc' }))
  })

  afterEach(() => close())

  let n = 0
  /** An order through intake: `released` when the stock is there, `backordered` when it is not. */
  const order = async (quantity = 1) => {
    const r = await core.intake.submit(
      'web',
      canonicalOrderSchema.parse({
        externalId: `W-${++n}`,
        currency: 'NZD',
        shipTo: {
          name: 'Kiri',
          line1: '12 Cuba Street',
          city: 'Wellington',
          postcode: '6011',
          country: 'NZ',
        },
        serviceLevel: 'standard',
        lines: [{ externalLineId: 'L1', sku: 'SKU-A', quantity, unitPrice: '10.00' }],
      }),
    )
    return r
  }
  const row = (id: string) =>
    core.db.one<{ status: OrderStatus; version: number }>('select status, version from orders where id = ?', [
      id,
    ])
  const events = async (id: string) =>
    Number(
      (await core.db.one<{ n: number }>(
        "select count(*) as n from order_event where order_id = ? and type = 'order.status'",
        [id],
      ))!.n,
    )
  /** Puts an order in a state as a test fixture (tests may write rows; the code may not). */
  const force = (id: string, status: OrderStatus) =>
    core.db.run('update orders set status = ? where id = ?', [status, id])

  const refused = async (write: () => Promise<unknown>, from: OrderStatus, to: OrderStatus) => {
    const error = await write().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(IllegalTransitionError)
    expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', from, to })
  }

  it('intake walks received → allocated → released through the table', async () => {
    const r = await order()
    expect(r.status).toBe('released')
    const path = await core.db.all<{ from_status: string; to_status: string }>(
      "select from_status, to_status from order_event where order_id = ? and type = 'order.status' order by id",
      [r.orderId],
    )
    expect(path.map((e) => `${e.from_status}→${e.to_status}`)).toEqual([
      'received→allocated',
      'allocated→released',
    ])
  })

  it('setOrderStatus refuses a move the table does not list, and writes nothing', async () => {
    const { orderId } = await order()
    await force(orderId, 'shipped')
    const before = await row(orderId)
    const eventsBefore = await events(orderId)
    await refused(
      () =>
        core.db.transaction((tx) =>
          setOrderStatus(tx, { id: orderId, status: 'shipped' }, 'released', 1, 'test'),
        ),
      'shipped',
      'released',
    )
    expect(await row(orderId)).toEqual(before)
    expect(await events(orderId)).toBe(eventsBefore)
  })

  it('setOrderStatus refuses to write over a status other than the one the caller read', async () => {
    const { orderId } = await order()
    // The caller believes it is allocated; it is released: allocated → cancelled is legal, but stale.
    const error = await core.db
      .transaction((tx) => setOrderStatus(tx, { id: orderId, status: 'allocated' }, 'cancelled', 1, 'test'))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'ORDER_STATUS_CHANGED',
      details: { expected: 'allocated', actual: 'released' },
    })
    expect((await row(orderId))!.status).toBe('released')
  })

  it('moveOrderTo reaches released from backordered through allocated, and refuses what has no path', async () => {
    const { orderId, status } = await order(50)
    expect(status).toBe('backordered')
    await core.db.transaction((tx) =>
      moveOrderTo(tx, { id: orderId, status: 'backordered' }, 'released', 2, 'test'),
    )
    expect((await row(orderId))!.status).toBe('released')
    await force(orderId, 'partially_shipped')
    await refused(
      () =>
        core.db.transaction((tx) =>
          moveOrderTo(tx, { id: orderId, status: 'partially_shipped' }, 'backordered', 3, 'test'),
        ),
      'partially_shipped',
      'backordered',
    )
    expect((await row(orderId))!.status).toBe('partially_shipped')
  })

  it('changeStatus (cancellation, modification) raises on an illegal move instead of skipping it', async () => {
    const { orderId } = await order()
    await force(orderId, 'cancelled')
    const eventsBefore = await events(orderId)
    await refused(
      () =>
        core.db.transaction((tx) =>
          changeStatus(
            tx,
            {
              id: orderId,
              channelInstanceId: 'web',
              externalOrderId: 'x',
              orderNumber: null,
              status: 'cancelled',
            },
            'allocated',
            { now: 5, actor: 'test', notify: true, directory: { accepts: () => true } },
          ),
        ),
      'cancelled',
      'allocated',
    )
    expect((await row(orderId))!.status).toBe('cancelled')
    expect(await events(orderId)).toBe(eventsBefore)
  })

  it('a re-route of an order that is no longer open raises, and allocates nothing', async () => {
    const { orderId } = await order(50)
    await force(orderId, 'cancelled')
    await core.inventory.upsert([{ sku: 'SKU-A', locationId: 'akl', onHand: 100 }])
    const allocations = () =>
      core.db.all('select id, status, quantity from allocation where order_id = ? order by id', [orderId])
    const before = await allocations()
    const locations = await core.reroute.prepareRouting()
    await refused(
      () =>
        core.db.transaction((tx) =>
          core.reroute.routeOpenInTx(tx, orderId, locations, 'test', 'stock-arrived'),
        ),
      'cancelled',
      'released',
    )
    expect(await allocations()).toEqual(before)
  })

  it('a shipment confirmation for an order that cannot ship raises, and ships nothing', async () => {
    const { orderId } = await order()
    const f = (await core.db.one<{ id: string }>('select id from fulfilment where order_id = ?', [orderId]))!
    await force(orderId, 'cancelled')
    await refused(
      () => core.shipments.confirm('dc', { fulfilmentId: f.id, carrier: 'nzpost', trackingNumber: 'T1' }),
      'cancelled',
      'shipped',
    )
    const left = await core.db.one<{ status: string }>('select status from fulfilment where id = ?', [f.id])
    expect(left!.status).toBe('requested')
  })
})
