import { insertRowsAsJson } from './insert-rows-json'
import type { SqlParam, SqlRunner } from './sql-db'

// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const MAX_PARAMS = 8_000
// Statements by table and column list, then by row count and suffix. Callers that keep their
// column list in a constant skip even the join that names the list.
const shapes = new Map<string, Map<string, string>>()
const byColumns = new WeakMap<readonly string[], Map<string, string>>()

function statement(table: string, columns: readonly string[], rows: number, suffix: string): string {
  let byShape = byColumns.get(columns)
  if (!byShape) {
    const shape = `${table}|${columns.join(',')}`
    byShape = shapes.get(shape)
    if (!byShape) {
      byShape = new Map()
      shapes.set(shape, byShape)
    }
    byColumns.set(columns, byShape)
  }
  const key = `${rows}|${suffix}`
  let sql = byShape.get(key)
  if (!sql) {
    const tuple = `(${columns.map(() => '?').join(', ')})`
    sql = `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')}${suffix}`
    byShape.set(key, sql)
  }
  return sql
}

/**
 * Inserts many rows with as few statements as possible: one multi-row INSERT per chunk. On the
 * intake path this turns a batch's hundreds of single-row statements into a handful. On PostgreSQL
 * the rows travel as one JSON parameter (`insertRowsAsJson`), so the statement text is the same
 * whatever the number of rows and each connection prepares it once.
 */
export async function insertRows(
  tx: SqlRunner,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlParam[])[],
  suffix = '',
): Promise<void> {
  if (rows.length === 0) return
  if (tx.dialect === 'postgresql') return insertRowsAsJson(tx, table, columns, rows, suffix)
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length))
  const width = columns.length
  for (let i = 0; i < rows.length; i += perChunk) {
    const end = Math.min(rows.length, i + perChunk)
    // Sized once and filled in place: these arrays run to hundreds of values per statement.
    const params = new Array<SqlParam>((end - i) * width)
    let k = 0
    for (let r = i; r < end; r++) {
      const row = rows[r]!
      if (row.length !== width)
        throw new Error(`${table}: a row of ${row.length} values for ${width} columns`)
      for (let c = 0; c < width; c++) params[k++] = row[c]!
    }
    await tx.run(statement(table, columns, end - i, suffix), params)
  }
}
