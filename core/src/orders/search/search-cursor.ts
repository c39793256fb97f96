import { ValidationError } from '../../errors'

/** The orders list's sorts: by date placed or by promise date, each either way. */
export type OrderSort = 'placed' | '-placed' | 'promise' | '-promise'

/**
 * Where the previous page ended under one sort: the last order's sort value and id. The value is
 * null in the promise sorts' tail, where the orders without a promise date come (either way).
 */
export interface SearchCursor {
  sort: OrderSort
  value: number | string | null
  id: string
}

/** Opaque to the client; it names its sort so a cursor from another sort is refused, not misread. */
export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id]), 'utf8').toString('base64url')
}

export function decodeSearchCursor(cursor: string | undefined, sort: OrderSort): SearchCursor | undefined {
  if (cursor === undefined || cursor === '') return undefined
  const refuse = (message: string) =>
    new ValidationError('invalid cursor', [{ field: 'cursor', message }], 'INVALID_CURSOR')
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw refuse('is not a cursor this API issued')
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw refuse('is not a cursor this API issued')
  const [s, value, id] = parsed as unknown[]
  if (typeof id !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(id))
    throw refuse('is not a cursor this API issued')
  if (s !== sort) throw refuse(`was issued for sort '${String(s)}', not '${sort}'`)
  const placed = sort === 'placed' || sort === '-placed'
  const valid = placed
    ? typeof value === 'number' && Number.isSafeInteger(value)
    : value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
  if (!valid) throw refuse('is not a cursor this API issued')
  return { sort, value: value as number | string | null, id }
}
