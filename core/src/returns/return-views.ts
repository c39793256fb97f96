import type { SqlRunner } from '../db/sql/sql-db'
import type { RefundService, RefundView } from './refund-service'
import type { ReturnStatus } from './return.entity'

/** A return (RMA) as the API shows it. */
export interface ReturnView {
  id: string
  orderId: string
  /** The channel instance of the order the return belongs to. */
  channel: string
  rmaNumber: string
  status: ReturnStatus
  reason: string | null
  location: { id: string; name: string }
  exchangeOrderId: string | null
  lines: {
    id: string
    orderLineId: string
    sku: string
    quantity: number
    receivedResellable: number
    receivedDamaged: number
  }[]
  refunds: RefundView[]
  createdAt: string
  /** The last change: authorised, received, cancelled, an exchange placed, a refund settled. */
  updatedAt: string
}

interface ReturnRow {
  id: string
  order_id: string
  channel: string
  rma_number: string
  status: ReturnStatus
  reason: string | null
  location_id: string
  location_name: string
  exchange_order_id: string | null
  created_at: number
  updated_at: number
}

interface LineRow {
  id: string
  return_id: string
  order_line_id: string
  sku: string
  quantity: number
  received_resellable: number
  received_damaged: number
}

const iso = (ms: number) => new Date(Number(ms)).toISOString()
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',')

/**
 * The returns with these ids, in the order given (an id that names none is left out). A page of
 * returns costs three queries (returns, lines, refunds), not three per return. At most 500 ids.
 */
export async function returnViews(
  db: SqlRunner,
  refunds: RefundService,
  ids: readonly string[],
): Promise<ReturnView[]> {
  if (ids.length === 0) return []
  const [rows, lines, refundsOf] = await Promise.all([
    db.all<ReturnRow>(
      `select r.id, r.order_id, o.channel_instance_id as channel, r.rma_number, r.status, r.reason,
              r.location_id, l.name as location_name, r.exchange_order_id, r.created_at, r.updated_at
         from return_request r join location l on l.id = r.location_id join orders o on o.id = r.order_id
        where r.id in (${marks(ids.length)})`,
      ids,
    ),
    db.all<LineRow>(
      `select id, return_id, order_line_id, sku, quantity, received_resellable, received_damaged
         from return_line where return_id in (${marks(ids.length)}) order by id`,
      ids,
    ),
    refunds.forReturns(ids),
  ])
  const linesOf = new Map<string, ReturnView['lines']>()
  for (const l of lines) {
    const list = linesOf.get(l.return_id) ?? []
    list.push({
      id: l.id,
      orderLineId: l.order_line_id,
      sku: l.sku,
      quantity: Number(l.quantity),
      receivedResellable: Number(l.received_resellable),
      receivedDamaged: Number(l.received_damaged),
    })
    linesOf.set(l.return_id, list)
  }
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [
      {
        id: r.id,
        orderId: r.order_id,
        channel: r.channel,
        rmaNumber: r.rma_number,
        status: r.status,
        reason: r.reason,
        location: { id: r.location_id, name: r.location_name },
        exchangeOrderId: r.exchange_order_id,
        lines: linesOf.get(id) ?? [],
        refunds: refundsOf.get(id) ?? [],
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
    ]
  })
}
