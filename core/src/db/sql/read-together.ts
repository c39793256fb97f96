import { PLAN_EACH_CALL, type SqlParam, type SqlRunner } from './sql-db'

/** One read among several: a select and its parameters, in the order its text names them. */
export interface ReadPart {
  sql: string
  params: readonly SqlParam[]
}

/**
 * PostgreSQL: several reads in ONE round trip, each part's rows coming back as a json array (in
 * the part's own order). For a hot path whose reads do not depend on each other: on a loopback
 * connection each statement costs the hub a socket write and PostgreSQL a bind and an execute, so
 * intake's four reads per batch were four of each. Planned at each call (`PLAN_EACH_CALL`): the
 * parts' best plans depend on how many keys the arrays hold and how big the tables are now, and a
 * plan kept from a young database's first batches scanned where it should probe.
 */
export async function readTogether(db: SqlRunner, parts: readonly ReadPart[]): Promise<unknown[][]> {
  if (parts.length === 0) return []
  const columns = parts.map((p, i) => `(select coalesce(json_agg(t), '[]'::json) from (${p.sql}) t) as r${i}`)
  const row = await db.one<Record<string, unknown[]>>(
    `${PLAN_EACH_CALL}select ${columns.join(', ')}`,
    parts.flatMap((p) => p.params),
  )
  return parts.map((_, i) => row?.[`r${i}`] ?? [])
}
