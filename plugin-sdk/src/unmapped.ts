import type { UnmappedRecord } from './define'
import { isPayloadError, PayloadError } from './errors'
import type { InboundEvent } from './webhook'

/**
 * A polled record the plugin's mapping refused, as the channel sent it, with each field it could not
 * read: a `PayloadError`'s issues become reasons (`INVALID_PAYLOAD`), anything else one `UNMAPPABLE`.
 * The hub keeps it as an intake exception and the page goes on.
 */
export function unmappedRecord(
  record: unknown,
  externalId: string | undefined,
  error: unknown,
): UnmappedRecord {
  return {
    payload: JSON.stringify(record),
    contentType: 'application/json',
    ...(externalId ? { externalId } : {}),
    reasons: isPayloadError(error)
      ? error.issues.map((i) => ({ field: i.field, code: 'INVALID_PAYLOAD', message: i.message }))
      : [{ field: '(order)', code: 'UNMAPPABLE', message: (error as Error)?.message ?? String(error) }],
  }
}

/**
 * A poll's `mapRecord` made of its own per-record mapping: the stored record's text is parsed (JSON
 * unless `parse` says otherwise, e.g. a lossless parse that keeps long ids as strings), then mapped.
 * Text that is not a JSON object, and anything the mapping throws that is not a `PayloadError`, is
 * thrown as a `PayloadError` naming `(record)`, so a replay says why instead of failing.
 *
 * @example
 * mapRecord: (payload) => mapStoredRecord(payload, (o: ShopOrder) => orderEvent(o))
 */
export function mapStoredRecord<T>(
  payload: string,
  map: (record: T) => InboundEvent,
  parse: (text: string) => unknown = JSON.parse,
): InboundEvent {
  let record: unknown
  try {
    record = parse(payload)
  } catch {
    throw new PayloadError('the stored record is not JSON', [{ field: '(record)', message: 'is not JSON' }])
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    throw new PayloadError('the stored record is not an object', [
      { field: '(record)', message: 'must be a JSON object' },
    ])
  try {
    return map(record as T)
  } catch (error) {
    if (isPayloadError(error)) throw error
    const message = error instanceof Error ? error.message : String(error)
    throw new PayloadError(`the stored record cannot be mapped: ${message}`, [{ field: '(record)', message }])
  }
}
