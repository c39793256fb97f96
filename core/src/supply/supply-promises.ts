import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { buildStatusUpdate } from '../orders/status-update'
import {
  addEvent,
  lastToldPromises,
  loadLines,
  loadOrderHead,
  setBackorderPromise,
  type WaitingLine,
  waitingLines,
} from '../orders/store'
import { writeOutbox } from '../outbox/outbox-writer'
import { statusMessages, wantsStatus } from '../outbox/status-messages'
import type { IntegrationDirectory, NewOutboxMessage } from '../outbox/topics'
import { hasOpenSupply, openLots } from './inbound-supply-store'
import { promiseWalk } from './promise-walk'

/** How many times the refresh follows orders into the other skus they wait for. */
const MAX_WIDENING = 4

/**
 * Backordered orders' promise dates from inbound supply: every backordered line of the skus
 * given (and of the other skus their orders wait for) is served first come, first served from the
 * open supply (`promiseWalk`), and each order is promised the latest date its lines need (none
 * while a line is not covered). An order whose date changed is written, with a history event and,
 * when its channel was told another date, a status update carrying the new one. Returns the
 * orders whose promise changed.
 *
 * `onlyWithSupply`: for callers that did not change any supply (intake, a backorder run): with no
 * open supply of these skus no promise can be set, so one indexed read answers and the waiting
 * lines (possibly thousands while stock is short) are not read.
 */
export async function refreshPromises(
  db: SqlDb,
  directory: IntegrationDirectory,
  skus: readonly string[],
  now: number,
  reason: string,
  options: { onlyWithSupply?: boolean } = {},
): Promise<string[]> {
  if (skus.length === 0) return []
  if (options.onlyWithSupply && !(await hasOpenSupply(db, skus))) return []
  const { lines, lots } = await readWaiting(db, skus)
  const byOrder = new Map<string, WaitingLine[]>()
  for (const l of lines) {
    const own = byOrder.get(l.orderId)
    if (own) own.push(l)
    else byOrder.set(l.orderId, [l])
  }
  const dates = new Map<string, { date: string; lotId: string } | null>()
  for (const [sku, skuLots] of lots) {
    const served = promiseWalk(
      skuLots,
      lines.filter((l) => l.sku === sku).map((l) => ({ key: l.lineId, quantity: l.quantity })),
    )
    for (const [k, v] of served) dates.set(k, v)
  }
  const changed: { orderId: string; from: string | null; to: string | null }[] = []
  for (const [orderId, own] of byOrder) {
    const to = orderPromise(own.map((l) => dates.get(l.lineId) ?? null))
    const from = own[0]!.promiseDate
    if (to !== from) changed.push({ orderId, from, to })
  }
  if (changed.length === 0) return []
  await db.transaction(async (tx) => {
    const told = await lastToldPromises(
      tx,
      changed.map((c) => c.orderId),
    )
    const outbox: NewOutboxMessage[] = []
    for (const c of changed) {
      if (!(await setBackorderPromise(tx, c.orderId, c.to, now))) continue
      const before = told.has(c.orderId) ? told.get(c.orderId)! : c.from
      if (before === c.to) continue
      const eventId = await addEvent(
        tx,
        c.orderId,
        'order.promise_moved',
        null,
        null,
        { from: before, to: c.to, reason },
        'system:inbound-supply',
        now,
      )
      outbox.push(...(await promiseMessages(tx, directory, c.orderId, eventId, c.to, reason, now)))
    }
    await writeOutbox(tx, outbox)
  })
  return changed.map((c) => c.orderId)
}

/** The latest date an order's lines need, or null while one of them is not covered. */
function orderPromise(lines: readonly ({ date: string } | null)[]): string | null {
  let latest: string | null = null
  for (const l of lines) {
    if (!l) return null
    if (latest === null || l.date > latest) latest = l.date
  }
  return latest
}

/**
 * The waiting lines of the skus given, widened to every backordered line of their orders (an order
 * waiting for two skus is promised by both), and each sku's open supply.
 */
async function readWaiting(
  db: SqlRunner,
  skus: readonly string[],
): Promise<{ lines: WaitingLine[]; lots: Map<string, Awaited<ReturnType<typeof openLots>>> }> {
  const seen = new Set(skus)
  let lines = await waitingLines(db, { skus })
  for (let i = 0; i < MAX_WIDENING; i++) {
    const more = [...new Set(lines.map((l) => l.sku))].filter((s) => !seen.has(s))
    if (more.length === 0) break
    for (const s of more) seen.add(s)
    lines = await waitingLines(db, { skus: [...seen] })
  }
  const lots = new Map<string, Awaited<ReturnType<typeof openLots>>>()
  for (const sku of seen) lots.set(sku, await openLots(db, sku))
  return { lines, lots }
}

async function promiseMessages(
  tx: SqlRunner,
  directory: IntegrationDirectory,
  orderId: string,
  key: string,
  promiseDate: string | null,
  reason: string,
  now: number,
): Promise<NewOutboxMessage[]> {
  const head = (await loadOrderHead(tx, orderId))!
  if (!wantsStatus(directory, head.channelInstanceId)) return []
  return statusMessages(directory, {
    channelInstanceId: head.channelInstanceId,
    orderId,
    key,
    now,
    payload: buildStatusUpdate({
      orderId,
      externalOrderId: head.externalOrderId,
      orderNumber: head.orderNumber,
      status: head.status,
      previousStatus: null,
      reason: promiseDate
        ? `Backordered; promised for ${promiseDate}: ${reason}`
        : `Backordered; no inbound supply covers it now: ${reason}`,
      lines: await loadLines(tx, orderId),
      shipments: [],
      promiseDate,
      occurredAt: now,
    }),
  })
}
