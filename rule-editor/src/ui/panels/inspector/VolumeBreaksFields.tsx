import type { JsonValue } from '../../../model/core-rules'
import { breakKind, nextBreak, type Params, withBreakKind, withBreakValue } from './params'

/** Volume breaks: from a quantity, a percentage off, an amount off each unit, or a unit price. */
export function VolumeBreaksFields(props: {
  params: Params
  set: (k: string, v: JsonValue | undefined) => void
  setParams: (next: Params, field: string) => void
}) {
  const p = props.params
  const breaks = (Array.isArray(p.breaks) ? p.breaks : []) as Params[]
  const setBreaks = (next: Params[]) => props.setParams({ ...p, breaks: next }, 'breaks')
  const edit = (i: number, fn: (b: Params) => Params) =>
    setBreaks(breaks.map((x, j) => (j === i ? fn(x) : x)))
  return (
    <>
      <label>
        Count units of
        <select
          data-testid="insp-basis"
          value={String(p.basis ?? 'line')}
          onChange={(e) => props.set('basis', e.target.value)}
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
                  onChange={(e) => edit(i, (x) => ({ ...x, minQty: Number(e.target.value) || 1 }))}
                />
                +
              </td>
              <td>
                <select
                  value={breakKind(b)}
                  onChange={(e) => edit(i, (x) => withBreakKind(x, e.target.value))}
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
                  value={String(b[breakKind(b)] ?? '')}
                  onChange={(e) => edit(i, (x) => withBreakValue(x, e.target.value))}
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
      <button type="button" onClick={() => setBreaks([...breaks, nextBreak(breaks)])}>
        Add break
      </button>
    </>
  )
}
