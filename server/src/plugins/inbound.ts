import {
  type IntakeResult,
  NotFoundError,
  OperationNotAllowedError,
  type ShipmentOutcome,
  ValidationError,
} from '@switchyard/core'
import {
  canonicalOrderSchema,
  type InboundEvent,
  PayloadError,
  unacceptableText,
  zodIssues,
} from '@switchyard/plugin-sdk'
import type { HubContext } from '../hub-context'
import type { LoadedInstance } from './loader'

export type InboundOutcome =
  | { type: 'order'; orderId: string; externalOrderId: string; status: string; created: boolean }
  | { type: 'shipment'; orderId: string; fulfilmentId: string; status: string; duplicate: boolean }
  | { type: 'inventory'; applied: number; stale: number }
  | { type: 'ignored'; reason: string }
  | { type: 'refund'; refundId: string; duplicate: boolean }
  | { type: 'return'; returnId: string; rmaNumber: string; status: string }
  | {
      type: 'cancelled'
      orderId: string
      status: string
      cancelled: { lineId: string; quantity: number }[]
      awaitingWarehouse: string[]
    }
  | {
      type: 'rerouted'
      orderId: string
      status: string
      duplicate: boolean
      allocated: number
      backordered: number
    }

function requireKind(instance: LoadedInstance, kind: 'channel' | 'wms', what: string): void {
  if (instance.definition.kind !== kind) {
    throw new PayloadError(`${what} from a ${instance.definition.kind} plugin`, [
      { field: '(event)', message: `only ${kind} plugins may send ${what}` },
    ])
  }
}

/**
 * Text no database can store (NUL, other control characters, unpaired surrogates) is refused before
 * any event is applied, naming the field of the canonical event (`order.lines[0].sku`; with several
 * events, `events[1].order…`). Not quietly cleaned: the channel hears 422 and the order is not lost
 * silently (an exception inbox for such orders is a known gap).
 */
function assertAcceptableText(events: readonly InboundEvent[]): void {
  const issues = events.flatMap((event, i) => {
    const { type: _type, ...body } = event as InboundEvent & Record<string, unknown>
    return unacceptableText(body, events.length > 1 ? ['events', i] : [])
  })
  if (issues.length > 0)
    throw new ValidationError('the event holds text the hub cannot accept', issues, 'INVALID_TEXT')
}

/**
 * Applies what a plugin's webhook or poll reported. Plugin output is validated again here: the hub
 * never trusts a plugin to have produced a valid canonical order.
 */
export async function applyInbound(
  hub: HubContext,
  instance: LoadedInstance,
  events: readonly InboundEvent[],
): Promise<InboundOutcome[]> {
  assertAcceptableText(events)
  const outcomes: InboundOutcome[] = []
  for (const event of events) {
    switch (event.type) {
      case 'order': {
        requireKind(instance, 'channel', 'orders')
        const parsed = canonicalOrderSchema.safeParse(event.order)
        if (!parsed.success)
          throw new PayloadError('the plugin produced an invalid order', zodIssues(parsed.error))
        const r: IntakeResult = await hub.core.intake.submit(instance.id, parsed.data)
        outcomes.push({ type: 'order', ...r })
        break
      }
      case 'shipment': {
        requireKind(instance, 'wms', 'shipments')
        const r: ShipmentOutcome = await hub.core.shipments.confirm(instance.id, event.shipment)
        outcomes.push({ type: 'shipment', ...r })
        break
      }
      case 'inventory': {
        requireKind(instance, 'wms', 'inventory')
        const r = await hub.core.inventory.applySnapshots(event.snapshots)
        outcomes.push({ type: 'inventory', ...r })
        break
      }
      case 'ignored':
        outcomes.push({ type: 'ignored', reason: event.reason })
        break
      case 'fulfilment.rejected': {
        requireKind(instance, 'wms', 'fulfilment rejections')
        const r = await hub.core.reroute.rejectFulfilment(instance.id, event.fulfilmentId, event.reason)
        outcomes.push({ type: 'rerouted', ...r })
        break
      }
      case 'order.cancelled': {
        requireKind(instance, 'channel', 'cancellations')
        const r = await hub.core.cancellations
          .cancelByChannel(instance.id, event.externalOrderId, event.reason)
          .catch((error: unknown) => {
            // Cancelling what is unknown here, or already cancelled, changes nothing: say so, do not fail the delivery.
            if (error instanceof NotFoundError) return `no order '${event.externalOrderId}' from this channel`
            if (error instanceof OperationNotAllowedError && error.status === 'cancelled')
              return 'already cancelled'
            throw error
          })
        outcomes.push(typeof r === 'string' ? { type: 'ignored', reason: r } : { type: 'cancelled', ...r })
        break
      }
      case 'fulfilment.cancelled': {
        requireKind(instance, 'wms', 'fulfilment cancellations')
        const how = await hub.core.cancellations.warehouseCancelled(instance.id, event.fulfilmentId)
        if (how === 'unrequested') {
          // The warehouse gave the fulfilment up on its own: route what it held elsewhere.
          const r = await hub.core.reroute.rejectFulfilment(
            instance.id,
            event.fulfilmentId,
            event.reason ?? 'cancelled by the warehouse',
          )
          outcomes.push({ type: 'rerouted', ...r })
        } else outcomes.push({ type: 'ignored', reason: 'cancellation confirmed' })
        break
      }
      case 'order.refunded': {
        requireKind(instance, 'channel', 'refunds')
        const r = await hub.core.refunds.recordChannelRefund(instance.id, event.refund)
        outcomes.push({ type: 'refund', ...r })
        break
      }
      case 'return.requested': {
        requireKind(instance, 'channel', 'returns')
        const r = await hub.core.returns.createFromChannel(instance.id, event.return)
        outcomes.push({ type: 'return', returnId: r.id, rmaNumber: r.rmaNumber, status: r.status })
        break
      }
      case 'return.received': {
        requireKind(instance, 'wms', 'return receipts')
        const r = await hub.core.returns.receive(event.receipt, `wms:${instance.id}`)
        outcomes.push({ type: 'return', returnId: r.id, rmaNumber: r.rmaNumber, status: r.status })
        break
      }
      default:
        throw new ValidationError('unknown event', [{ field: '(event)', message: `unknown event type` }])
    }
  }
  return outcomes
}
