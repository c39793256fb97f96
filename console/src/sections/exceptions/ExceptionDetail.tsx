import { useCallback, useEffect, useState } from 'react'
import type { IntakeExceptionDetail, Product } from '../../api/client'
import { hashOf, orderHash } from '../../shell/route'
import type { SectionProps } from '../../shell/section'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { dateTime } from '../../ui/format'
import { Problem } from '../../ui/Problem'
import { documentOf, payloadLines, unknownSkus } from './payload'

type Dialog = { kind: 'replay' } | { kind: 'discard' } | { kind: 'map'; channelSku: string }

/** One exception: why it failed, the payload with the failing fields marked, and what may be done. */
export function ExceptionDetail(props: SectionProps & { id: string }) {
  const { api, id, me } = props
  const mayAct = me.permissions.includes('exceptions:write')
  // Adding a mapping writes the channel's catalogue (catalog:write): the same roles today, asked apart.
  const mayMap = mayAct && me.permissions.includes('catalog:write')
  const [x, setX] = useState<IntakeExceptionDetail | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [note, setNote] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setX(await api.exception(id))
      setError(null)
    } catch (e) {
      setError(e)
    }
  }, [api, id])
  useEffect(() => {
    void load()
  }, [load])

  if (!x)
    return (
      <div className="page">
        <Problem error={error} testId="exception-error" />
        {!error && <p className="muted">Loading…</p>}
      </div>
    )
  const open = x.status === 'open'
  const doc = documentOf(x)
  const lines =
    doc.kind === 'text'
      ? []
      : payloadLines(doc.value, doc.kind === 'parsed' ? x.marks.map((m) => m.path) : [])
  const skus = unknownSkus(x.marks)

  return (
    <div className="page exception-page" data-testid="exception-page">
      <header className="page-head">
        <p className="crumbs">
          <a href={hashOf('exceptions')}>Exceptions</a>
        </p>
        <h1>
          {x.channelInstanceId} · {x.externalOrderId ?? '(no order number)'}
        </h1>
        <span className={`status s-exc-${x.status}`} data-testid="exception-status">
          {x.status}
        </span>
      </header>
      <dl className="facts">
        <dt>Sent</dt>
        <dd>
          {x.occurrences}× · first {dateTime(x.firstSeenAt)} · last {dateTime(x.lastSeenAt)}
        </dd>
        <dt>Received at</dt>
        <dd>
          <code>
            /webhooks/{x.channelInstanceId}
            {x.source}
          </code>
          {x.contentType ? ` (${x.contentType})` : ''}
        </dd>
        {x.orderId && (
          <>
            <dt>Became</dt>
            <dd>
              <a href={orderHash(x.orderId)} data-testid="exception-order">
                the order
              </a>{' '}
              ({dateTime(x.replayedAt)})
            </dd>
          </>
        )}
        {x.status === 'discarded' && (
          <>
            <dt>Discarded</dt>
            <dd data-testid="exception-discarded">
              by {x.discardedBy} · {dateTime(x.discardedAt)} · “{x.discardReason}”
            </dd>
          </>
        )}
      </dl>
      <section className="panel" aria-labelledby="exc-why">
        <h2 id="exc-why">Why the hub could not take it</h2>
        <ul data-testid="exception-reasons">
          {x.reasons.map((r) => (
            <li key={`${r.field}-${r.code}`}>
              <code>{r.code}</code> at <code>{r.field}</code>: {r.message}
              {mayMap && open && r.code === 'UNKNOWN_SKU' && skus.length > 0 && (
                <>
                  {' '}
                  {skus.map((s) => (
                    <button
                      key={s}
                      type="button"
                      onClick={() => setDialog({ kind: 'map', channelSku: s })}
                      data-testid="add-mapping"
                    >
                      Map {s} to a product…
                    </button>
                  ))}
                </>
              )}
            </li>
          ))}
        </ul>
        {note && (
          <p className="ok" role="status" data-testid="exception-note">
            {note}
          </p>
        )}
        {mayAct && open && (
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => setDialog({ kind: 'replay' })}
              data-testid="replay"
            >
              Replay
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => setDialog({ kind: 'discard' })}
              data-testid="discard"
            >
              Discard…
            </button>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="exc-payload">
        <h2 id="exc-payload">
          {doc.kind === 'parsed' ? 'The order as the plugin read it' : 'The payload as received'}
          {x.payloadTruncated ? ' (cut at 1 MiB)' : ''}
        </h2>
        {doc.kind === 'text' ? (
          <pre className="payload" data-testid="exception-payload">
            {x.payloadEncoding === 'base64' ? `(base64) ${String(doc.value)}` : String(doc.value)}
          </pre>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
          <pre className="payload" data-testid="exception-payload" tabIndex={0}>
            {lines.map((l, i) => (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional and never reorder
                key={i}
                className={l.marked ? 'line marked' : 'line'}
                data-path={l.path}
                data-marked={l.marked || undefined}
                title={l.marked ? 'A failing field' : undefined}
              >
                {'  '.repeat(l.depth)}
                {l.text}
                {l.marked ? '   ◀ fails' : ''}
                {'\n'}
              </span>
            ))}
          </pre>
        )}
      </section>
      {dialog?.kind === 'replay' && (
        <ConfirmDialog
          title="Replay this exception"
          consequence={
            <p>
              The hub takes the order again as it was kept, with today's sku mappings and catalogue. If
              nothing fails it becomes an order and is routed now; otherwise it stays open with the reasons it
              fails for now.
            </p>
          }
          confirmLabel="Replay"
          testId="replay-dialog"
          onConfirm={async () => {
            const r = await api.replayException(x.id)
            setNote(
              r.outcome === 'replayed'
                ? 'It became an order.'
                : `Still open: ${(r.reasons ?? []).map((z) => `${z.code} at ${z.field}`).join('; ')}`,
            )
            await load()
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'discard' && (
        <DiscardDialog {...props} exception={x} onDone={load} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'map' && (
        <MappingDialog
          {...props}
          exception={x}
          channelSku={dialog.channelSku}
          onDone={(text) => setNote(text)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  )
}

function DiscardDialog(
  props: SectionProps & {
    exception: IntakeExceptionDetail
    onDone: () => Promise<void>
    onClose: () => void
  },
) {
  const [reason, setReason] = useState('')
  return (
    <ConfirmDialog
      title="Discard this exception"
      consequence={
        <p>
          The order from {props.exception.channelInstanceId} is not taken: the exception is closed with your
          reason and name, kept for the record, and can no longer be replayed. The channel is not told.
        </p>
      }
      confirmLabel="Discard"
      danger
      ready={reason.trim().length > 0}
      testId="discard-dialog"
      onConfirm={async () => {
        await props.api.discardException(props.exception.id, reason.trim())
        await props.onDone()
      }}
      onClose={props.onClose}
    >
      <label className="block">
        Reason (required)
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="discard-reason"
          rows={2}
        />
      </label>
    </ConfirmDialog>
  )
}

/** Every product of the catalogue, for the hub sku picker (pages of 500 until the end). */
function useProducts(api: SectionProps['api']): Product[] {
  const [items, setItems] = useState<Product[]>([])
  useEffect(() => {
    let live = true
    void (async () => {
      const all: Product[] = []
      let cursor: string | undefined
      do {
        const page = await api.products(cursor)
        all.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor && all.length < 20_000)
      if (live) setItems(all)
    })().catch(() => {})
    return () => {
      live = false
    }
  }, [api])
  return items
}

function MappingDialog(
  props: SectionProps & {
    exception: IntakeExceptionDetail
    channelSku: string
    onDone: (note: string) => void
    onClose: () => void
  },
) {
  const products = useProducts(props.api)
  const [hubSku, setHubSku] = useState('')
  const [multiplier, setMultiplier] = useState(1)
  const instance = props.exception.channelInstanceId
  const known = products.some((p) => p.sku === hubSku)
  return (
    <ConfirmDialog
      title="Map a channel sku to a product"
      consequence={
        <p>
          From now on, {instance}'s sku <code>{props.channelSku}</code> is read as the hub's{' '}
          <code>{hubSku || '…'}</code>
          {multiplier > 1 ? `, ${multiplier} hub units for each unit ordered` : ''}, for every order that
          channel sends. This exception stays open until you replay it.
        </p>
      }
      confirmLabel="Save the mapping"
      ready={known && Number.isInteger(multiplier) && multiplier >= 1}
      testId="mapping-dialog"
      onConfirm={async () => {
        await props.api.putSkuMappings(instance, {
          mappings: [{ channelSku: props.channelSku, hubSku, multiplier }],
        })
        props.onDone(`${props.channelSku} now maps to ${hubSku}. Replay to take the order.`)
      }}
      onClose={props.onClose}
    >
      <label className="block">
        Channel sku
        <input value={props.channelSku} readOnly data-testid="mapping-channel-sku" />
      </label>
      <label className="block">
        Hub sku
        <select value={hubSku} onChange={(e) => setHubSku(e.target.value)} data-testid="mapping-hub-sku">
          <option value="">Pick a product…</option>
          {products.map((p) => (
            <option key={p.sku} value={p.sku}>
              {p.sku} · {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        Hub units per channel unit
        <input
          type="number"
          min={1}
          max={100000}
          step={1}
          value={multiplier}
          onChange={(e) => setMultiplier(Number(e.target.value))}
          data-testid="mapping-multiplier"
        />
      </label>
    </ConfirmDialog>
  )
}
