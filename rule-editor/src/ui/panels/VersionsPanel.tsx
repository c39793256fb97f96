import { useState } from 'react'
import type { VersionMeta } from '../../api/client'
import { localDateTime } from '../../model/dates'

/**
 * History of the rule set: which version is live, compare any two on the canvas, roll back (after
 * saying what that does, since it replaces the working draft).
 */
export function VersionsPanel(props: {
  versions: VersionMeta[]
  liveVersion: number | null
  workingVersion: number | null
  readOnly: boolean
  onCompare: (a: number, b: number) => void
  onRollback: (v: number) => void
}) {
  const sorted = [...props.versions].sort((a, b) => b.version - a.version)
  const [a, setA] = useState<number | null>(sorted[1]?.version ?? null)
  const [b, setB] = useState<number | null>(sorted[0]?.version ?? null)
  const [confirming, setConfirming] = useState<number | null>(null)
  return (
    <div className="versions">
      <div className="row compare">
        <label>
          Compare
          <select data-testid="diff-a" value={a ?? ''} onChange={(e) => setA(Number(e.target.value))}>
            {sorted.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          with
          <select data-testid="diff-b" value={b ?? ''} onChange={(e) => setB(Number(e.target.value))}>
            {sorted.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="diff-run"
          disabled={a === null || b === null || a === b}
          onClick={() => a !== null && b !== null && props.onCompare(a, b)}
        >
          Show on canvas
        </button>
      </div>
      <ol className="history" data-testid="history">
        {sorted.map((v) => (
          <li key={v.version} data-version={v.version} className={v.status}>
            <div>
              <b>v{v.version}</b> <span className={`pill ${v.status}`}>{v.status}</span>
              {v.version === props.liveVersion && <span className="pill live">live</span>}
              {v.version === props.workingVersion && v.status === 'draft' && (
                <span className="pill">editing</span>
              )}
            </div>
            <div className="small">
              {v.comment ?? '(no comment)'} · {v.author ?? 'unknown'} ·{' '}
              {localDateTime(v.publishedAt ?? v.updatedAt ?? v.createdAt)}
              {v.effectiveFrom ? ` · effective from ${localDateTime(v.effectiveFrom)}` : ''}
            </div>
            {!props.readOnly && v.status !== 'draft' && confirming !== v.version && (
              <button
                type="button"
                className="link"
                data-testid={`rollback-${v.version}`}
                onClick={() => setConfirming(v.version)}
              >
                Roll back to this (as a new draft)
              </button>
            )}
            {confirming === v.version && (
              <div className="confirm" role="alertdialog" aria-label={`Roll back to v${v.version}`}>
                <p className="small">
                  A new draft is made from v{v.version}'s rules and opened here; the versions after it stay in
                  the history. Nothing goes live until you publish the new draft.
                </p>
                <button
                  type="button"
                  className="primary"
                  data-testid="rollback-confirm"
                  onClick={() => {
                    setConfirming(null)
                    props.onRollback(v.version)
                  }}
                >
                  Roll back to v{v.version}
                </button>{' '}
                <button type="button" data-testid="rollback-cancel" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
