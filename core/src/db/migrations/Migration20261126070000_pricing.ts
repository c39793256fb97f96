import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * Channel-aware pricing: price lists (per channel, customer group and currency, with validity;
 * a list with a customer is that customer's contract), their prices, cost per sku, exchange rates
 * with as-of dates, a revision counter the in-memory price book follows across hub processes, and
 * each order's prices with their explanation. Money BIGINT minor units; instants BIGINT epoch ms;
 * rates and percentages as decimal text, so nothing is ever a float.
 */
export class Migration20261126070000_pricing extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    add(
      knex.schema.createTable('price_list', (t) => {
        t.string('id', 64).notNullable().primary()
        t.string('name', 200).notNullable()
        t.string('currency', 3).notNullable()
        t.string('channel_instance_id', 64).nullable()
        t.string('customer_group', 60).nullable()
        t.uuid('customer_id').nullable()
        t.bigInteger('valid_from').nullable()
        t.bigInteger('valid_to').nullable()
        t.integer('priority').notNullable().defaultTo(0)
        t.bigInteger('tolerance_minor').notNullable().defaultTo(0)
        t.string('tolerance_percent', 20).notNullable().defaultTo('0')
        t.bigInteger('created_at').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.index(['customer_id'])
      }),
    )
    add(
      knex.schema.createTable('price_list_price', (t) => {
        t.string('price_list_id', 64).notNullable().references('price_list.id')
        t.string('sku', 120).notNullable().references('product.sku')
        t.bigInteger('unit_price_minor').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.primary(['price_list_id', 'sku'])
      }),
    )
    add(
      knex.schema.createTable('sku_cost', (t) => {
        t.string('sku', 120).notNullable().primary().references('product.sku')
        t.string('currency', 3).notNullable()
        t.bigInteger('cost_minor').notNullable()
        t.bigInteger('updated_at').notNullable()
      }),
    )
    add(
      knex.schema.createTable('exchange_rate', (t) => {
        t.string('base', 3).notNullable()
        t.string('quote', 3).notNullable()
        t.bigInteger('as_of').notNullable()
        t.string('rate', 40).notNullable()
        t.bigInteger('created_at').notNullable()
        t.primary(['base', 'quote', 'as_of'])
      }),
    )
    add(
      knex.schema.createTable('pricing_revision', (t) => {
        t.integer('id').notNullable().primary()
        t.bigInteger('revision').notNullable()
      }),
    )
    this.addSql('insert into pricing_revision (id, revision) values (1, 0)')
    add(
      knex.schema.createTable('order_pricing', (t) => {
        t.uuid('order_id').notNullable().primary().references('orders.id')
        t.string('currency', 3).notNullable()
        t.string('mode', 16).notNullable()
        t.uuid('rule_set_version_id').nullable()
        t.jsonb('lines').notNullable()
        t.jsonb('mismatches').nullable()
        t.bigInteger('created_at').notNullable()
      }),
    )
  }
}
