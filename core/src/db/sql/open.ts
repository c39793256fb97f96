import type { DatabaseSettings } from '../database-settings'
import { openPostgresDb } from './postgres-db'
import type { SqlDb } from './sql-db'
import { openSqliteDb } from './sqlite-db'

/**
 * `secondary`: a second connection set of a process whose first one already runs the WAL
 * checkpoints (the hub's delivery thread), so it starts no checkpointer of its own.
 */
export function openSqlDb(settings: DatabaseSettings, options: { secondary?: boolean } = {}): SqlDb {
  if (settings.dialect === 'postgresql') {
    return openPostgresDb(settings.url!, { schema: settings.schema, poolSize: settings.poolSize })
  }
  return openSqliteDb(settings.sqlitePath!, settings.sqliteSync, { checkpoints: !options.secondary })
}
