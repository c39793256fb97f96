import type { OrderStatus } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../../catalog/catalog-cache'
import type { ProductFacts } from '../../catalog/facts'
import type { SqlRunner } from '../../db/sql/sql-db'
import type { RoutingLine, RoutingOrder } from '../../routing/router'
import { findSnapshot, type OrderSnapshot } from './snapshot'

export type RoutableLine = RoutingLine & {
  name: string | null
  allocatedQty: number
  backorderedQty: number
  shippedQty: number
  cancelledQty: number
}

/** An order's snapshot as the router takes it: the order's facts, and each line with its product. */
export interface RoutingView {
  snapshot: OrderSnapshot
  status: OrderStatus
  order: RoutingOrder
  lines: RoutableLine[]
}

/** The snapshot with its products; a sku no longer in the catalogue routes as a bare product. */
export async function loadRoutingView(
  tx: SqlRunner,
  catalog: CatalogCache,
  orderId: string,
  lock: boolean,
): Promise<RoutingView | undefined> {
  const snapshot = await findSnapshot(tx, orderId, lock)
  if (!snapshot) return undefined
  const { found } = await catalog.products(
    snapshot.lines.map((l) => l.sku),
    tx,
  )
  return routingView(snapshot, (sku) => found.get(sku))
}

export function routingView(
  s: OrderSnapshot,
  product: (sku: string) => ProductFacts | undefined,
): RoutingView {
  return {
    snapshot: s,
    status: s.status,
    order: {
      id: s.id,
      channelInstanceId: s.channelInstanceId,
      serviceLevel: s.serviceLevel,
      shipTo: s.shipTo,
      ...(s.pickupLocationId ? { pickupLocationId: s.pickupLocationId } : {}),
      placedAt: new Date(s.placedAt),
      totalMinor: s.totalMinor,
      currency: s.currency,
      tags: s.tags,
      customer: { tier: s.customer.tier, segment: s.customer.segment },
    },
    lines: s.lines.map((l) => ({
      lineId: l.id,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      product: product(l.sku) ?? bareProduct(l.sku),
      unitPriceMinor: l.unitPriceMinor,
      discountMinor: l.discountMinor,
      allocatedQty: l.allocatedQty,
      backorderedQty: l.backorderedQty,
      shippedQty: l.shippedQty,
      cancelledQty: l.cancelledQty,
    })),
  }
}

function bareProduct(sku: string): ProductFacts {
  return {
    sku,
    name: sku,
    category: null,
    hazmat: false,
    highValue: false,
    weightGrams: null,
    attributes: {},
    tags: [],
  }
}

/** The backtest's read of a stored order: the routing view and the units it holds. */
export async function storedOrderForRouting(tx: SqlRunner, catalog: CatalogCache, orderId: string) {
  const view = await loadRoutingView(tx, catalog, orderId, false)
  return (
    view && {
      order: view.order,
      lines: view.lines,
      externalOrderId: view.snapshot.externalOrderId,
      holding: view.snapshot.allocations.filter((a) => a.status === 'allocated' || a.status === 'released'),
    }
  )
}
