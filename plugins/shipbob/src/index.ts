/**
 * @module @switchyard/shipbob
 * A ShipBob-style WMS. Fulfilment requests become ShipBob orders (`POST /order`, the hub's fulfilment
 * id as `reference_id`, so a retry is a refused duplicate, never a second shipment). ShipBob calls
 * back under `/webhooks/<instance>`, signed with Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), topic in `x-webhook-topic`:
 * - `order.shipped`: a shipment confirmation with tracking per shipment;
 * - `order.shipment.cancelled` / `order.cancelled`: the fulfilment was cancelled at the warehouse;
 * - `order.shipment.on_hold` (an invalid address, missing customs data, a merchant's hold): the
 *   fulfilment is shown as held at the warehouse with ShipBob's reason (SDK 1.4 `fulfilment.held`);
 * - `order.shipment.exception` (e.g. out of stock): held the same way, and the affected skus' levels
 *   are fetched again.
 * ShipBob sends nothing when a hold is lifted, so a poll reads the orders updated since the last one
 * (`GET /order?LastUpdateStartDate=…`) and reports each of the hub's orders as held or resumed.
 * Inventory levels per fulfillment centre are also pulled on a schedule.
 */
import {
  definePlugin,
  type InboundEvent,
  PayloadError,
  PermanentError,
  type PluginContext,
  parseJsonBody,
  verifyStandardWebhook,
} from '@switchyard/plugin-sdk'
import { type InventoryLevelItem, type ShipbobOrder, type ShipbobShipment, shipbobRequest } from './api'
import { type ShipbobConfig, shipbobConfig } from './config'
import { heldEvent, pollHolds } from './holds'
import { inventorySnapshots, shipmentEvents, toShipbobOrder } from './map'

async function findByReference(ctx: PluginContext<ShipbobConfig>, referenceId: string) {
  const res = await shipbobRequest(ctx, 'GET', `/order?ReferenceIds=${encodeURIComponent(referenceId)}`)
  const found = res.json<ShipbobOrder[]>()
  return Array.isArray(found) ? found.find((o) => o.reference_id === referenceId) : undefined
}

/** Every page of inventory levels by location (ShipBob pages with a `next` link). */
async function levels(ctx: PluginContext<ShipbobConfig>, search?: string): Promise<InventoryLevelItem[]> {
  const items: InventoryLevelItem[] = []
  let path: string | undefined =
    `/inventory-level/locations?PageSize=250${search ? `&SearchBy=${encodeURIComponent(search)}` : ''}`
  for (let page = 0; path && page < 200; page++) {
    const res = await shipbobRequest(ctx, 'GET', path)
    const body = res.json<{ items?: InventoryLevelItem[]; next?: string | null }>()
    items.push(...(body.items ?? []))
    // `next` is an absolute URL or a path; only its path and query are followed, on our own base URL.
    path = body.next ? nextPath(body.next, ctx.config.baseUrl) : undefined
  }
  return items
}

function nextPath(next: string, baseUrl: string): string {
  const base = new URL(baseUrl)
  const url = new URL(next, base)
  const prefix = base.pathname.replace(/\/$/, '')
  return `${url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname}${url.search}`
}

