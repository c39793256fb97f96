import type { Order, OutboxMessageDetail, Return } from '../../api/client'

/**
 * Everything that happened to an order, oldest first: its history events, every message the hub
 * sent the channel and the warehouses (with each delivery attempt), and its returns and refunds.
 */
export type TimelineEntry =
  | {
      kind: 'event'
      at: string
      id: string
      type: string
      from: string | null
      to: string | null
      actor: string | null
      note: string | null
    }
  | { kind: 'message'; at: string; id: string; message: OutboxMessageDetail }
  | { kind: 'return'; at: string; id: string; ret: Return }

/** A history event's data, in a short line: a reason, a note, or the fields it carries. */
export function eventNote(data: unknown): string | null {
  if (data === null || data === undefined) return null
  if (typeof data !== 'object') return String(data)
  const d = data as Record<string, unknown>
  for (const k of ['reason', 'note', 'message', 'summary'])
    if (typeof d[k] === 'string' && d[k]) return d[k] as string
  const text = JSON.stringify(d)
  return text.length > 160 ? `${text.slice(0, 157)}…` : text
}

export function timeline(
  order: Pick<Order, 'history'>,
  messages: readonly OutboxMessageDetail[],
  returns: readonly Return[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...order.history.map(
      (h): TimelineEntry => ({
        kind: 'event',
        at: h.at,
        id: h.id,
        type: h.type,
        from: h.from,
        to: h.to,
        actor: h.actor,
        note: eventNote(h.data),
      }),
    ),
    ...messages.map((m): TimelineEntry => ({ kind: 'message', at: m.createdAt, id: m.id, message: m })),
    ...returns.map((r): TimelineEntry => ({ kind: 'return', at: r.createdAt, id: r.id, ret: r })),
  ]
  // Stable: events written in one transaction share a time and keep their written order.
  return entries
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e)
}
