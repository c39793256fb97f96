import {
  ConflictError,
  type ExceptionReason,
  type ExceptionRecord,
  type IntakeResult,
  NotFoundError,
  OperationNotAllowedError,
  payloadBytes,
  type ReceivedInput,
  type Reparse,
  type ShipmentOutcome,
  ValidationError,
} from '@switchyard/core'
import {
  canonicalOrderSchema,
  type InboundEvent,
  inboundReceiptSchema,
  inboundSupplyNoticeSchema,
  PayloadError,
  type RawRequest,
  unacceptableText,
  zodIssues,
} from '@switchyard/plugin-sdk'
import type { HubContext } from '../hub-context'
import { invokePlugin } from './invoke'
import type { LoadedInstance } from './loader'

export type InboundOutcome =
  | { type: 'order'; orderId: string; externalOrderId: string; status: string; created: boolean }
  | {
      type: 'exception'
      exceptionId: string
      externalOrderId: string | null
      occurrences: number
      reasons: ExceptionReason[]
    }
  | { type: 'shipment'; orderId: string; fulfilmentId: string; status: string; duplicate: boolean }
  | { type: 'inventory'; applied: number; stale: number }
  /** Inbound supply expected or received (SDK 1.5): the supply as it now stands. */
  | { type: 'inbound'; supplyId: string; status: string; created: boolean }
  | { type: 'ignored'; reason: string }
  /** A channel's `order.updated` applied as a modification: what changed. */
  | { type: 'modified'; orderId: string; status: string; changed: string[] }
  | { type: 'refund'; refundId: string; duplicate: boolean }
  /** A warehouse's hold on a fulfilment, or its end; `changed` false for a repeat. */
  | { type: 'hold'; orderId: string; fulfilmentId: string; held: boolean; changed: boolean }
  | { type: 'return'; returnId: string; rmaNumber: string; status: string }
  | {
      type: 'arrived'
      orderId: string
      fulfilmentId: string
      status: string
      changed: boolean
      reason?: string
    }
  | {
      type: 'picked'
      orderId: string
      fulfilmentId: string
      status: string
      changed: boolean
      reason?: string
    }
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
 * events, `events[1].order…`). Not quietly cleaned. Orders that will be kept as intake exceptions
 * when they cannot be taken (`received` given) are checked one by one there instead, so the other
 * events of the delivery still go in.
 */
function assertAcceptableText(events: readonly InboundEvent[], exceptOrders: boolean): void {
  const issues = events.flatMap((event, i) => {
    if (exceptOrders && (event.type === 'order' || event.type === 'order.updated')) return []
    const { type: _type, ...body } = event as InboundEvent & Record<string, unknown>
    return unacceptableText(body, events.length > 1 ? ['events', i] : [])
  })
  if (issues.length > 0)
    throw new ValidationError('the event holds text the hub cannot accept', issues, 'INVALID_TEXT')
}

const notSentHere = (fulfilmentId: string): InboundOutcome => ({
  type: 'ignored',
  reason: `no fulfilment '${fulfilmentId.slice(0, 100)}' was sent to this warehouse`,
})

/** A channel's order: taken, or kept as an intake exception when the delivery is authentic. */
async function takeOrder(
  hub: HubContext,
  instance: LoadedInstance,
  order: unknown,
  received: ReceivedInput | undefined,
): Promise<InboundOutcome> {
  if (received) {
    const taken = await hub.core.intakeExceptions.take(instance.id, order, received)
    if (taken.type === 'order') return { type: 'order', ...taken.result }
    const { id, externalOrderId, occurrences, reasons } = taken.exception
    return { type: 'exception', exceptionId: id, externalOrderId, occurrences, reasons }
  }
  const parsed = canonicalOrderSchema.safeParse(order)
  if (!parsed.success) throw new PayloadError('the plugin produced an invalid order', zodIssues(parsed.error))
  const r: IntakeResult = await hub.core.intake.submit(instance.id, parsed.data)
  return { type: 'order', ...r }
}

/**
 * A channel's changed order: a modification before release, a new order when the hub has none
 * yet (updates may arrive before the order itself), not applied (and said so) after release.
 */
async function applyOrderUpdate(
  hub: HubContext,
  instance: LoadedInstance,
  order: unknown,
  received: ReceivedInput | undefined,
): Promise<InboundOutcome> {
  const parsed = canonicalOrderSchema.safeParse(order)
  // Not readable as an order: kept as an intake exception (authentic) or refused, as a new one is.
  if (!parsed.success) return takeOrder(hub, instance, order, received)
  if (unacceptableText(parsed.data).length > 0) return takeOrder(hub, instance, order, received)
  const r = await hub.core.modifications.fromChannel(instance.id, parsed.data)
  switch (r.outcome) {
    case 'not-found':
      return takeOrder(hub, instance, parsed.data, received)
    case 'modified':
      return { type: 'modified', orderId: r.orderId, status: r.status, changed: r.changed }
    case 'unchanged':
      return {
        type: 'order',
        orderId: r.orderId,
        externalOrderId: parsed.data.externalId,
        status: r.status,
        created: false,
      }
    case 'too-late':
      return {
        type: 'ignored',
        reason: `order ${parsed.data.externalId} is ${r.status}: the channel's change was not applied`,
      }
  }
}

