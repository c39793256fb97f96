import { describe, expect, it } from 'vitest'
import { orderOperations as core } from '../../../../core/src/orders/lifecycle/order-operations'
import { availableActions, mayDo, orderOperations } from './actions'

const perms = {
  admin: ['orders:read', 'orders:write', 'orders:release-hold', 'outbox:read', 'outbox:write'],
  analyst: ['orders:read', 'orders:release-hold'],
  integrator: ['orders:read', 'orders:write', 'outbox:read', 'outbox:write'],
  viewer: ['orders:read', 'outbox:read'],
}

describe('order actions', () => {
  it("follow core's table of what may be asked of an order in which state", () => {
    expect(orderOperations).toEqual(core)
  })

  it('offer the collection of a click-and-collect order at the counter to those who may confirm it', () => {
    const staff = { permissions: ['orders:read', 'orders:collect'] }
    expect([...availableActions(staff, { status: 'ready_for_pickup' })]).toEqual(['collect'])
    expect(availableActions(staff, { status: 'released' }).has('collect')).toBe(false)
    expect(availableActions({ permissions: perms.viewer }, { status: 'ready_for_pickup' }).size).toBe(0)
  })

  it('offer the arrival at the store only while something shipped to the pickup store is not received yet', () => {
    const staff = { permissions: ['orders:read', 'orders:collect'] }
    const transfer = { id: 'f-1', locationId: 'akl', status: 'shipped' }
    const order = {
      status: 'released' as const,
      pickup: { locationId: 'wlg', readyAt: null },
      fulfilments: [transfer],
      history: [],
    } as unknown as Parameters<typeof availableActions>[1]
    expect([...availableActions(staff, order)]).toEqual(['receive-at-store'])
    const received = {
      ...order,
      history: [{ type: 'order.transfer_received', data: { fulfilmentId: 'f-1' } }],
    } as unknown as Parameters<typeof availableActions>[1]
    expect(availableActions(staff, received).has('receive-at-store')).toBe(false)
    // Not yet shipped by the DC, or shipped from the store itself: nothing to receive.
    for (const f of [
      { ...transfer, status: 'requested' },
      { ...transfer, locationId: 'wlg' },
    ])
      expect(
        availableActions(staff, { ...order, fulfilments: [f] } as typeof order).has('receive-at-store'),
      ).toBe(false)
  })

  it('offer a viewer nothing', () => {
    for (const status of ['held', 'allocated', 'shipped'] as const)
      expect([...availableActions({ permissions: perms.viewer }, { status })]).toEqual([])
  })

  it('let an analyst release a hold and nothing else', () => {
    expect([...availableActions({ permissions: perms.analyst }, { status: 'held' })]).toEqual([
      'release-hold',
    ])
    expect(mayDo({ permissions: perms.analyst }, 'cancel')).toBe(false)
  })

  it("give integrators and admins the rest, as the order's state allows", () => {
    const held = availableActions({ permissions: perms.integrator }, { status: 'held' })
    expect(held.has('release-hold')).toBe(false)
    expect(held.has('cancel') && held.has('modify')).toBe(true)
    const shipped = availableActions({ permissions: perms.admin }, { status: 'shipped' })
    expect([...shipped].sort()).toEqual(['receive-return', 'retry-message', 'return'])
  })
})
