import type { Address, ServiceLevel } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../catalog/facts'
import type { SqlRunner } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import type { IntegrationDirectory, NewOutboxMessage } from '../outbox/topics'
import { allWithWarehouse, OPEN_FULFILMENT, planFulfilments } from './fulfilment-plan'

/**
 * Groups an order's allocations that are in no fulfilment yet into one fulfilment per location and
 * queues each request to the location's WMS (`planFulfilments`). Returns true when every open
 * fulfilment of the order is with a warehouse (the order is then `released`).
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
    `select a.id, a.line_id, a.sku, a.location_id, a.quantity, l.name
       from allocation a join order_line l on l.id = a.line_id
      where a.order_id = ? and a.status = 'allocated' and a.fulfilment_id is null order by a.location_id, a.id`,
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
    const plan = planFulfilments({
      order: {
        id: orderId,
        externalOrderId: order.external_order_id,
        orderNumber: order.order_number,
        channelInstanceId: order.channel_instance_id,
        shipTo: readJson<Address>(order.ship_to),
        serviceLevel: order.service_level,
      },
      allocations: loose.map((a) => ({
        id: a.id,
        lineId: a.line_id,
        sku: a.sku,
        locationId: a.location_id,
        quantity: Number(a.quantity),
      })),
      lineName: (lineId) => loose.find((a) => a.line_id === lineId)?.name,
      location: (id) => locations.find((l) => l.id === id),
      directory,
      now,
    })
    for (const f of plan.fulfilments) {
      await tx.run(
        'insert into fulfilment (id, order_id, location_id, wms_instance_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
        [f.id, orderId, f.locationId, f.wmsInstanceId, f.status, now, now],
      )
      for (const a of f.allocations) {
        await tx.run('update allocation set fulfilment_id = ?, status = ?, updated_at = ? where id = ?', [
          f.id,
          f.status === 'requested' ? 'released' : 'allocated',
          now,
          a.id,
        ])
      }
    }
    outbox.push(...plan.outbox)
  }
  const open = await tx.all<{ status: string }>(
    `select status from fulfilment where order_id = ? and status in (${OPEN_FULFILMENT.map(() => '?').join(', ')})`,
    [orderId, ...OPEN_FULFILMENT],
  )
  return allWithWarehouse(open.map((f) => f.status))
}
