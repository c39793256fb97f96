import { ValidationError } from './errors'

/** Opaque cursors: the last id seen, so pages stay stable while new rows arrive. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string | undefined, field = 'cursor'): string | undefined {
  if (cursor === undefined || cursor === '') return undefined
  const id = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!/^[A-Za-z0-9_.:-]{1,200}$/.test(id))
    throw new ValidationError(
      'invalid cursor',
      [{ field, message: 'is not a cursor this API issued' }],
      'INVALID_CURSOR',
    )
  return id
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** A cursor over a composite key (e.g. sku and location): the last row's key parts. */
export function encodeKeyCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url')
}

export function decodeKeyCursor(
  cursor: string | undefined,
  size: number,
  field = 'cursor',
): string[] | undefined {
  if (cursor === undefined || cursor === '') return undefined
  let parts: unknown
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    parts = undefined
  }
  if (!Array.isArray(parts) || parts.length !== size || !parts.every((p) => typeof p === 'string'))
    throw new ValidationError(
      'invalid cursor',
      [{ field, message: 'is not a cursor this API issued' }],
      'INVALID_CURSOR',
    )
  return parts
}
