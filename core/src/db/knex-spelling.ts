import type { EntityMetadata, Platform } from '@mikro-orm/core'

/**
 * The tables are created by migrations written with knex's schema builder; for a few columns knex
 * writes the same thing differently from MikroORM, and the difference shows up in MikroORM's
 * schema diff (schema-drift.test.ts) although the column behaves the same. This runs at entity
 * discovery (`discovery.onMetadata`) and spells those columns as knex did, per dialect, so the
 * entities describe the tables as they are and the diff stays empty:
 * - knex quotes numeric defaults (`default '0'`): SQLite keeps the quotes for every column,
 *   PostgreSQL for bigint ones (`'0'::bigint`); booleans are `'1'`/`'0'` on SQLite;
 * - knex's `double` is `float` on SQLite (both REAL in SQLite, double precision on PostgreSQL).
 * It changes the description only: values read and written are the same either way.
 *
 * One thing the comparison cannot see on SQLite: MikroORM reads SQLite's foreign keys one column at
 * a time (`pragma foreign_key_list` rows are not grouped by constraint), so a composite key such as
 * `reservation_line (sku, location_id) → inventory_level` would always look different. On SQLite such a
 * key is left out of the description (the table keeps it); PostgreSQL's diff checks it.
 */
export function spellColumnsAsKnex(meta: EntityMetadata, platform: Platform): void {
  const sqlite = platform.constructor.name.toLowerCase().includes('sqlite')
  for (const prop of Object.values(meta.properties)) {
    if (sqlite && prop.type === 'double') prop.columnTypes = ['float']
    if (sqlite && prop.kind === 'm:1' && (prop.joinColumns?.length ?? 0) > 1)
      prop.createForeignKeyConstraint = false
    if (prop.defaultRaw !== undefined || prop.default === undefined || prop.default === null) continue
    const value = prop.default
    if (typeof value === 'boolean' && sqlite) prop.defaultRaw = `'${value ? 1 : 0}'`
    else if (typeof value === 'number' && (sqlite || prop.type === 'bigint')) prop.defaultRaw = `'${value}'`
  }
}
