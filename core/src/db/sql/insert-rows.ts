import type { SqlParam, SqlRunner } from './sql-db'

// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const MAX_PARAMS = 8_000
const cache = new Map<string, string>()

function statement(table: string, columns: readonly string[], rows: number, suffix: string): string {
  const key = `${table}|${columns.join(',')}|${rows}|${suffix}`
  let sql = cache.get(key)
  if (!sql) {
    const tuple = `(${columns.map(() => '?').join(', ')})`
    sql = `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')}${suffix}`
    cache.set(key, sql)
  }
  return sql
}

/**
 * Inserts many rows with as few statements as possible: one multi-row INSERT per chunk. On the
 * intake path this turns a batch's hundreds of single-row statements into a handful.
 */
export async function insertRows(
  tx: SqlRunner,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlParam[])[],
  suffix = '',
): Promise<void> {
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length))
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk)
    const params: SqlParam[] = []
    for (const row of chunk) for (const v of row) params.push(v)
    await tx.run(statement(table, columns, chunk.length, suffix), params)
  }
}