/**
 * Applies what a plugin's webhook or poll reported. Plugin output is validated again here: the hub
 * never trusts a plugin to have produced a valid canonical order. With `received` (an authentic
 * webhook delivery, or a channel's poll), an order that cannot be taken for reasons of its own
 * (unknown sku, bad text, off the schema, refused by intake) is kept as an intake exception with
 * that input's payload and reported as `{ type: 'exception' }`; the other events still go in.
 * Without it (a WMS), such an order throws as before. Infrastructure errors always throw.
 */
export async function applyInbound(
  hub: HubContext,
  instance: LoadedInstance,
  events: readonly InboundEvent[],
  received?: ReceivedInput,
): Promise<InboundOutcome[]> {
  assertAcceptableText(events, received !== undefined)
  const outcomes: InboundOutcome[] = []
  for (const event of events) {
    switch (event.type) {
      case 'order': {
        requireKind(instance, 'channel', 'orders')
        outcomes.push(await takeOrder(hub, instance, event.order, received))
        break
      }
      case 'order.updated': {
        requireKind(instance, 'channel', 'order updates')
        outcomes.push(await applyOrderUpdate(hub, instance, event.order, received))
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
        // A drop-ship supplier may report by its own part numbers.
        const snapshots = await hub.core.supplierItems.inHubSkus(event.snapshots)
        const r = await hub.core.inventory.applySnapshots(snapshots)
        outcomes.push({ type: 'inventory', ...r })
        break
      }
      case 'inbound.expected':
      case 'inbound.received': {
        requireKind(instance, 'wms', 'inbound supply')
        outcomes.push(await applyInboundSupply(hub, instance, event))
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
      case 'fulfilment.cancel_refused': {
        requireKind(instance, 'wms', 'fulfilment cancellations')
        const refused = await hub.core.cancellations.warehouseRefused(
          instance.id,
          event.fulfilmentId,
          event.reason,
        )
        outcomes.push({
          type: 'ignored',
          reason: refused ? 'cancellation refused: the fulfilment goes on' : 'no cancellation was waiting',
        })
        break
      }
      case 'fulfilment.held': {
        requireKind(instance, 'wms', 'fulfilment holds')
        const r = await hub.core.warehouseHolds.hold(instance.id, event.fulfilmentId, event.reason)
        outcomes.push(r ? { type: 'hold', ...r } : notSentHere(event.fulfilmentId))
        break
      }
      case 'fulfilment.resumed': {
        requireKind(instance, 'wms', 'fulfilment holds')
        const r = await hub.core.warehouseHolds.resume(instance.id, event.fulfilmentId)
        outcomes.push(r ? { type: 'hold', ...r } : notSentHere(event.fulfilmentId))
        break
      }
      case 'fulfilment.picked': {
        requireKind(instance, 'wms', 'pick reports')
        const r = await hub.core.pickups.picked(instance.id, event.fulfilmentId)
        outcomes.push({ type: 'picked', ...r })
        break
      }
      case 'fulfilment.arrived': {
        requireKind(instance, 'wms', 'transfer arrivals')
        const r = await hub.core.shipToStore.arrived(instance.id, event.fulfilmentId)
        outcomes.push({ type: 'arrived', ...r })
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
      case 'return.cancelled': {
        requireKind(instance, 'channel', 'returns')
        const r = await hub.core.returns.cancelFromChannel(
          instance.id,
          event.externalReturnId,
          event.reason ?? 'withdrawn by the channel',
        )
        outcomes.push(
          r
            ? { type: 'return', returnId: r.id, rmaNumber: r.rmaNumber, status: r.status }
            : {
                type: 'ignored',
                reason: `no return ${event.externalReturnId} of order ${event.externalOrderId}`,
              },
        )
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

const REPARSE_DEADLINE_MS = 10_000

/**
 * A replay's first step: the instance's plugin reads the stored input again (a fixed plugin may now
 * read what it refused), so the replay is what the channel sent, mapped by today's plugin.
 * - A webhook's payload is parsed again by the webhook's parse, with the partner's routing headers
 *   kept with the exception (Shopify's and WooCommerce's topic). Not verified again: the signature
 *   was checked when it arrived.
 * - A poll's record goes to the poll's `mapRecord`: the record the plugin could not map (its stored
 *   payload), or the channel's own record (`raw`) of a polled order the hub refused. A record the
 *   plugin could not map, from a plugin without `mapRecord`, cannot be replayed: a
 *   `ConflictError` (`EXCEPTION_NOT_REPLAYABLE`, 409) says so. A polled order is then replayed from
 *   the canonical order the poll made.
 * Undefined, so the stored canonical order is used, when there is nothing to read again (no
 * payload, a truncated one, no order in what the parse returns). With several orders in one
 * delivery, the one with the exception's external id. A `PayloadError` is thrown when the plugin
 * refuses the input (the exception stays open with its issues).
 */
export function reparseStored(hub: HubContext): Reparse {
  return async (exception) => {
    const instance = hub.registry.get(exception.channelInstanceId)
    if (!instance) return undefined
    if (exception.source.startsWith('poll')) return remapPolled(hub, instance, exception)
    const webhook = instance.definition.capabilities.webhook
    if (!webhook || !exception.payload || exception.payload.truncated) return undefined
    const request: RawRequest = {
      method: 'POST',
      path: exception.source,
      headers: {
        ...exception.headers,
        ...(exception.contentType ? { 'content-type': exception.contentType } : {}),
      },
      query: {},
      rawBody: payloadBytes(exception.payload),
    }
    const ctx = hub.contexts(instance)
    const result = await invokePlugin(
      instance,
      'webhook parse',
      REPARSE_DEADLINE_MS,
      () => webhook.parse(request, ctx),
      ctx.signal,
      hub.observePluginCall,
    )
    const orders = result.events.flatMap((e) => (e.type === 'order' ? [e.order as unknown] : []))
    const mine = orders.find((o) => (o as { externalId?: unknown })?.externalId === exception.externalOrderId)
    return mine ?? (orders.length === 1 ? orders[0] : undefined)
  }
}

/** A polled exception's record mapped again by the poll's `mapRecord` (see `reparseStored`). */
async function remapPolled(
  hub: HubContext,
  instance: LoadedInstance,
  exception: ExceptionRecord,
): Promise<unknown> {
  const poll = instance.definition.capabilities.ordersPoll
  const record = storedRecord(exception)
  if (record === undefined) return undefined
  if (!poll?.mapRecord) {
    // A polled order the hub refused still has the canonical order the poll made: replay that.
    if (exception.parsed !== null && exception.parsed !== undefined) return undefined
    throw new ConflictError(
      `the record cannot be replayed: plugin '${instance.definition.id}' cannot map a stored record again (its poll has no mapRecord); discard the exception, or have the channel send the order again`,
      'EXCEPTION_NOT_REPLAYABLE',
    )
  }
  const mapRecord = poll.mapRecord.bind(poll)
  const ctx = hub.contexts(instance)
  const event = await invokePlugin(
    instance,
    'poll mapRecord',
    REPARSE_DEADLINE_MS,
    () => mapRecord(record, ctx),
    ctx.signal,
    hub.observePluginCall,
  )
  if (event?.type === 'order') return event.order
  throw new PayloadError('the record is no longer an order to take', [
    {
      field: '(record)',
      message: `the plugin maps it to ${event?.type === 'ignored' ? `nothing (${event.reason})` : `'${String(event?.type)}'`}`,
    },
  ])
}

/**
 * The channel's record a polled exception holds: its payload (a record the plugin could not map), or
 * the JSON of its canonical order's `raw` (the record a polled order was made from). Undefined when
 * there is none: a payload cut short, or one holding text no database stores.
 */
function storedRecord(exception: ExceptionRecord): string | undefined {
  // A polled order kept with no canonical order (text no database stores) has its JSON text as
  // payload: not a channel record. Records have their own source (or, kept before they had, a type).
  const isRecord = exception.source === 'poll:unmapped' || exception.contentType !== null
  if (exception.payload && isRecord) {
    if (exception.payload.truncated || exception.payload.encoding !== 'utf8') return undefined
    return exception.payload.text
  }
  if (exception.payload) return undefined
  const raw = (exception.parsed as { raw?: unknown } | null | undefined)?.raw
  if (raw === undefined || raw === null) return undefined
  return JSON.stringify(raw)
}

/**
 * A WMS's or ERP's inbound supply (SDK 1.5), checked against the SDK's schema: expected supply is
 * recorded (or updated: a new date is a delay) under the instance and the sender's reference; a
 * receipt names the supply by that reference.
 */
async function applyInboundSupply(
  hub: HubContext,
  instance: LoadedInstance,
  event: Extract<InboundEvent, { type: 'inbound.expected' | 'inbound.received' }>,
): Promise<InboundOutcome> {
  if (event.type === 'inbound.expected') {
    const parsed = inboundSupplyNoticeSchema.safeParse(event.supply)
    if (!parsed.success) throw new PayloadError('invalid inbound supply', zodIssues(parsed.error, ['supply']))
    const { reference, ...supply } = parsed.data
    const r = await hub.core.inboundSupply.expect({ ...supply, source: instance.id, externalRef: reference })
    return { type: 'inbound', supplyId: r.supply.id, status: r.supply.status, created: r.created }
  }
  const parsed = inboundReceiptSchema.safeParse(event.receipt)
  if (!parsed.success) throw new PayloadError('invalid inbound receipt', zodIssues(parsed.error, ['receipt']))
  const { reference, quantity, eventId } = parsed.data
  const supply = await hub.core.inboundSupply.byReference(instance.id, reference)
  if (!supply) return { type: 'ignored', reason: `no inbound supply ${reference} from ${instance.id}` }
  const r = await hub.core.inboundSupply.receive(supply.id, quantity, eventId)
  return { type: 'inbound', supplyId: r.id, status: r.status, created: false }
}
