import { useState } from 'react'

/** Publishing: a comment for the history, and optionally a time from which the version takes effect. */
export function PublishDialog(props: {
  version: number
  onPublish: (input: { comment: string; effectiveFrom: string | null }) => Promise<void>
  onClose: () => void
}) {
  const [comment, setComment] = useState('')
  const [when, setWhen] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-label="Publish" data-testid="publish-dialog">
        <h2>Publish version {props.version}</h2>
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
          Takes effect (leave empty for now)
          <input
            data-testid="publish-effective"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
        </label>
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
            Publish
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
