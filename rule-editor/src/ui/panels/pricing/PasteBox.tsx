import { useState } from 'react'
import { problemText } from '../../../api/client'
import { type PastedRow, parsePastedPrices } from '../../../model/price-csv'

/**
 * A place to paste rows from a spreadsheet or a CSV file. Nothing is applied while any line cannot
 * be read; the lines that cannot are listed by number.
 */
export function PasteBox(props: {
  testId: string
  hint: string
  disabled?: boolean
  onApply: (rows: PastedRow[]) => Promise<void>
}) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  if (!open)
    return (
      <button
        type="button"
        data-testid={`${props.testId}-open`}
        disabled={props.disabled}
        onClick={() => setOpen(true)}
      >
        Paste CSV…
      </button>
    )
  return (
    <div className="paste-box">
      <label>
        {props.hint}
        <textarea
          data-testid={`${props.testId}-text`}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label className="small">
        or a file{' '}
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          onChange={async (e) => {
            const f = e.target.files?.[0]
            if (f) setText(await f.text())
          }}
        />
      </label>
      {errors.length > 0 && (
        <ul className="error small" data-testid={`${props.testId}-errors`}>
          {errors.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid={`${props.testId}-apply`}
          disabled={busy || !text.trim()}
          onClick={async () => {
            const r = parsePastedPrices(text)
            if (r.errors.length) {
              setErrors(r.errors.map((x) => `line ${x.line}: ${x.message}`))
              return
            }
            setBusy(true)
            try {
              await props.onApply(r.rows)
              setText('')
              setErrors([])
              setOpen(false)
            } catch (e) {
              setErrors([problemText(e)])
            } finally {
              setBusy(false)
            }
          }}
        >
          Import
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  )
}
