import type { SqlParam, SqlRunner } from './sql-db'

/** Rows per statement: bounds the JSON text one insert builds, far above an intake batch. */
const MAX_ROWS = 5_000

/** Per table: its json/jsonb columns, whose values callers pass as JSON text (`writeJson`). */
const jsonColumnsByTable = new Map<string, Promise<ReadonlySet<string>>>()
/** Per column list: the statement (one per table, column list and suffix). */
const statements = new WeakMap<readonly string[], Map<string, string>>()

/**
 * PostgreSQL's multi-row insert with a statement text that does not grow with the row count: the
 * rows are one jsonb array of objects keyed by column, turned into the table's row type by
 * `jsonb_populate_recordset`, so every value is read by its column's own type. Before, each row
 * count was a statement of its own (hundreds per process, each prepared on every connection).
 */
export async function insertRowsAsJson(
  tx: SqlRunner,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlParam[])[],
  suffix: string,
): Promise<void> {
  const json = await jsonColumns(tx, table)
  const sql = statementFor(table, columns, suffix)
  for (let i = 0; i < rows.length; i += MAX_ROWS) {
    const params = [rowsAsJson(table, columns, rows.slice(i, i + MAX_ROWS), json)]
    if (tx.insertLater) await tx.insertLater(table, sql, params)
    else await tx.run(sql, params)
  }
}

function statementFor(table: string, columns: readonly string[], suffix: string): string {
  let bySuffix = statements.get(columns)
  if (!bySuffix) {
    bySuffix = new Map()
    statements.set(columns, bySuffix)
  }
  let sql = bySuffix.get(`${table}|${suffix}`)
  if (!sql) {
    const list = columns.join(', ')
    sql = `insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ?::jsonb)${suffix}`
    bySuffix.set(`${table}|${suffix}`, sql)
  }
  return sql
}

function jsonColumns(tx: SqlRunner, table: string): Promise<ReadonlySet<string>> {
  let columns = jsonColumnsByTable.get(table)
  if (!columns) {
    // Every schema the hub opens is migrated the same way, so a table's columns are the same in each.
    columns = tx
      .all<{ column_name: string }>(
        `select column_name from information_schema.columns
          where table_schema = current_schema() and table_name = ? and data_type in ('json', 'jsonb')`,
        [table],
      )
      .then((rows) => new Set(rows.map((r) => r.column_name)))
    columns.catch(() => jsonColumnsByTable.delete(table))
    jsonColumnsByTable.set(table, columns)
  }
  return columns
}

/** The rows as JSON text; a json column's value is already JSON text and goes in as it is. */
function rowsAsJson(
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlParam[])[],
  json: ReadonlySet<string>,
): string {
  const keys = columns.map((c) => `${JSON.stringify(c)}:`)
  const raw = columns.map((c) => json.has(c))
  const parts: string[] = []
  for (const row of rows) {
    if (row.length !== columns.length)
      throw new Error(`${table}: a row of ${row.length} values for ${columns.length} columns`)
    let text = '{'
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) text += ','
      text += keys[c]! + jsonValue(row[c]!, raw[c]!)
    }
    parts.push(`${text}}`)
  }
  return `[${parts.join(',')}]`
}

function jsonValue(value: SqlParam, raw: boolean): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return raw ? value : JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a number PostgreSQL can store: ${value}`)
    return String(value)
  }
  if (typeof value === 'bigint') return value.toString()
  // bytea reads its hex input form.
  if (value instanceof Uint8Array) return JSON.stringify(`\\x${Buffer.from(value).toString('hex')}`)
  return JSON.stringify(value)
}
