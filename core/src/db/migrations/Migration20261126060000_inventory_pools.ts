import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * Channel pools and caps, reservations, and the inventory event ledger (each WMS event applied
 * once), plus what was last told to each channel about its available stock.
 */
export class Migration20261126060000_inventory_pools extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    // Units of location pools still protected for their channel: kept beside allocated/reserved so
    // one conditional update guards every take.
    add(knex.schema.alterTable('inventory_level', (t) => t.integer('protected').notNullable().defaultTo(0)))
    add(
      knex.schema.createTable('channel_pool', (t) => {
        t.uuid('id').notNullable().primary()
        t.string('channel_instance_id', 64).notNullable()
        t.string('sku', 120).notNullable().references('product.sku')
        // Null: network-wide.
        t.string('location_id', 64).nullable().references('location.id')
        t.integer('protected_qty').notNullable().defaultTo(0)
        t.integer('remaining').notNullable().defaultTo(0)
        t.boolean('may_borrow').notNullable().defaultTo(true)
        t.integer('cap_units').nullable()
        t.double('cap_percent').nullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.unique(['channel_instance_id', 'sku', 'location_id'])
        t.index(['sku'])
      }),
    )
    add(knex.schema.alterTable('allocation', (t) => t.uuid('pool_id').nullable()))
    add(
      knex.schema.createTable('reservation', (t) => {
        t.uuid('id').notNullable().primary()
        t.string('channel_instance_id', 64).notNullable()
        t.string('status', 16).notNullable()
        t.string('reference', 200).nullable()
        t.bigInteger('expires_at').notNullable()
        t.uuid('order_id').nullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.index(['status', 'expires_at'])
      }),
    )
    add(
      knex.schema.createTable('reservation_line', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('reservation_id').notNullable().references('reservation.id')
        t.string('sku', 120).notNullable()
        t.string('location_id', 64).notNullable()
        t.integer('quantity').notNullable()
        t.index(['reservation_id'])
        t.foreign(['sku', 'location_id']).references(['sku', 'location_id']).inTable('inventory_level')
      }),
    )
    add(
      knex.schema.createTable('inventory_event', (t) => {
        t.string('source', 64).notNullable()
        t.string('event_id', 200).notNullable()
        t.string('kind', 16).notNullable()
        t.string('sku', 120).notNullable()
        t.string('location_id', 64).notNullable()
        t.integer('quantity').notNullable()
        t.bigInteger('occurred_at').notNullable()
        t.bigInteger('applied_at').notNullable()
        t.primary(['source', 'event_id'])
      }),
    )
    add(
      knex.schema.createTable('channel_stock_pushed', (t) => {
        t.string('channel_instance_id', 64).notNullable()
        t.string('sku', 120).notNullable()
        t.integer('available').notNullable()
        t.bigInteger('pushed_at').notNullable()
        t.primary(['channel_instance_id', 'sku'])
      }),
    )
  }
}
