import { useEffect, useState } from 'react'
import type { Backtest } from '../../api/client'
import { browserTimeZone, localDateTime } from '../../model/dates'
import type { GraphDiff } from '../../model/diff'
import { DiffList } from './DiffList'

/** What publishing would change: the diff against the version it replaces, and its impact. */
export interface PublishPreview {
  /** The version compared with (the live one, else the latest published); null: none yet. */
  against: number | null
  diff: GraphDiff | null
  /** Sourcing: recent orders re-routed; null where there is no routing impact to show. */
  impact: Backtest | null
}

/**
 * Publishing: what changed and what it does to recent orders are shown before the confirm button,
 * then a comment for the history and optionally a time from which the version takes effect, in
 * the analyst's own time zone (named, since the hub stores an instant).
 */
export function PublishDialog(props: {
  version: number
  preview: () => Promise<PublishPreview>
  onPublish: (input: { comment: string; effectiveFrom: string | null }) => Promise<void>
  onGo: (nodeId: string) => void
  onClose: () => void
}) {
  const [comment, setComment] = useState('')
  const [when, setWhen] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<PublishPreview | 'loading' | { failed: string }>('loading')
  const { preview: load } = props
  // Once per opening: the draft does not change while the dialog is up.
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per opening
  useEffect(() => {
    let live = true
    load()
      .then((p) => live && setPreview(p))
      .catch((e: Error) => live && setPreview({ failed: e.message }))
    return () => {
      live = false
    }
  }, [])
  const zone = browserTimeZone()
  return (
    <div className="modal-backdrop">
      <div className="modal wide" role="dialog" aria-label="Publish" data-testid="publish-dialog">
        <h2>Publish version {props.version}</h2>
        <section data-testid="publish-preview" aria-busy={preview === 'loading'}>
          {preview === 'loading' ? (
            <p className="muted">Comparing with what is live…</p>
          ) : 'failed' in preview ? (
            <p className="warning">Could not compare with what is live: {preview.failed}</p>
          ) : (
            <>
              <h3>{preview.against ? `What changes from v${preview.against}` : 'Nothing published yet'}</h3>
              {preview.diff && (
                <div data-testid="publish-diff">
                  <DiffList diff={preview.diff} onGo={props.onGo} />
                </div>
              )}
              {preview.impact && <ImpactSummary impact={preview.impact} />}
            </>
          )}
        </section>
        <label>
          What changed, and why
          <textarea
            data-testid="publish-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <label>
          Takes effect, in your time zone ({zone}); leave empty for now
          <input
            data-testid="publish-effective"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
        </label>
        {when && (
          <p className="small" data-testid="publish-effective-text">
            Live from {localDateTime(new Date(when).getTime())}
          </p>
        )}
        {error && <p className="error">{error}</p>}
        <div className="row">
          <button
            type="button"
            className="primary"
            data-testid="publish-confirm"
            disabled={busy}
            onClick={async () => {
              setBusy(true)
              setError(null)
              try {
                await props.onPublish({ comment, effectiveFrom: when ? new Date(when).toISOString() : null })
                props.onClose()
              } catch (e) {
                setError((e as Error).message)
              } finally {
                setBusy(false)
              }
            }}
          >
            Publish v{props.version}
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}

function ImpactSummary({ impact }: { impact: Backtest }) {
  if (impact.orders === 0) return <p className="small muted">No recent orders to measure the impact on.</p>
  return (
    <ul className="small" data-testid="publish-impact">
      <li>
        <b>{impact.changed}</b> of {impact.orders} recent orders would be routed differently
      </li>
      {impact.costs
        .filter((c) => c.direction !== 'same')
        .map((c) => (
          <li key={c.currency}>
            Shipping cost {c.currency} {c.totalDelta} {c.direction} over {c.orders} orders shipped by both
          </li>
        ))}
      <li>
        Held {impact.holds.published} → {impact.holds.draft}; backordered {impact.backorders.published} →{' '}
        {impact.backorders.draft}; split {impact.splits.published} → {impact.splits.draft}
      </li>
    </ul>
  )
}
