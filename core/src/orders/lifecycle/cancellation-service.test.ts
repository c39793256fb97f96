import { canonicalOrderSchema } from '@switchyard/plugin-sdk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../core'
import { openOneWarehouseCore } from '../one-warehouse-core'

/**
 * A held order was never routed: its lines are neither allocated nor backordered. Cancelling it
 * cancels that unrouted quantity, and cancelling all of it moves the order held → cancelled.
 */
describe('cancelling a held order', () => {
  let core: Core
  let close: () => Promise<void>

  beforeEach(async () => {
    ;({ core, close } = await openOneWarehouseCore('cancel-held'))
    await core.ruleSets.create({ id: 'sourcing', kind: 'sourcing', name: 'Sourcing' })
    const draft = await core.ruleSets.createVersion('sourcing', {
      rules: [
        {
          name: 'review',
          conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'review' }] },
          event: { type: 'hold', params: { reason: 'tagged for review' } },
        },
      ],
    })
    await core.ruleSets.publish('sourcing', draft.version.version)
  })

  afterEach(() => close())

  const held = async () => {
    const r = await core.intake.submit(
      'web',
      canonicalOrderSchema.parse({
        externalId: `W-${Math.random()}`,
        currency: 'NZD',
        tags: ['review'],
        shipTo: { name: 'Kiri', line1: '1 Queen Street', city: 'Auckland', postcode: '1010', country: 'NZ' },
        serviceLevel: 'standard',
        lines: [
          { externalLineId: 'L1', sku: 'SKU-A', quantity: 2, unitPrice: '10.00' },
          { externalLineId: 'L2', sku: 'SKU-A', quantity: 1, unitPrice: '10.00' },
        ],
      }),
    )
    expect(r.status).toBe('held')
    return r.orderId
  }
  const lines = (orderId: string) =>
    core.db.all<{ quantity: number; cancelled_qty: number; allocated_qty: number; backordered_qty: number }>(
      'select quantity, cancelled_qty, allocated_qty, backordered_qty from order_line where order_id = ? order by line_no',
      [orderId],
    )

  it('cancels the whole order: held → cancelled, every line cancelled', async () => {
    const orderId = await held()
    const out = await core.cancellations.cancel({ orderId, actor: 'test', reason: 'customer asked' })
    expect(out.status).toBe('cancelled')
    expect((await lines(orderId)).map((l) => l.cancelled_qty)).toEqual([2, 1])
    const moves = await core.db.all<{ from_status: string; to_status: string }>(
      "select from_status, to_status from order_event where order_id = ? and type = 'order.status' order by id",
      [orderId],
    )
    expect(moves.at(-1)).toEqual({ from_status: 'held', to_status: 'cancelled' })
  })

  it('cancels part of it and keeps the rest held, unrouted', async () => {
    const orderId = await held()
    const [first] = await core.db.all<{ id: string }>(
      'select id from order_line where order_id = ? order by line_no',
      [orderId],
    )
    const out = await core.cancellations.cancel({
      orderId,
      actor: 'test',
      lines: [{ lineId: first!.id, quantity: 1 }],
    })
    expect(out).toMatchObject({ status: 'held', cancelled: [{ lineId: first!.id, quantity: 1 }] })
    expect(await lines(orderId)).toEqual([
      { quantity: 2, cancelled_qty: 1, allocated_qty: 0, backordered_qty: 0 },
      { quantity: 1, cancelled_qty: 0, allocated_qty: 0, backordered_qty: 0 },
    ])
  })
})
