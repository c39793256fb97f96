import type { SqlParam } from './sql-db'

interface Pending {
  table: string
  sql: string
  params: readonly SqlParam[]
}

/**
 * The inserts a PostgreSQL transaction has not sent yet. A run of them goes as one statement,
 * `WITH i0 AS (insert …), i1 AS (insert …) SELECT 1`: PostgreSQL runs every part, and checks
 * foreign keys at the end of the statement, so within one run a child table may come before its
 * parent (callers still insert parents first: any other statement sends the run). A second
 * insert into a table already waiting sends the run first: two parts of one statement cannot see
 * each other's rows, so an upsert must not meet a row of its own statement.
 */
export class DeferredInserts {
  private pending: Pending[] = []

  constructor(private readonly send: (sql: string, params: readonly SqlParam[]) => Promise<unknown>) {}

  async add(table: string, sql: string, params: readonly SqlParam[]): Promise<void> {
    if (this.pending.some((p) => p.table === table)) await this.flush()
    this.pending.push({ table, sql, params })
  }

  async flush(): Promise<void> {
    const pending = this.pending
    if (pending.length === 0) return
    this.pending = []
    if (pending.length === 1) {
      await this.send(pending[0]!.sql, pending[0]!.params)
      return
    }
    // The same tables in the same order give the same text, so it is prepared once per connection.
    const sql = `with ${pending.map((p, i) => `i${i} as (${p.sql})`).join(', ')} select 1`
    await this.send(
      sql,
      pending.flatMap((p) => p.params),
    )
  }
}
