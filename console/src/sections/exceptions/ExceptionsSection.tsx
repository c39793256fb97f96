import { useCallback, useEffect, useRef, useState } from 'react'
import './ops.css'
import type { IntakeException } from '../../api/client'
import { hashOf } from '../../shell/route'
import type { SectionProps } from '../../shell/section'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { dateTime } from '../../ui/format'
import { useLookups } from '../../ui/lookups'
import { Problem } from '../../ui/Problem'
import { ExceptionDetail } from './ExceptionDetail'
import {
  bulkReplayBody,
  describeFilters,
  type ExceptionFilters,
  exceptionFiltersFrom,
  exceptionFiltersToParams,
  exceptionQuery,
} from './filters'

const PAGE = 50
/** The reason codes the hub records (ExceptionReason.code); the field also takes any other. */
const REASONS = ['UNKNOWN_SKU', 'INVALID_ORDER', 'INVALID_TEXT', 'INVALID_PAYLOAD']

/**
 * The intake exception inbox: orders a channel sent that the hub could not take, each kept with its
 * payload until someone fixes the cause and replays it, or discards it. `#/exceptions?…` is the
 * list, `#/exceptions/<id>` one exception.
 */
export function ExceptionsSection(props: SectionProps) {
  const id = props.route.rest[0]
  if (id) return <ExceptionDetail {...props} id={id} />
  return <ExceptionList {...props} />
}

function ExceptionList(props: SectionProps) {
  const { api, navigate, me } = props
  const filters = exceptionFiltersFrom(props.route.query)
  const key = exceptionFiltersToParams(filters).toString()
  const lookups = useLookups(api)
  const mayAct = me.permissions.includes('exceptions:write')
  const [items, setItems] = useState<IntakeException[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(false)
  const [bulk, setBulk] = useState(false)
  const [outcome, setOutcome] = useState<string | null>(null)
  const request = useRef(0)

  const setFilters = (f: ExceptionFilters) => {
    const qs = exceptionFiltersToParams(f).toString()
    navigate(hashOf('exceptions', [], qs ? new URLSearchParams(qs) : undefined), { replace: true })
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the filters, serialised
  const load = useCallback(async () => {
    const mine = ++request.current
    setLoading(true)
    try {
      const page = await api.exceptions(exceptionQuery(filters, { limit: PAGE }))
      if (mine !== request.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      setError(null)
    } catch (e) {
      if (mine !== request.current) return
      setItems([])
      setCursor(null)
      setError(e)
    } finally {
      if (mine === request.current) setLoading(false)
    }
  }, [api, key])

  useEffect(() => {
    void load()
  }, [load])

  const more = async () => {
    if (!cursor) return
    setLoading(true)
    try {
      const page = await api.exceptions(exceptionQuery(filters, { cursor, limit: PAGE }))
      setItems((xs) => [...xs, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      setError(e)
    } finally {
      setLoading(false)
    }
  }

  return (
    <div className="page exceptions-page" data-testid="exceptions-page">
      <header className="page-head">
        <h1>Exceptions</h1>
        <span className="muted small">{loading ? 'loading…' : ''}</span>
        <button type="button" onClick={() => void load()} data-testid="exceptions-refresh">
          Refresh
        </button>
        {mayAct && filters.status !== 'replayed' && filters.status !== 'discarded' && (
          <button type="button" className="primary" onClick={() => setBulk(true)} data-testid="replay-all">
            Replay all matching
          </button>
        )}
      </header>
      <form className="filters" aria-label="Filter exceptions" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select
            value={filters.status}
            onChange={(e) => setFilters({ ...filters, status: e.target.value as ExceptionFilters['status'] })}
            data-testid="exceptions-status"
          >
            <option value="open">Open</option>
            <option value="replayed">Replayed</option>
            <option value="discarded">Discarded</option>
            <option value="">All</option>
          </select>
        </label>
        <label>
          Channel
          <select
            value={filters.instance}
            onChange={(e) => setFilters({ ...filters, instance: e.target.value })}
            data-testid="exceptions-instance"
          >
            <option value="">Any</option>
            {lookups.channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <input
            list="exception-reasons"
            value={filters.reason}
            onChange={(e) => setFilters({ ...filters, reason: e.target.value.trim().toUpperCase() })}
            placeholder="any"
            data-testid="exceptions-reason"
          />
          <datalist id="exception-reasons">
            {REASONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </label>
        <label>
          Last seen since
          <input
            type="datetime-local"
            value={filters.since}
            onChange={(e) => setFilters({ ...filters, since: e.target.value })}
            data-testid="exceptions-since"
          />
        </label>
      </form>
      <Problem error={error} testId="exceptions-error" />
      {outcome && (
        <p className="ok" role="status" data-testid="replay-all-outcome">
          {outcome}
        </p>
      )}
      {items.length === 0 ? (
        !loading &&
        !error && (
          <p className="muted empty" data-testid="exceptions-empty">
            No exceptions match these filters.
          </p>
        )
      ) : (
        <table className="list" data-testid="exceptions-table">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Channel's order</th>
              <th scope="col">Why</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Sent
              </th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.id} data-testid="exception-row">
                <td>{x.channelInstanceId}</td>
                <td>
                  <a href={hashOf('exceptions', [x.id])}>{x.externalOrderId ?? '(no order number)'}</a>
                </td>
                <td>
                  {x.reasons.map((r) => (
                    <div key={`${r.field}-${r.code}`}>
                      <code>{r.code}</code> {r.field}
                    </div>
                  ))}
                </td>
                <td>
                  <span className={`status s-exc-${x.status}`}>{x.status}</span>
                </td>
                <td className="num">{x.occurrences}×</td>
                <td>{dateTime(x.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        {cursor && (
          <button type="button" onClick={() => void more()} disabled={loading} data-testid="exceptions-more">
            Load more
          </button>
        )}
        <span className="muted small">{items.length} shown</span>
      </div>
      {bulk && (
        <ConfirmDialog
          title="Replay all matching exceptions"
          consequence={
            <p>
              The hub takes {describeFilters(filters)} again, with today's sku mappings and catalogue. Each
              one it can now take becomes an order and is routed; the others stay open with their new reasons.
              Replaying an exception that already became an order does not make a second one.
            </p>
          }
          confirmLabel="Replay all"
          testId="replay-all-dialog"
          onConfirm={async () => {
            const r = await api.replayExceptions(bulkReplayBody(filters))
            setOutcome(`${r.replayed} became orders; ${r.stillOpen} still open.`)
            await load()
          }}
          onClose={() => setBulk(false)}
        />
      )}
    </div>
  )
}
