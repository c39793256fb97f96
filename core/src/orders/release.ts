import type { Address, FulfilmentRequest, ServiceLevel } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../catalog/facts'
import type { SqlRunner } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import { uuidv7 } from '../ids'
import type { IntegrationDirectory, NewOutboxMessage } from '../outbox/topics'

/**
 * Groups an order's allocations that are in no fulfilment yet into one fulfilment per location and
 * queues each request to the location's WMS. Returns true when every open fulfilment of the order
 * is with a warehouse (the order is then `released`).
 */
export async function releaseLooseAllocations(
  tx: SqlRunner,
  orderId: string,
  locations: readonly LocationFacts[],
  directory: IntegrationDirectory,
  now: number,
  outbox: NewOutboxMessage[],
): Promise<boolean> {
  const loose = await tx.all<{
    id: string
    line_id: string
    sku: string
    location_id: string
    quantity: number
    name: string | null
  }>(
    `select a.id, a.line_id, a.sku, a.location_id, a.quantity, l.name from allocation a join order_line l on l.id = a.line_id
      where a.order_id = ? and a.status = 'allocated' and a.fulfilment_id is null order by a.id`,
    [orderId],
  )
  if (loose.length > 0) {
    const order = (await tx.one<{
      channel_instance_id: string
      external_order_id: string
      order_number: string | null
      ship_to: unknown
      service_level: ServiceLevel
    }>(
      'select channel_instance_id, external_order_id, order_number, ship_to, service_level from orders where id = ?',
      [orderId],
    ))!
    const byLocation = new Map<string, typeof loose>()
    for (const a of loose) byLocation.set(a.location_id, [...(byLocation.get(a.location_id) ?? []), a])
    for (const [locationId, allocs] of [...byLocation.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const location = locations.find((l) => l.id === locationId)
      const wms = location?.wmsInstanceId ?? null
      const usable = wms !== null && directory.accepts(wms, 'fulfilment.request')
      const id = uuidv7(now)
      await tx.run(
        'insert into fulfilment (id, order_id, location_id, wms_instance_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
        [id, orderId, locationId, usable ? wms : null, usable ? 'requested' : 'pending', now, now],
      )
      for (const a of allocs) {
        await tx.run('update allocation set fulfilment_id = ?, status = ?, updated_at = ? where id = ?', [
          id,
          usable ? 'released' : 'allocated',
          now,
          a.id,
        ])
      }
      if (!usable) continue
      const request: FulfilmentRequest = {
        fulfilmentId: id,
        orderId,
        externalOrderId: order.external_order_id,
        ...(order.order_number ? { orderNumber: order.order_number } : {}),
        channelInstanceId: order.channel_instance_id,
        location: { id: locationId, name: location?.name ?? locationId },
        shipTo: readJson<Address>(order.ship_to),
        serviceLevel: order.service_level,
        lines: allocs.map((a) => ({
          lineId: a.line_id,
          sku: a.sku,
          quantity: a.quantity,
          ...(a.name ? { name: a.name } : {}),
        })),
        requestedAt: new Date(now).toISOString(),
      }
      outbox.push({
        id: uuidv7(now),
        topic: 'fulfilment.request',
        instanceId: wms!,
        orderId,
        idempotencyKey: `fulfilment.request:${id}`,
        payload: request,
        createdAt: now,
      })
    }
  }
  const open = await tx.all<{ status: string }>(
    `select status from fulfilment where order_id = ? and status in ('pending', 'requested', 'accepted', 'cancelling')`,
    [orderId],
  )
  return open.length > 0 && open.every((f) => f.status !== 'pending')
}
