import { useEffect, useState } from 'react'
import { type Api, problemText } from '../../../api/client'
import { localDateTime } from '../../../model/dates'

type Rate = Awaited<ReturnType<Api['rates']>>[number]

/** Exchange rates: a list priced in one currency quotes in another at the latest rate in force. */
export function RatesEditor(props: { api: Api; canWrite: boolean }) {
  const { api } = props
  const [rates, setRates] = useState<Rate[] | null>(null)
  const [base, setBase] = useState('NZD')
  const [quote, setQuote] = useState('AUD')
  const [rate, setRate] = useState('')
  const [error, setError] = useState<string | null>(null)
  const load = () =>
    api
      .rates()
      .then(setRates)
      .catch((e) => setError(problemText(e)))
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once
  useEffect(() => void load(), [api])
  return (
    <section data-testid="rates">
      {error && <p className="error">{error}</p>}
      <table className="prices">
        <tbody>
          {(rates ?? []).map((r) => (
            <tr key={`${r.base}-${r.quote}-${r.asOf}`}>
              <td>
                1 {r.base} = {r.rate} {r.quote}
              </td>
              <td className="small muted">from {localDateTime(r.asOf)}</td>
            </tr>
          ))}
          {rates?.length === 0 && (
            <tr>
              <td className="muted">No rates yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      <fieldset className="row" disabled={!props.canWrite}>
        <label className="inline">
          1
          <input
            className="qty"
            aria-label="Base currency"
            maxLength={3}
            value={base}
            onChange={(e) => setBase(e.target.value)}
          />
        </label>
        <label className="inline">
          =
          <input
            className="qty"
            aria-label="Rate"
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
          />
        </label>
        <input
          className="qty"
          aria-label="Quote currency"
          maxLength={3}
          value={quote}
          onChange={(e) => setQuote(e.target.value)}
        />
        <button
          type="button"
          disabled={!rate.trim()}
          onClick={async () => {
            setError(null)
            try {
              await api.importRates([
                {
                  base: base.trim().toUpperCase(),
                  quote: quote.trim().toUpperCase(),
                  rate: rate.trim(),
                  asOf: new Date().toISOString(),
                },
              ])
              setRate('')
              await load()
            } catch (e) {
              setError(problemText(e))
            }
          }}
        >
          Add rate (from now)
        </button>
      </fieldset>
    </section>
  )
}
