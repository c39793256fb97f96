import type { PluginLogger } from '../context'
import type { PollResult, UnmappedRecord } from '../define'
import { unmappedRecord } from '../unmapped'
import type { InboundEvent } from '../webhook'
import type { Page } from './pager'
import type { WindowCursor, WindowRecord, WindowState } from './window-cursor'

export interface WindowPollPage<R> {
  /** The page the pager read in the window `state` asked for. */
  page: Page<R>
  windows: WindowCursor
  state: WindowState
  /**
   * When the page came back (read the clock after the call): the window moves no further, so a
   * partner's clock ahead of ours cannot make the poll skip what is written meanwhile, and a record
   * written while the call was on its way is still passed.
   */
  now: Date
  /** The record's id and when the partner last modified it, as the window cursor keeps them. */
  identify(record: R): WindowRecord
  /** The record as the hub's event; throws (a `PayloadError` naming fields) for one it cannot map. */
  map(record: R): InboundEvent
  /** Where each record the mapping refused is logged, with its id and why (`ctx.logger`). */
  logger?: PluginLogger
  /** Names the partner's record in that line (`Amazon order`). */
  what?: string
}

/**
 * One page of a "modified since" poll made into the poll's result: the records the window's overlap
 * brings back unchanged are left out, every other one mapped (an `ignored` event dropped; a record
 * the mapping refuses reported in `unmapped` with its id, the page going on), and the cursor
 * advanced past the page, with `more` while the window has pages left.
 *
 * @example
 * const page = await orders.fetch(send, `${api}/orders?modifiedSince=${windows.from(state)}`, state.page)
 * return windowPollResult({ page, windows, state, now, identify: (o) => ({ id: o.id, modifiedAt: o.updated }),
 *   map: orderEvent, logger: ctx.logger, what: 'order' })
 */
export function windowPollResult<R>(p: WindowPollPage<R>): PollResult {
  const events: InboundEvent[] = []
  const unmapped: UnmappedRecord[] = []
  const records = p.page.records.map((record) => ({ record, ...p.identify(record) }))
  for (const r of records) {
    if (!p.windows.fresh(p.state, r)) continue
    try {
      const event = p.map(r.record)
      if (event.type !== 'ignored') events.push(event)
    } catch (error) {
      // Reported, not skipped: the hub keeps it as an intake exception.
      unmapped.push(unmappedRecord(r.record, r.id || undefined, error))
      p.logger?.warn({ id: r.id, error: (error as Error).message }, `${p.what ?? 'record'} not mappable`)
    }
  }
  return {
    events,
    ...(unmapped.length > 0 ? { unmapped } : {}),
    cursor: p.windows.advance(p.state, records, p.page.next, p.now),
    ...(p.page.next ? { more: true } : {}),
  }
}
