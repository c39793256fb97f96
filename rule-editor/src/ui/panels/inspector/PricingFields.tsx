import type { Catalogue } from '../../../model/catalogue'
import type { JsonValue } from '../../../model/core-rules'
import { Amount, Percent } from './NumberInputs'
import { type Params, without } from './params'
import { VolumeBreaksFields } from './VolumeBreaksFields'

export const pricingTypes = ['priceList', 'markup', 'discount', 'volumeBreaks', 'round', 'floor'] as const

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
  if (type === 'volumeBreaks') return <VolumeBreaksFields params={p} set={set} setParams={setParams} />
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
