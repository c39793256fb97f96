import type { Catalogue } from '../../../model/catalogue'
import type { JsonValue } from '../../../model/core-rules'

export const pricingTypes = ['priceList', 'markup', 'discount', 'volumeBreaks', 'round', 'floor'] as const

type Params = Record<string, JsonValue>

/** Decimal amounts travel as strings ("2.50"), percentages as numbers, as the pricing engine takes them. */
function Amount(props: {
  label: string
  value: JsonValue | undefined
  testId: string
  onChange: (v: string | undefined) => void
}) {
  return (
    <label>
      {props.label}
      <input
        data-testid={props.testId}
        inputMode="decimal"
        placeholder="2.50"
        value={typeof props.value === 'string' ? props.value : ''}
        onChange={(e) => props.onChange(e.target.value.trim() === '' ? undefined : e.target.value.trim())}
      />
    </label>
  )
}

function Percent(props: {
  label: string
  value: JsonValue | undefined
  testId: string
  onChange: (v: number | undefined) => void
}) {
  return (
    <label>
      {props.label}
      <input
        data-testid={props.testId}
        type="number"
        min={0}
        step={0.5}
        value={typeof props.value === 'number' ? props.value : ''}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </label>
  )
}

function without(p: Params, ...keys: string[]): Params {
  const out = { ...p }
  for (const k of keys) delete out[k]
  return out
}

/** The settings of the pricing actions: price list, markup and discount, volume breaks, ending, floor. */
export function PricingFields(props: {
  type: string
  params: Params
  setParams: (next: Params, field: string) => void
  cat: Catalogue
}) {
  const { type, params: p, setParams } = props
  const set = (k: string, v: JsonValue | undefined) =>
    setParams(v === undefined ? without(p, k) : { ...p, [k]: v }, k)
  if (type === 'priceList') {
    const lists = props.cat.values.priceLists ?? []
    return (
      <label>
        Price list
        <select
          data-testid="insp-priceListId"
          value={String(p.priceListId ?? '')}
          onChange={(e) => set('priceListId', e.target.value)}
        >
          <option value="">(choose)</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({l.id})
            </option>
          ))}
          {p.priceListId && !lists.some((l) => l.id === p.priceListId) && (
            <option value={String(p.priceListId)}>{String(p.priceListId)} (unknown)</option>
          )}
        </select>
      </label>
    )
  }
  if (type === 'markup' || type === 'discount') {
    const byAmount = p.amount !== undefined
    return (
      <>
        <label>
          By
          <select
            data-testid="insp-by"
            value={byAmount ? 'amount' : 'percent'}
            onChange={(e) =>
              setParams(
                e.target.value === 'amount'
                  ? { ...without(p, 'percent'), amount: '1.00' }
                  : { ...without(p, 'amount', 'currency'), percent: 10 },
                'by',
              )
            }
          >
            <option value="percent">a percentage</option>
            <option value="amount">an amount per unit</option>
          </select>
        </label>
        {byAmount ? (
          <>
            <Amount
              label="Amount"
              testId="insp-amount"
              value={p.amount}
              onChange={(v) => set('amount', v ?? '0')}
            />
            <label>
              Currency (the quote’s when empty)
              <input
                value={String(p.currency ?? '')}
                placeholder="NZD"
                onChange={(e) => set('currency', e.target.value.toUpperCase() || undefined)}
              />
            </label>
          </>
        ) : (
          <Percent
            label="Percent"
            testId="insp-percent"
            value={p.percent}
            onChange={(v) => set('percent', v ?? 0)}
          />
        )}
        <label>
          Reason (shown with the price)
          <input
            data-testid="insp-reason"
            value={String(p.reason ?? '')}
            onChange={(e) => set('reason', e.target.value || undefined)}
          />
        </label>
      </>
    )
  }
  if (type === 'volumeBreaks') {
    const breaks = (Array.isArray(p.breaks) ? p.breaks : []) as Record<string, JsonValue>[]
    const kindOf = (b: Record<string, JsonValue>) =>
      b.percent !== undefined ? 'percent' : b.amount !== undefined ? 'amount' : 'price'
    const setBreaks = (next: Record<string, JsonValue>[]) => setParams({ ...p, breaks: next }, 'breaks')
    return (
      <>
        <label>
          Count units of
          <select
            data-testid="insp-basis"
            value={String(p.basis ?? 'line')}
            onChange={(e) => set('basis', e.target.value)}
          >
            <option value="line">the line</option>
            <option value="sku">the sku across the order</option>
            <option value="order">the whole order</option>
          </select>
        </label>
        <table className="breaks">
          <tbody>
            {breaks.map((b, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: breaks are edited in place
              <tr key={i}>
                <td>
                  <input
                    type="number"
                    min={1}
                    className="qty"
                    aria-label="from quantity"
                    value={typeof b.minQty === 'number' ? b.minQty : ''}
                    onChange={(e) =>
                      setBreaks(
                        breaks.map((x, j) => (j === i ? { ...x, minQty: Number(e.target.value) || 1 } : x)),
                      )
                    }
                  />
                  +
                </td>
                <td>
                  <select
                    value={kindOf(b)}
                    onChange={(e) =>
                      setBreaks(
                        breaks.map((x, j) =>
                          j === i
                            ? {
                                minQty: x.minQty ?? 1,
                                ...(e.target.value === 'percent'
                                  ? { percent: 5 }
                                  : e.target.value === 'amount'
                                    ? { amount: '1.00' }
                                    : { price: '1.00' }),
                              }
                            : x,
                        ),
                      )
                    }
                  >
                    <option value="percent">% off</option>
                    <option value="amount">off each unit</option>
                    <option value="price">unit price</option>
                  </select>
                </td>
                <td>
                  <input
                    className="qty"
                    aria-label="break value"
                    value={String(b[kindOf(b)] ?? '')}
                    onChange={(e) =>
                      setBreaks(
                        breaks.map((x, j) =>
                          j === i
                            ? {
                                ...x,
                                [kindOf(b)]:
                                  kindOf(b) === 'percent' ? Number(e.target.value) || 0 : e.target.value,
                              }
                            : x,
                        ),
                      )
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => setBreaks(breaks.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() => {
            const last = breaks.reduce((m, b) => Math.max(m, typeof b.minQty === 'number' ? b.minQty : 0), 0)
            setBreaks([...breaks, { minQty: last ? last * 2 : 10, percent: 5 }])
          }}
        >
          Add break
        </button>
      </>
    )
  }
  if (type === 'round')
    return (
      <>
        <label>
          Ending
          <input
            data-testid="insp-ending"
            placeholder=".99 or whole"
            value={String(p.ending ?? '')}
            onChange={(e) => set('ending', e.target.value)}
          />
        </label>
        <Amount
          label="Every (e.g. 1 for …x.99, 10 for …9.99)"
          testId="insp-every"
          value={p.every}
          onChange={(v) => set('every', v)}
        />
        <label>
          Direction
          <select value={String(p.direction ?? 'nearest')} onChange={(e) => set('direction', e.target.value)}>
            <option value="up">up</option>
            <option value="down">down</option>
            <option value="nearest">nearest</option>
          </select>
        </label>
      </>
    )
  if (type === 'floor')
    return (
      <>
        <Percent
          label="Minimum margin, percent of cost"
          testId="insp-minMarginPercent"
          value={p.minMarginPercent}
          onChange={(v) => set('minMarginPercent', v)}
        />
        <Amount
          label="Minimum margin, amount"
          testId="insp-minMarginAmount"
          value={p.minMarginAmount}
          onChange={(v) => set('minMarginAmount', v)}
        />
      </>
    )
  return null
}
