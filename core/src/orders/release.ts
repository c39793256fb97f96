import type { LocationFacts } from '../catalog/facts'
import { readKitBoms } from '../catalog/kits/kit-boms'
import type { SqlRunner } from '../db/sql/sql-db'
import type { IntegrationDirectory, NewOutboxMessage } from '../outbox/topics'
import { allWithWarehouse, OPEN_FULFILMENT, planFulfilments } from './fulfilment-plan'
import { assignToFulfilment, findSnapshot, fulfilmentsIn, insertFulfilment, looseAllocations } from './store'

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
  const loose = await looseAllocations(tx, orderId)
  if (loose.length > 0) {
    const order = (await findSnapshot(tx, orderId, false))!
    const plan = planFulfilments({
      order,
      allocations: loose,
      lineName: (lineId) => loose.find((a) => a.lineId === lineId)?.name,
      kits: await readKitBoms(
        tx,
        loose.map((a) => a.sku),
      ),
      location: (id) => locations.find((l) => l.id === id),
      directory,
      now,
    })
    for (const f of plan.fulfilments) {
      await insertFulfilment(tx, orderId, f, now)
      for (const a of f.allocations)
        await assignToFulfilment(tx, a.id, f.id, f.status === 'requested' ? 'released' : 'allocated', now)
    }
    outbox.push(...plan.outbox)
  }
  const open = await fulfilmentsIn(tx, orderId, OPEN_FULFILMENT)
  return allWithWarehouse(open.map((f) => f.status))
}
