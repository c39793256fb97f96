import type { JsonValue } from '../../../model/core-rules'

/** Edits of an action's parameters, as the inspector's fields make them: pure, one field at a time. */

export type Params = Record<string, JsonValue>

export function without(p: Params, ...keys: string[]): Params {
  const out = { ...p }
  for (const k of keys) delete out[k]
  return out
}

/** An emptied field leaves the rule; an empty tag list stays (it still narrows to untagged). */
export function withParam(p: Params, k: string, v: JsonValue | undefined): Params {
  const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0 && k !== 'tags')
  return empty ? without(p, k) : { ...p, [k]: v }
}

/** A strategy's location filter; with none left, the strategy has no `filters` at all. */
export function withFilter(p: Params, k: string, v: JsonValue | undefined): Params {
  const filters = (p.filters as Params | undefined) ?? {}
  const next =
    v === undefined || (Array.isArray(v) && v.length === 0) ? without(filters, k) : { ...filters, [k]: v }
  return Object.keys(next).length ? { ...p, filters: next } : without(p, 'filters')
}

/** A number input's text: empty removes the key. */
export function withNumber<T extends object>(o: T, k: string, text: string): T {
  const out = { ...o } as Record<string, unknown>
  if (text === '') delete out[k]
  else out[k] = Number(text)
  return out as T
}

export type BreakKind = 'percent' | 'amount' | 'price'

export const breakKind = (b: Params): BreakKind =>
  b.percent !== undefined ? 'percent' : b.amount !== undefined ? 'amount' : 'price'

/** Another kind of break keeps its quantity and starts from a plain value of the new kind. */
export function withBreakKind(b: Params, kind: string): Params {
  const value: Params =
    kind === 'percent' ? { percent: 5 } : kind === 'amount' ? { amount: '1.00' } : { price: '1.00' }
  return { minQty: b.minQty ?? 1, ...value }
}

/** A percentage is a number, an amount or a price a decimal string. */
export function withBreakValue(b: Params, text: string): Params {
  const kind = breakKind(b)
  return { ...b, [kind]: kind === 'percent' ? Number(text) || 0 : text }
}

/** The next break doubles the highest quantity so far (10 for the first). */
export function nextBreak(breaks: readonly Params[]): Params {
  const last = breaks.reduce((m, b) => Math.max(m, typeof b.minQty === 'number' ? b.minQty : 0), 0)
  return { minQty: last ? last * 2 : 10, percent: 5 }
}
