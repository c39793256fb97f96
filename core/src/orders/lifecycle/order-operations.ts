import type { OrderStatus } from '@switchyard/plugin-sdk'
import { SwitchyardError } from '../../errors'

export type OrderOperation = 'cancel' | 'modify' | 'return' | 'release-hold' | 'collect' | 'receive-at-store'

/**
 * What may be asked of an order in which state: the second table of the order state machine (the
 * first, in order-state-machine.ts, lists the status moves). Documented in ARCHITECTURE.md.
 *
 * - cancel: anything not yet shipped. Before release the stock is freed at once; after release the
 *   warehouse is asked, and the lines are cancelled only when it confirms.
 * - modify (address, service level, quantities, lines): only before release, and the order is
 *   re-routed; a held order stays held (a person releases it). Added lines without a price are
 *   priced as at intake. After release it is refused unless the warehouse's plugin accepts
 *   modifications.
 * - return: what has shipped.
 * - release-hold: a held order, routed again.
 * - collect: a click-and-collect order the store has at the counter (pickup/pickup-service.ts).
 * - receive-at-store: a click-and-collect order shipped to its store, whose transfer arrived
 *   (pickup/ship-to-store-service.ts); the store then gets its pick request.
 */
export const orderOperations: Readonly<Record<OrderOperation, readonly OrderStatus[]>> = {
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
}

export class OperationNotAllowedError extends SwitchyardError {
  readonly code = 'OPERATION_NOT_ALLOWED'
  readonly kind = 'conflict' as const
  constructor(
    readonly operation: OrderOperation,
    readonly status: OrderStatus,
    orderId: string,
    why?: string,
  ) {
    super(why ?? `an order in state '${status}' cannot be asked to ${operation}`, {
      operation,
      status,
      orderId,
    })
  }
}

export function assertOperation(operation: OrderOperation, status: OrderStatus, orderId: string): void {
  if (!orderOperations[operation].includes(status))
    throw new OperationNotAllowedError(operation, status, orderId)
}
