import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshSqlDb } from './fresh-sql-db'
import { PLAN_EACH_CALL, type SqlDb } from './sql-db'

describe('PostgreSQL statements', () => {
  let db: SqlDb
  beforeAll(async () => {
    db = await freshSqlDb('postgresql', 'postgres-db')
  })
  afterAll(() => db.close())

  // One connection (a transaction's) so pg_prepared_statements shows what that session kept.
  const kept = (tx: Pick<SqlDb, 'all'>) =>
    tx.all<{ statement: string }>(`${PLAN_EACH_CALL}select statement from pg_prepared_statements`)

  it('keeps an ordinary statement prepared and plans a PLAN_EACH_CALL one afresh every time', async () => {
    const statements = await db.transaction(async (tx) => {
      await tx.all('select ?::int + 1 as kept_one', [1])
      await tx.all(`${PLAN_EACH_CALL}select ?::int + 2 as planned_each_call`, [1])
      return (await kept(tx)).map((r) => r.statement)
    })
    expect(statements.some((s) => s.includes('kept_one'))).toBe(true)
    expect(statements.some((s) => s.includes('planned_each_call'))).toBe(false)
  })

  it('answers a PLAN_EACH_CALL statement with its parameters', async () => {
    const row = await db.one<{ n: number }>(`${PLAN_EACH_CALL}select ?::int * ?::int as n`, [6, 7])
    expect(row?.n).toBe(42)
  })
})
