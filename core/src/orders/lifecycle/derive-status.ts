import type { OrderStatus } from '@switchyard/plugin-sdk'
import type { OrderSnapshot } from '../store'

const LIVE_FULFILMENT = new Set(['requested', 'accepted', 'cancelling'])

/**
 * The status an order's quantities call for. Held orders stay held (only releasing the hold moves
 * them) unless everything is cancelled. Used after cancellations and modifications, which can move
 * an order in any direction.
 */
export function deriveStatus(s: OrderSnapshot): OrderStatus {
  const quantity = s.lines.reduce((n, l) => n + l.quantity, 0)
  const cancelled = s.lines.reduce((n, l) => n + l.cancelledQty, 0)
  if (cancelled >= quantity) return 'cancelled'
  if (s.status === 'held') return 'held'
  const shipped = s.lines.reduce((n, l) => n + l.shippedQty, 0)
  const backordered = s.lines.reduce((n, l) => n + l.backorderedQty, 0)
  if (shipped + cancelled >= quantity) return 'shipped'
  if (shipped > 0) return 'partially_shipped'
  if (backordered > 0) return 'backordered'
  const open = s.allocations.filter((a) => a.status === 'allocated' || a.status === 'released')
  const released =
    open.length > 0 &&
    open.every((a) => {
      const f = s.fulfilments.find((x) => x.id === a.fulfilmentId)
      return f !== undefined && LIVE_FULFILMENT.has(f.status)
    })
  // A pickup order at the counter stays there while a cancellation waits for the store's answer.
  if (released && s.status === 'ready_for_pickup') return 'ready_for_pickup'
  return released ? 'released' : 'allocated'
}
