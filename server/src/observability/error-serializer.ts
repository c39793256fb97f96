import pino from 'pino'

/**
 * Fields of a database error that quote the data: PostgreSQL's `detail` ("Key (sku)=(…) already
 * exists"), `where` and `internalQuery`; a driver's bindings. They are left out of every log line:
 * the statement (with placeholders), the code, table, column and constraint say what failed.
 */
const QUOTING_FIELDS = ['detail', 'where', 'internalQuery', 'parameters', 'params', 'bindings']

/** pino's error serializer, without the fields that quote values. */
export function errorWithoutValues(error: unknown): unknown {
  const out = pino.stdSerializers.err(error as Error) as unknown
  if (out === null || typeof out !== 'object') return out
  const copy = { ...(out as Record<string, unknown>) }
  for (const field of QUOTING_FIELDS) delete copy[field]
  return copy
}
