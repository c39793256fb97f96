import type { Dialect } from '../database-settings'
import type { SqlParam } from './sql-db'

/** A condition and the parameters it names, in the order its text names them. */
export interface Condition {
  sql: string
  params: SqlParam[]
}

/**
 * `column` equal to one of `keys`. PostgreSQL gets one array parameter, so the text, and the plan
 * each connection prepares for it, is the same for any number of keys: a list of placeholders
 * made one statement per count (a hundred per process on intake's reads, issue 18). SQLite has no
 * arrays; its statements are cheap to prepare and kept per text in the process, so it keeps one
 * placeholder a key. No keys: a condition no row meets. A statement using it on a table that
 * grows starts with `PLAN_EACH_CALL`: a plan kept from a connection's first calls, made while a
 * fresh database's table was nearly empty, scans the whole table for every array from then on
 * (the customer-identity read did, a third of PostgreSQL's statement time in `bench cpu`).
 */
export function keyIn(
  dialect: Dialect,
  column: string,
  keys: readonly string[],
  type: 'text' | 'uuid' = 'text',
): Condition {
  if (dialect === 'postgresql') return { sql: `${column} = any(?::${type}[])`, params: [keys] }
  if (keys.length === 0) return { sql: '1 = 0', params: [] }
  return { sql: `${column} in (${keys.map(() => '?').join(',')})`, params: [...keys] }
}
