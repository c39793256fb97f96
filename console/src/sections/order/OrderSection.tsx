import { useCallback, useEffect, useRef, useState } from 'react'
import {
  ApiError,
  type Order,
  type OutboxMessageDetail,
  type Return,
  type RuleSetVersion,
} from '../../api/client'
import { hashOf, simulateHash } from '../../shell/route'
import type { SectionProps } from '../../shell/section'
import { freshness } from '../../ui/format'
import { useLookups } from '../../ui/lookups'
import { Problem } from '../../ui/Problem'
import { useLiveReload } from '../live/use-live'
import { ActionDialog, type DialogKind } from './ActionDialogs'
import { availableActions } from './actions'
import { DecisionPanel } from './DecisionPanel'
import { decisionView, ruleWords } from './decision'
import { LinesPanel } from './LinesPanel'
import { OrderHeader } from './OrderHeader'
import { ReturnsPanel } from './ReturnsPanel'
import { TimelinePanel } from './TimelinePanel'

/** How often an open order is read again while live updates are down. */
const POLL_MS = 3000
/**
 * With live updates on, still this often: deliveries to the channel and the warehouse (the
 * timeline's attempts) do not change the order itself, so no event tells them.
 */
const LIVE_POLL_MS = 15_000

interface Loaded {
  order: Order
  messages: OutboxMessageDetail[]
  /** Null when the key may not read the outbox (analysts). */
  messagesHidden: string | null
  returns: Return[]
}

