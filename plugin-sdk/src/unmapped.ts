import type { UnmappedRecord } from './define'
import { isPayloadError } from './errors'

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