export default definePlugin({
  id: 'shipbob',
  kind: 'wms',
  version: '1.1.0',
  // 1.4: fulfilment.held and fulfilment.resumed.
  sdk: '^1.4.0',
  displayName: 'ShipBob',
  description: 'Fulfilment orders, shipments with tracking and inventory levels from a ShipBob-style 3PL.',
  config: shipbobConfig,
  capabilities: {
    webhook: {
      produces: ['shipment', 'fulfilment.cancelled', 'fulfilment.held', 'inventory'],
      verify(request, ctx) {
        return verifyStandardWebhook({
          secret: ctx.config.webhookSecret,
          headers: request.headers,
          rawBody: request.rawBody,
          nowSec: Math.floor(ctx.clock.now().getTime() / 1000),
          toleranceSec: ctx.config.signatureToleranceSec,
        })
      },
      async parse(request, ctx) {
        const dedupeKey = request.headers['webhook-id']
        const topic = request.headers['x-webhook-topic'] ?? request.headers['shipbob-topic'] ?? ''
        const body = parseJsonBody(request) as ShipbobOrder & { order_reference_id?: string }
        const events: InboundEvent[] = []
        // One ShipBob account usually serves other sales channels too; their orders are not the hub's.
        const channel = body.channel?.id
        if (channel !== undefined && String(channel) !== ctx.config.channelId)
          return {
            ...(dedupeKey ? { dedupeKey } : {}),
            events: [
              { type: 'ignored', reason: `order of ShipBob channel ${channel}, not ${ctx.config.channelId}` },
            ],
          }
        switch (topic) {
          case 'order.shipped':
          case 'order_shipped': {
            if (!body.reference_id)
              throw new PayloadError('order without reference_id', [
                { field: 'reference_id', message: 'is required' },
              ])
            events.push(...shipmentEvents(body))
            if (events.length === 0) events.push({ type: 'ignored', reason: 'no shipment with tracking yet' })
            break
          }
          case 'order.cancelled':
          case 'order.shipment.cancelled': {
            const fulfilmentId = body.order_reference_id ?? body.reference_id
            if (!fulfilmentId)
              throw new PayloadError('cancellation without reference_id', [
                { field: 'reference_id', message: 'is required' },
              ])
            events.push({ type: 'fulfilment.cancelled', fulfilmentId, reason: `ShipBob ${topic}` })
            break
          }
          case 'order.shipment.on_hold':
          case 'shipment_onhold': {
            const held = heldEvent(body as unknown as ShipbobShipment & { order_reference_id?: string })
            if (!held)
              throw new PayloadError('shipment without reference_id', [
                { field: 'reference_id', message: 'is required' },
              ])
            events.push(held)
            break
          }
          case 'order.shipment.exception':
          case 'shipment_exception': {
            const held = heldEvent(body as unknown as ShipbobShipment & { order_reference_id?: string })
            // Usually stock that is not there: read the affected skus' levels again, now.
            const skus = [
              ...new Set(
                (body.products ?? body.shipments?.flatMap((s) => s.products ?? []) ?? [])
                  .map((p) => p.reference_id ?? p.sku)
                  .filter((s): s is string => !!s),
              ),
            ]
            const items = (await Promise.all(skus.map((sku) => levels(ctx, sku)))).flat()
            const snapshots = inventorySnapshots(
              items.filter((i) => i.sku && skus.includes(i.sku)),
              ctx.config,
              ctx.clock.now().toISOString(),
            )
            if (snapshots.length > 0) events.push({ type: 'inventory', snapshots })
            // The shipment waits (a person must act, or stock arrive): shown on its fulfilment.
            if (held) events.push(held)
            if (events.length === 0)
              events.push({ type: 'ignored', reason: 'exception without mapped inventory' })
            break
          }
          default:
            events.push({ type: 'ignored', reason: `topic '${topic || '(none)'}' is not used` })
        }
        return { ...(dedupeKey ? { dedupeKey } : {}), events }
      },
    },
    ordersPoll: {
      // Holds lifted at ShipBob (no webhook says so), and holds whose webhook was lost.
      intervalMs: 5 * 60_000,
      poll: pollHolds,
    },
    fulfilment: {
      async requestFulfilment(request, ctx) {
        const res = await shipbobRequest(
          ctx,
          'POST',
          '/order',
          toShipbobOrder(request, ctx.config),
          (s) => s === 422,
        )
        if (res.status === 422) {
          // ShipBob refuses a reference_id it already has: the earlier attempt went through.
          const existing = await findByReference(ctx, request.fulfilmentId)
          if (!existing) throw new PermanentError(`ShipBob refused the order: ${res.text.slice(0, 300)}`)
          return { status: 'accepted', externalRef: String(existing.id) }
        }
        return { status: 'accepted', externalRef: String(res.json<ShipbobOrder>().id) }
      },
      async cancelFulfilment(request, ctx) {
        const id = request.externalRef ?? (await findByReference(ctx, request.fulfilmentId))?.id
        if (id === undefined) return { status: 'skipped', reason: 'ShipBob has no order for this fulfilment' }
        await shipbobRequest(ctx, 'POST', `/order/${encodeURIComponent(String(id))}:cancel`)
        return { status: 'accepted', externalRef: String(id) }
      },
    },
    inventoryPull: {
      intervalMs: 15 * 60_000,
      async pullInventory(_cursor, ctx) {
        const asOf = ctx.clock.now().toISOString()
        return { snapshots: inventorySnapshots(await levels(ctx), ctx.config, asOf), cursor: asOf }
      },
    },
  },
})

export { type ShipbobConfig, shipbobConfig } from './config'
