import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { EntityMetadata, MikroORM, Platform } from '@mikro-orm/core'
import { Migrator } from '@mikro-orm/migrations'
import { bindParameters } from './bound-parameters'
import type { DatabaseSettings } from './database-settings'
import { entities } from './entities'
import { keysWithinOrder, nameForeignKeyColumns } from './foreign-key'
import { spellColumnsAsKnex } from './knex-spelling'
import { migrationsList } from './migrations/index'

export type Orm = MikroORM

/**
 * MikroORM for the model, migrations and the admin API. The hot paths (intake, outbox) use
 * `SqlDb` with prepared statements instead; see ARCHITECTURE.md.
 */
export async function createOrm(settings: DatabaseSettings, options: { debug?: boolean } = {}): Promise<Orm> {
  const common = {
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: options.debug ?? false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: {
      warnWhenNoEntities: true,
      // The entities describe the tables the knex migrations made, as those spell them.
      onMetadata(meta: EntityMetadata, platform: Platform) {
        nameForeignKeyColumns(meta, platform)
        keysWithinOrder(meta, platform)
        spellColumnsAsKnex(meta, platform)
      },
    },
  }
  // A failing statement's error names it with its placeholders, never with the values (knex would
  // otherwise write the bound values into the message, and so into logs).
  const knexOptions = { compileSqlOnError: false }
  if (settings.dialect === 'postgresql') {
    const { MikroORM: PostgreSqlMikroORM } = await import('@mikro-orm/postgresql')
    const orm = await PostgreSqlMikroORM.init({
      ...common,
      clientUrl: settings.url,
      ...(settings.schema ? { schema: settings.schema } : {}),
      pool: { min: 0, max: Math.max(2, Math.ceil(settings.poolSize / 2)) },
      driverOptions: {
        ...knexOptions,
        ...(settings.schema ? { connection: { options: `-c search_path=${settings.schema}` } } : {}),
      },
    })
    bindParameters(orm)
    return orm
  }
  const { MikroORM: BetterSqliteMikroORM } = await import('@mikro-orm/better-sqlite')
  mkdirSync(dirname(settings.sqlitePath!), { recursive: true })
  const orm = await BetterSqliteMikroORM.init({
    ...common,
    dbName: settings.sqlitePath!,
    driverOptions: knexOptions,
    pool: {
      afterCreate(conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        // The intake path writes through its own connection; both wait for each other rather than fail.
        conn.pragma('journal_mode = WAL')
        conn.pragma('busy_timeout = 10000')
        conn.pragma(`synchronous = ${settings.sqliteSync === 'full' ? 'FULL' : 'NORMAL'}`)
        done(null, conn)
      },
    },
  })
  bindParameters(orm)
  return orm
}

/** Applies pending migrations; safe to call from several processes (PostgreSQL takes an advisory lock). */
export async function migrate(orm: Orm): Promise<string[]> {
  const migrator = orm.getMigrator()
  const isPg = orm.config.getPlatform().constructor.name.toLowerCase().includes('postgre')
  if (isPg) {
    const conn = orm.em.getConnection()
    // Two hub processes starting at once must not both create the tables.
    return (await conn.transactional(async (trx) => {
      await conn.execute('select pg_advisory_xact_lock(727274001)', [], 'all', trx)
      const pending = await migrator.getPendingMigrations()
      if (pending.length === 0) return []
      const done = await migrator.up()
      return done.map((m) => m.name)
    })) as string[]
  }
  const done = await migrator.up()
  return done.map((m) => m.name)
}
