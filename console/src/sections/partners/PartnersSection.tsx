import { useCallback, useEffect, useState } from 'react'
import '../exceptions/ops.css'
import type { OutboxMessage, PluginCheck, PluginInstance } from '../../api/client'
import { hashOf, orderHash } from '../../shell/route'
import type { SectionProps } from '../../shell/section'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { dateTime } from '../../ui/format'
import { Problem } from '../../ui/Problem'

/** How many messages a count reads; more shows as "200+" (the outbox list pages at 200). */
const COUNT_LIMIT = 200

interface Queue {
  backlog: number | null
  backlogMore: boolean
  dead: OutboxMessage[]
  deadMore: boolean
}

/**
 * Every plugin instance (channels, warehouses, notifiers) with its health, what waits to be sent to
 * it and what could not be: "Test connection" asks the partner now, dead letters can be sent again.
 */
export function PartnersSection(props: SectionProps) {
  const { api, me } = props
  const mayCheck = me.permissions.includes('plugins:check')
  const mayRetry = me.permissions.includes('outbox:write')
  const mayReadOutbox = me.permissions.includes('outbox:read')
  const [items, setItems] = useState<PluginInstance[]>([])
  const [queues, setQueues] = useState<Record<string, Queue>>({})
  const [checks, setChecks] = useState<Record<string, PluginCheck | 'running'>>({})
  const [error, setError] = useState<unknown>(null)
  const [open, setOpen] = useState<string | null>(null)
  const [retry, setRetry] = useState<{ instance: string; ids: string[] } | null>(null)
  const [note, setNote] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const plugins = await api.plugins()
      setItems(plugins)
      setError(null)
      if (!mayReadOutbox) return
      const entries = await Promise.all(
        plugins.map(async (p) => {
          const [pending, dead] = await Promise.all([
            api.outboxOf(p.id, 'pending', COUNT_LIMIT),
            api.outboxOf(p.id, 'dead', COUNT_LIMIT),
          ])
          const q: Queue = {
            backlog: pending.items.length,
            backlogMore: pending.nextCursor !== null,
            dead: dead.items,
            deadMore: dead.nextCursor !== null,
          }
          return [p.id, q] as const
        }),
      )
      setQueues(Object.fromEntries(entries))
    } catch (e) {
      setError(e)
    }
  }, [api, mayReadOutbox])
  useEffect(() => {
    void load()
  }, [load])

  const check = async (id: string) => {
    setChecks((c) => ({ ...c, [id]: 'running' }))
    try {
      const r = await api.checkPlugin(id)
      setChecks((c) => ({ ...c, [id]: r }))
    } catch (e) {
      setChecks((c) => ({ ...c, [id]: { ok: false, message: (e as Error).message, ms: 0 } }))
    }
  }

  return (
    <div className="page partners-page" data-testid="partners-page">
      <header className="page-head">
        <h1>Partners</h1>
        <button type="button" onClick={() => void load()} data-testid="partners-refresh">
          Refresh
        </button>
      </header>
      <Problem error={error} testId="partners-error" />
      {note && (
        <p className="ok" role="status" data-testid="partners-note">
          {note}
        </p>
      )}
      <table data-testid="partners-table">
        <caption className="sr-only">Plugin instances, their health and their outbox</caption>
        <thead>
          <tr>
            <th scope="col">Instance</th>
            <th scope="col">Kind</th>
            <th scope="col">Health</th>
            <th scope="col">Last success</th>
            <th scope="col">Last error</th>
            <th scope="col" className="num">
              Open exceptions
            </th>
            <th scope="col" className="num">
              Waiting to send
            </th>
            <th scope="col" className="num">
              Dead letters
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => {
            const q = queues[p.id]
            const c = checks[p.id]
            const failing = p.consecutiveFailures > 0
            return (
              <tr key={p.id} data-testid={`partner-${p.id}`}>
                <th scope="row">
                  {p.id}
                  <div className="muted small">
                    {p.plugin} {p.version}
                  </div>
                </th>
                <td>{p.kind}</td>
                <td data-testid={`health-${p.id}`}>
                  <span className={failing ? 'health-bad' : 'health-ok'}>
                    {p.status}
                    {failing ? `, ${p.consecutiveFailures} failures in a row` : ''}
                  </span>
                </td>
                <td>{dateTime(p.lastSuccessAt)}</td>
                <td>
                  {p.lastError ? (
                    <>
                      <span className="error">{p.lastError}</span>
                      <div className="muted small">{dateTime(p.lastErrorAt)}</div>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="num">
                  {p.openExceptions > 0 ? (
                    <a href={hashOf('exceptions', [], new URLSearchParams({ instance: p.id }))}>
                      {p.openExceptions}
                    </a>
                  ) : (
                    0
                  )}
                </td>
                <td className="num" data-testid={`backlog-${p.id}`}>
                  {q ? `${q.backlog}${q.backlogMore ? '+' : ''}` : '—'}
                </td>
                <td className="num" data-testid={`dead-${p.id}`}>
                  {q && q.dead.length > 0 ? (
                    <button
                      type="button"
                      className="link"
                      aria-expanded={open === p.id}
                      onClick={() => setOpen(open === p.id ? null : p.id)}
                      data-testid={`dead-toggle-${p.id}`}
                    >
                      {q.dead.length}
                      {q.deadMore ? '+' : ''}
                    </button>
                  ) : q ? (
                    0
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {mayCheck && p.canCheck && (
                    <button
                      type="button"
                      onClick={() => void check(p.id)}
                      disabled={c === 'running'}
                      data-testid={`check-${p.id}`}
                    >
                      Test connection
                    </button>
                  )}
                  {c && (
                    <span
                      className={`check-result ${c !== 'running' && c.ok ? 'ok' : 'error'}`}
                      role="status"
                      data-testid={`check-result-${p.id}`}
                    >
                      {c === 'running'
                        ? 'checking…'
                        : c.ok
                          ? `Connected (${c.ms} ms)`
                          : `Failed: ${c.message ?? 'no reason given'} (${c.ms} ms)`}
                    </span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {open && queues[open] && (
        <DeadLetters
          instance={open}
          messages={queues[open].dead}
          mayRetry={mayRetry}
          onRetry={(ids) => setRetry({ instance: open, ids })}
        />
      )}
      {retry && (
        <ConfirmDialog
          title={retry.ids.length === 1 ? 'Retry this message' : `Retry ${retry.ids.length} dead messages`}
          consequence={
            <p>
              {retry.ids.length === 1 ? 'The message' : `Each of the ${retry.ids.length} messages`} to{' '}
              {retry.instance} gets a fresh set of attempts and is sent now. A message whose work is already
              settled (the order was cancelled, a newer one replaced it) stays dead.
            </p>
          }
          confirmLabel="Retry"
          testId="retry-dialog"
          onConfirm={async () => {
            const r = await api.retryOutbox(retry.ids)
            setNote(`${r.requeued} sent again; ${r.settled} left dead as settled.`)
            await load()
          }}
          onClose={() => setRetry(null)}
        />
      )}
    </div>
  )
}

function DeadLetters(props: {
  instance: string
  messages: OutboxMessage[]
  mayRetry: boolean
  onRetry: (ids: string[]) => void
}) {
  return (
    <section className="panel" aria-labelledby="dead-title" data-testid="dead-letters">
      <header className="page-head">
        <h2 id="dead-title">Dead letters to {props.instance}</h2>
        {props.mayRetry && props.messages.length > 0 && (
          <button
            type="button"
            className="primary"
            onClick={() => props.onRetry(props.messages.map((m) => m.id))}
            data-testid="retry-all"
          >
            Retry all {props.messages.length}
          </button>
        )}
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Order</th>
            <th scope="col" className="num">
              Attempts
            </th>
            <th scope="col">Last error</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.messages.map((m) => (
            <tr key={m.id} data-testid="dead-row">
              <td>{m.topic}</td>
              <td>{m.orderId ? <a href={orderHash(m.orderId)}>open</a> : '—'}</td>
              <td className="num">
                {m.attempts}/{m.maxAttempts}
              </td>
              <td className="error">{m.lastError ?? '—'}</td>
              <td>{dateTime(m.createdAt)}</td>
              <td>
                {props.mayRetry && (
                  <button type="button" onClick={() => props.onRetry([m.id])} data-testid="retry-one">
                    Retry
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
