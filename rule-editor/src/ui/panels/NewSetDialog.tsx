import { useState } from 'react'
import type { RuleSetKind } from '../../model/graph-types'

export function NewSetDialog(props: {
  onClose: () => void
  onCreate: (name: string, kind: RuleSetKind) => Promise<void>
}) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<RuleSetKind>('sourcing')
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-label="New rule set">
        <h2>New rule set</h2>
        <label>
          Name
          <input data-testid="new-set-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Kind
          <select
            data-testid="new-set-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as RuleSetKind)}
          >
            <option value="sourcing">sourcing</option>
            <option value="pricing">pricing</option>
            <option value="returns">returns</option>
          </select>
        </label>
        {error && <p className="error">{error}</p>}
        <div className="row">
          <button
            type="button"
            className="primary"
            data-testid="new-set-create"
            disabled={!name.trim()}
            onClick={() => props.onCreate(name.trim(), kind).catch((e: Error) => setError(e.message))}
          >
            Create
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
