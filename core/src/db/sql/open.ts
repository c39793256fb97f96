import type { DatabaseSettings } from '../database-settings'
import { openPostgresDb } from './postgres-db'
import type { SqlDb } from './sql-db'
import { openSqliteDb } from './sqlite-db'

export function openSqlDb(settings: DatabaseSettings): SqlDb {
  if (settings.dialect === 'postgresql') {
    return openPostgresDb(settings.url!, { schema: settings.schema, poolSize: settings.poolSize })
  }
  return openSqliteDb(settings.sqlitePath!, settings.sqliteSync)
}
