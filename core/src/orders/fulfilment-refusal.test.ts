import { canonicalOrderSchema, type FulfilmentRequest } from '@switchyard/plugin-sdk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import type { ClaimedMessage } from '../outbox/outbox-store'
import { type EffectWrite, runEffects } from '../outbox/outcome-writes'
import { openOneWarehouseCore } from './one-warehouse-core'

/**
 * What the outbox makes of a warehouse's answer to a fulfilment request, by the fulfilment's state:
 * a refusal (PermanentError, or a `refused` answer) rejects it as the rejection webhook would; a
 * cancellation in progress completes; a fulfilment the warehouse already took is left alone; an
 * undeliverable request (attempts exhausted) waits, failed, for an operator.
 */
describe('a refused fulfilment request', () => {
  let core: Core
  let close: () => Promise<void>

  beforeEach(async () => {
    ;({ core, close } = await openOneWarehouseCore('refusal', { wmsInstanceId: 'dc' }))
  })

  afterEach(() => close())

  /** A released order of 2 × SKU-A at akl and the outbox message that requests its fulfilment. */
  const released = async () => {
    const r = await core.intake.submit(
      'web',
      canonicalOrderSchema.parse({
        externalId: 'W-1',
        currency: 'NZD',
        shipTo: { name: 'Kiri', line1: '1 Queen Street', city: 'Auckland', postcode: '1010', country: 'NZ' },
        serviceLevel: 'standard',
        lines: [{ externalLineId: 'L1', sku: 'SKU-A', quantity: 2, unitPrice: '10.00' }],
      }),
    )
    const m = (await core.db.one<{ id: string; payload: string }>(
      "select id, payload from outbox_message where order_id = ? and topic = 'fulfilment.request'",
      [r.orderId],
    ))!
    const payload = JSON.parse(m.payload) as FulfilmentRequest
    const message: ClaimedMessage = {
      id: m.id,
      topic: 'fulfilment.request',
      instanceId: 'dc',
      orderId: r.orderId,
      idempotencyKey: `fulfilment.request:${payload.fulfilmentId}`,
      payload,
      attempt: 1,
      maxAttempts: 8,
    }
    return { orderId: r.orderId, fulfilmentId: payload.fulfilmentId, message }
  }
  const run = (write: EffectWrite | undefined) => core.db.transaction((tx) => runEffects(tx, [write!]))
  const fulfilment = (id: string) =>
    core.db.one<{ status: string; reason: string | null }>(
      'select status, reason from fulfilment where id = ?',
      [id],
    )
  const orderStatus = async (id: string) =>
    (await core.db.one<{ status: string }>('select status from orders where id = ?', [id]))!.status
  const allocatedAtAkl = async () =>
    Number(
      (await core.db.one<{ allocated: number }>(
        "select allocated from inventory_level where sku = 'SKU-A' and location_id = 'akl'",
      ))!.allocated,
    )
  const historyTypes = async (id: string) =>
    (
      await core.db.all<{ type: string }>('select type from order_event where order_id = ? order by id', [id])
    ).map((e) => e.type)

  it('a PermanentError rejects the fulfilment, frees its stock and backorders what no other site has', async () => {
    const { orderId, fulfilmentId, message } = await released()
    expect(await allocatedAtAkl()).toBe(2)
    await run(
      await core.deliveryEffects.onDead!(message, {
        error: 'SWITCHYARD_PLUGIN_PERMANENT: HTTP 422 sku unknown to the warehouse',
        failure: 'permanent',
      }),
    )
    expect(await fulfilment(fulfilmentId)).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/422/),
    })
    expect(await allocatedAtAkl()).toBe(0)
    expect(await orderStatus(orderId)).toBe('backordered')
    expect(await historyTypes(orderId)).toEqual(
      expect.arrayContaining(['fulfilment.rejected', 'order.rerouted']),
    )
    const told = await core.db.all<{ payload: string }>(
      "select payload from outbox_message where order_id = ? and topic = 'order.status'",
      [orderId],
    )
    expect(told.map((t) => JSON.parse(t.payload).status)).toContain('backordered')
  })

  it('a `refused` answer is the same refusal', async () => {
    const { orderId, fulfilmentId, message } = await released()
    await run(
      await core.deliveryEffects.onDelivered!(message, { status: 'refused', reason: 'address not served' }),
    )
    expect((await fulfilment(fulfilmentId))!.status).toBe('rejected')
    expect(await orderStatus(orderId)).toBe('backordered')
  })

  it('completes a cancellation the hub asked for meanwhile, rather than routing the lines elsewhere', async () => {
    const { orderId, fulfilmentId, message } = await released()
    const cancel = await core.cancellations.cancel({ orderId, actor: 'test' })
    expect(cancel.awaitingWarehouse).toEqual([fulfilmentId])
    await run(await core.deliveryEffects.onDead!(message, { error: 'HTTP 422', failure: 'permanent' }))
    expect((await fulfilment(fulfilmentId))!.status).toBe('cancelled')
    expect(await orderStatus(orderId)).toBe('cancelled')
    expect(await allocatedAtAkl()).toBe(0)
  })

  it('leaves a fulfilment the warehouse already took alone, and keeps the late refusal in the history', async () => {
    const { orderId, fulfilmentId, message } = await released()
    await run(await core.deliveryEffects.onDelivered!(message, { status: 'accepted', externalRef: 'WMS-1' }))
    await run(
      await core.deliveryEffects.onDead!(message, { error: 'HTTP 409 duplicate', failure: 'permanent' }),
    )
    expect((await fulfilment(fulfilmentId))!.status).toBe('accepted')
    expect(await orderStatus(orderId)).toBe('released')
    expect(await historyTypes(orderId)).toContain('fulfilment.refusal_ignored')
  })

  it('marks a request whose attempts ran out failed, for an operator to retry (not a refusal)', async () => {
    const { orderId, fulfilmentId, message } = await released()
    await run(await core.deliveryEffects.onDead!(message, { error: 'HTTP 503', failure: 'transient' }))
    expect((await fulfilment(fulfilmentId))!.status).toBe('failed')
    expect(await orderStatus(orderId)).toBe('released')
    expect(await allocatedAtAkl()).toBe(2)
  })
})
