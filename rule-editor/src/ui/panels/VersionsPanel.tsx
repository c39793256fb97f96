import { useState } from 'react'
import type { VersionMeta } from '../../api/client'

/** History of the rule set: which version is live, compare any two on the canvas, roll back. */
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
              {new Date(v.publishedAt ?? v.updatedAt ?? v.createdAt).toLocaleString()}
              {v.effectiveFrom ? ` · effective from ${new Date(v.effectiveFrom).toLocaleString()}` : ''}
            </div>
            {!props.readOnly && v.status !== 'draft' && (
              <button
                type="button"
                className="link"
                data-testid={`rollback-${v.version}`}
                onClick={() => props.onRollback(v.version)}
              >
                Roll back to this (as a new draft)
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
