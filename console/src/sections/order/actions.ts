import type { Me, Order } from '../../api/client'

/**
 * Which actions the order page offers: the key's permissions (GET /me) and the order's state. The
 * state table is core's `orderOperations` (ARCHITECTURE.md, "What may be asked of an order in which
 * state"), repeated here because the browser bundle does not load core; actions.test.ts fails when
 * the two differ. The hub refuses anything else anyway: this only keeps buttons that cannot work
 * off the page.
 */
export const orderOperations = {
  cancel: [
    'received',
    'held',
    'backordered',
    'allocated',
    'released',
    'ready_for_pickup',
    'partially_shipped',
  ],
  modify: ['held', 'backordered', 'allocated'],
  return: ['partially_shipped', 'shipped'],
  'release-hold': ['held'],
  collect: ['ready_for_pickup'],
  'receive-at-store': ['released'],
} as const satisfies Record<string, readonly Order['status'][]>

export type OrderAction =
  | 'release-hold'
  | 'cancel'
  | 'modify'
  | 'return'
  | 'collect'
  | 'receive-at-store'
  | 'receive-return'
  | 'retry-message'

const permissionFor: Record<OrderAction, string> = {
  'release-hold': 'orders:release-hold',
  cancel: 'orders:write',
  modify: 'orders:write',
  return: 'orders:write',
  collect: 'orders:collect',
  'receive-at-store': 'orders:collect',
  'receive-return': 'orders:write',
  'retry-message': 'outbox:write',
}

/** May this key do this at all (a viewer may do nothing; an analyst may release holds)? */
export const mayDo = (me: Pick<Me, 'permissions'>, action: OrderAction): boolean =>
  me.permissions.includes(permissionFor[action])

/** The actions the order's state allows, of those the key may do. */
export function availableActions(
  me: Pick<Me, 'permissions'>,
  order: Pick<Order, 'status'> & Partial<Pick<Order, 'pickup' | 'fulfilments' | 'history'>>,
): Set<OrderAction> {
  const out = new Set<OrderAction>()
  const allows = (op: keyof typeof orderOperations) =>
    (orderOperations[op] as readonly string[]).includes(order.status)
  if (allows('release-hold')) out.add('release-hold')
  if (allows('cancel')) out.add('cancel')
  if (allows('modify')) out.add('modify')
  if (allows('return')) out.add('return')
  if (allows('collect')) out.add('collect')
  if (allows('receive-at-store') && inTransitToStore(order).length > 0) out.add('receive-at-store')
  // Receipts and retries belong to a return or a message, not the order's state.
  out.add('receive-return')
  out.add('retry-message')
  for (const a of out) if (!mayDo(me, a)) out.delete(a)
  return out
}

/** Lines that can still be cancelled: what is neither shipped nor cancelled yet. */
export const cancellable = (l: Order['lines'][number]) => l.quantity - l.shipped - l.cancelled

/** Lines that can be returned: what has shipped (the hub subtracts earlier returns itself). */
export const returnable = (l: Order['lines'][number]) => l.shipped

/**
 * Ship to store: the transfers (fulfilments) shipped to the order's pickup store and not yet
 * received there (the hub's `order.transfer_received` events name the ones it took in).
 */
export function inTransitToStore(
  order: Partial<Pick<Order, 'pickup' | 'fulfilments' | 'history'>>,
): Order['fulfilments'] {
  const store = order.pickup?.locationId
  if (!store) return []
  const received = new Set(
    (order.history ?? [])
      .filter((h) => h.type === 'order.transfer_received')
      .map((h) => (h.data as { fulfilmentId?: string } | null)?.fulfilmentId),
  )
  return (order.fulfilments ?? []).filter(
    (f) => f.locationId !== store && f.status === 'shipped' && !received.has(f.id),
  )
}
