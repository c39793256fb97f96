import { useState } from 'react'
import type { RuleProperties } from '../../model/core-rules'

/** The compiled json-rules-engine rules, read only, and an import that turns rules JSON into a graph. */
export function JsonPanel(props: {
  rules: RuleProperties[]
  readOnly: boolean
  onImport: (rules: RuleProperties[]) => void
}) {
  const [importing, setImporting] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="json-panel">
      <p className="small muted">
        What the hub stores and runs: json-rules-engine rules compiled from the canvas. Rule names are node
        ids.
      </p>
      <pre data-testid="compiled-json" className="json">
        {JSON.stringify(props.rules, null, 2)}
      </pre>
      <div className="row">
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(JSON.stringify(props.rules, null, 2))}
        >
          Copy JSON
        </button>
        {!props.readOnly && (
          <button type="button" data-testid="import-open" onClick={() => setImporting((x) => !x)}>
            Import JSON…
          </button>
        )}
      </div>
      {importing && (
        <div className="import">
          <textarea
            data-testid="import-text"
            rows={10}
            placeholder='[{"name": "…", "conditions": {"all": […]}, "event": {"type": "restrict", …}}]'
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button
            type="button"
            data-testid="import-apply"
            className="primary"
            onClick={() => {
              try {
                const parsed = JSON.parse(text) as unknown
                const rules = Array.isArray(parsed) ? parsed : (parsed as { rules?: unknown }).rules
                if (!Array.isArray(rules)) throw new Error('expected a list of rules, or {"rules": [...]}')
                props.onImport(rules as RuleProperties[])
                setError(null)
                setImporting(false)
                setText('')
              } catch (e) {
                setError((e as Error).message)
              }
            }}
          >
            Replace the canvas with these rules
          </button>
          {error && <p className="error">{error}</p>}
        </div>
      )}
    </div>
  )
}
