import { freshDatabase } from '../fresh-database'
import { openSqlDb } from './open'
import type { SqlDb } from './sql-db'

/**
 * For the SqlDb layer's own tests: a SqlDb on a fresh database (`freshDatabase`), whose `close()`
 * also drops that database. Not exported from the package: tests only.
 */
export async function freshSqlDb(dialect: 'sqlite' | 'postgresql', name: string): Promise<SqlDb> {
  const fresh = await freshDatabase(dialect, name)
  const db = openSqlDb(fresh.settings)
  return {
    ...db,
    async close() {
      await db.close()
      await fresh.drop()
    },
  }
}