/** One order: what it is, where it went and why, everything that happened, and what may be done. */
export function OrderSection(props: SectionProps) {
  const { api, me, navigate } = props
  const id = props.route.rest[0] ?? ''
  const lookups = useLookups(api)
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loadedAt, setLoadedAt] = useState<number | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const [version, setVersion] = useState<RuleSetVersion | null>(null)
  const [dialog, setDialog] = useState<DialogKind | null>(null)
  // "Show every location": the decision routed again by the hub, for the decision shown when asked.
  const [every, setEvery] = useState<NonNullable<Order['routingDecision']> | null>(null)
  const [everyLoading, setEveryLoading] = useState(false)
  const details = useRef(new Map<string, OutboxMessageDetail>())

  const load = useCallback(async () => {
    try {
      const [order, ret, messages] = await Promise.all([
        api.order(id),
        api.returns(id).catch(() => ({ returns: [], refunds: [] })),
        api.outbox(id).then(
          (m) => ({ items: m, hidden: null as string | null }),
          (e: unknown) => {
            if (e instanceof ApiError && e.status === 403) return { items: [], hidden: e.message }
            throw e
          },
        ),
      ])
      // Attempts are on each message's own page; a delivered message's attempts no longer change.
      const full = await Promise.all(
        messages.items.map(async (m) => {
          const known = details.current.get(m.id)
          if (known && known.status === m.status && known.attempts === m.attempts) return known
          const d = await api.outboxMessage(m.id)
          details.current.set(m.id, d)
          return d
        }),
      )
      setData({ order, messages: full, messagesHidden: messages.hidden, returns: ret.returns })
      setError(null)
      setLoadedAt(Date.now())
    } catch (e) {
      setError(e)
    }
  }, [api, id])

  useEffect(() => {
    setData(null)
    details.current.clear()
    void load()
  }, [load])
  // This order changed: read it at once. The stream down: read it every 3 s.
  const liveState = useLiveReload(props.live, () => void load(), {
    matches: (c) => c.id === id,
    pollMs: POLL_MS,
  })
  useEffect(() => {
    const t = setInterval(() => {
      if (liveState === 'live' && document.visibilityState === 'visible') void load()
    }, LIVE_POLL_MS)
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => {
      clearInterval(t)
      clearInterval(tick)
    }
  }, [load, liveState])

  const decisionRef = data?.order.routingDecision
  const x = (decisionRef?.explanation ?? {}) as { ruleSetId?: string; ruleSetVersion?: number }
  useEffect(() => {
    if (!x.ruleSetId || typeof x.ruleSetVersion !== 'number') return
    void api
      .ruleVersion(x.ruleSetId, x.ruleSetVersion)
      .then(setVersion)
      .catch(() => setVersion(null))
  }, [api, x.ruleSetId, x.ruleSetVersion])

  if (!data)
    return (
      <div className="page">
        <p>
          <a href={hashOf('orders')}>← Orders</a>
        </p>
        {error ? <Problem error={error} testId="order-error" /> : <p className="muted">Loading…</p>}
      </div>
    )

  const { order } = data
  const actions = availableActions(me, order)
  // A re-route since makes a new decision: its every-location view has to be asked for again.
  const everyNow = every && every.id === order.routingDecision?.id ? every : undefined
  const decision = decisionView(order, lookups.locationName, ruleWords(version), everyNow)
  const done = async () => {
    await load()
  }
  return (
    <div className="page order-page" data-testid="order-page" data-status={order.status}>
      <p className="crumbs">
        <a href={hashOf('orders')}>← Orders</a>
        <span className="muted small" data-testid="order-freshness" aria-live="polite">
          {freshness(loadedAt, now)}
        </span>
      </p>
      <Problem error={error} testId="order-error" />
      <OrderHeader order={order} lookups={lookups} promiseDate={decision?.promiseDate ?? null} />
      {actions.size > 0 && (
        <fieldset className="actions bare" data-testid="order-actions">
          <legend className="sr-only">Actions</legend>
          {actions.has('release-hold') && (
            <button
              type="button"
              className="primary"
              data-testid="act-release"
              onClick={() => setDialog({ kind: 'release' })}
            >
              Release hold…
            </button>
          )}
          {actions.has('collect') && (
            <button
              type="button"
              className="primary"
              data-testid="act-collect"
              onClick={() => setDialog({ kind: 'collect' })}
            >
              Customer collected…
            </button>
          )}
          {actions.has('receive-at-store') && (
            <button
              type="button"
              className="primary"
              data-testid="act-receive-at-store"
              onClick={() => setDialog({ kind: 'receive-at-store' })}
            >
              Arrived at the store…
            </button>
          )}
          {actions.has('modify') && (
            <button type="button" data-testid="act-modify" onClick={() => setDialog({ kind: 'modify' })}>
              Change address or service…
            </button>
          )}
          {actions.has('cancel') && (
            <button
              type="button"
              className="danger"
              data-testid="act-cancel"
              onClick={() => setDialog({ kind: 'cancel' })}
            >
              Cancel order or lines…
            </button>
          )}
          {actions.has('return') && (
            <button type="button" data-testid="act-return" onClick={() => setDialog({ kind: 'return' })}>
              Create a return…
            </button>
          )}
        </fieldset>
      )}
      <div className="order-grid">
        <LinesPanel order={order} lookups={lookups} />
        <DecisionPanel
          decision={decision}
          holdReason={order.holdReason}
          onSimulate={() => navigate(simulateHash(order.id))}
          everyState={everyNow ? 'shown' : everyLoading ? 'loading' : 'idle'}
          onShowEvery={() => {
            setEveryLoading(true)
            api
              .everyLocation(order.id)
              .then(setEvery)
              .catch(setError)
              .finally(() => setEveryLoading(false))
          }}
        />
        <ReturnsPanel
          returns={data.returns}
          canReceive={actions.has('receive-return')}
          onReceive={(ret) => setDialog({ kind: 'receive', ret })}
        />
        <TimelinePanel
          order={order}
          messages={data.messages}
          messagesHidden={data.messagesHidden}
          returns={data.returns}
          lookups={lookups}
          canRetry={actions.has('retry-message')}
          onRetry={(message) => setDialog({ kind: 'retry', message })}
        />
      </div>
      {dialog && (
        <ActionDialog
          api={api}
          order={order}
          dialog={dialog}
          lookups={lookups}
          onDone={done}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  )
}
