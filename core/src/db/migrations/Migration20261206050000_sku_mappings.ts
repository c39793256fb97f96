import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * Channel sku mappings (core/src/channels/sku-mappings), and on each order line the channel's own
 * sku and pack size, so every status update can tell the channel about its own listing in its own
 * units. Existing lines were never mapped: no channel sku, multiplier 1.
 */
export class Migration20261206050000_sku_mappings extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    add(
      knex.schema.createTable('sku_mapping', (t) => {
        t.string('channel_instance_id', 64).notNullable()
        t.string('channel_sku', 120).notNullable()
        t.string('hub_sku', 120).notNullable().references('product.sku')
        t.integer('multiplier').notNullable().defaultTo(1)
        t.bigInteger('created_at').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.primary(['channel_instance_id', 'channel_sku'])
        t.index(['hub_sku'])
      }),
    )
    add(
      knex.schema.alterTable('order_line', (t) => {
        t.string('channel_sku', 120).nullable()
        t.integer('channel_multiplier').notNullable().defaultTo(1)
      }),
    )
  }
}
