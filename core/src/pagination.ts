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
