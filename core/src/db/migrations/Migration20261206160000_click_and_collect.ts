import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * Click and collect (issue 20): a location may accept pickup (no existing one does until an
 * operator says so); an order collected at a store names it (null: shipped, as every existing
 * order is) and records when the store had it ready, from which its expiry runs.
 */
export class Migration20261206160000_click_and_collect extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    add(
      knex.schema.alterTable('location', (t) => {
        t.boolean('accepts_pickup').notNullable().defaultTo(false)
      }),
    )
    add(
      knex.schema.alterTable('orders', (t) => {
        t.string('pickup_location_id', 64).nullable()
        t.bigInteger('pickup_ready_at').nullable()
      }),
    )
    // The expiry run reads only the orders waiting at a counter.
    this.addSql(
      'create index orders_pickup_ready_idx on orders (pickup_ready_at) where pickup_ready_at is not null',
    )
  }
}
