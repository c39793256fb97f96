import { Migration } from '@mikro-orm/migrations'

/**
 * Kits and bundles (issue 20): `kit_component` is a kit's bill of materials. A kit has no stock row
 * of its own (its components' rows are what allocation, shipment and returns move), so an
 * allocation of a kit line no longer points at an `inventory_level` row: the foreign key
 * `allocation (sku, location_id) → inventory_level` goes. The stock writer's conditional updates
 * on the component rows are what keep stock honest. On SQLite a foreign key can only go by
 * rebuilding the table (same columns and indexes, the key left out).
 */
export class Migration20261206150000_kits extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const ddl = knex.schema.createTable('kit_component', (t) => {
      t.string('kit_sku', 120).notNullable().references('product.sku')
      t.string('component_sku', 120).notNullable().references('product.sku')
      t.integer('quantity').notNullable()
      t.bigInteger('created_at').notNullable()
      t.primary(['kit_sku', 'component_sku'])
      t.index(['component_sku'])
    })
    for (const statement of ddl.toSQL()) await this.execute(statement.sql)

    const sqlite = this.driver.getPlatform().constructor.name.toLowerCase().includes('sqlite')
    if (!sqlite) {
      await this.execute(
        'alter table "allocation" drop constraint if exists "allocation_sku_location_id_foreign"',
      )
      return
    }
    const [table] = (await this.execute(
      `select sql from sqlite_master where type = 'table' and name = 'allocation'`,
    )) as unknown as { sql: string }[]
    const indexes = (await this.execute(
      `select sql from sqlite_master where type = 'index' and tbl_name = 'allocation' and sql is not null`,
    )) as unknown as { sql: string }[]
    const withoutKey = table!.sql
      .replace(
        /,\s*(?:constraint\s+`[^`]+`\s+)?foreign key\s*\(\s*`sku`\s*,\s*`location_id`\s*\)\s*references\s*`inventory_level`\s*\(\s*`sku`\s*,\s*`location_id`\s*\)/i,
        '',
      )
      .replace(/^create table\s+[`"]?allocation[`"]?/i, 'create table `allocation_rebuilt`')
    if (withoutKey.includes('inventory_level'))
      throw new Error('allocation: the stock foreign key was not found')
    await this.execute(withoutKey)
    await this.execute('insert into `allocation_rebuilt` select * from `allocation`')
    await this.execute('drop table `allocation`')
    await this.execute('alter table `allocation_rebuilt` rename to `allocation`')
    for (const i of indexes) await this.execute(i.sql)
  }
}
