import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/** Returns (RMAs) with their lines, refunds, and stock written off as damaged. */
export class Migration20261126050000_returns extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    add(
      knex.schema.createTable('return_request', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('order_id').notNullable().references('orders.id')
        t.string('rma_number', 40).notNullable().unique()
        t.string('status', 20).notNullable()
        t.text('reason').nullable()
        t.string('location_id', 64).notNullable().references('location.id')
        t.string('external_return_id', 200).nullable()
        t.jsonb('exchange').nullable()
        t.uuid('exchange_order_id').nullable()
        t.jsonb('decision').notNullable()
        t.string('actor', 100).notNullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.index(['order_id'])
      }),
    )
    add(
      knex.schema.createTable('return_line', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('return_id').notNullable().references('return_request.id')
        t.uuid('order_line_id').notNullable().references('order_line.id')
        t.string('sku', 120).notNullable()
        t.integer('quantity').notNullable()
        t.integer('received_resellable').notNullable().defaultTo(0)
        t.integer('received_damaged').notNullable().defaultTo(0)
        t.index(['return_id'])
      }),
    )
    add(
      knex.schema.createTable('refund', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('order_id').notNullable().references('orders.id')
        t.uuid('return_id').nullable().references('return_request.id')
        t.string('status', 16).notNullable()
        t.bigInteger('amount_minor').notNullable()
        t.string('currency', 3).notNullable()
        t.jsonb('breakdown').notNullable()
        t.text('reason').nullable()
        t.string('source', 16).notNullable()
        t.string('external_refund_id', 200).nullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('confirmed_at').nullable()
        t.index(['order_id'])
      }),
    )
    add(
      knex.schema.createTable('stock_write_off', (t) => {
        t.uuid('id').notNullable().primary()
        t.string('sku', 120).notNullable().references('product.sku')
        t.string('location_id', 64).notNullable().references('location.id')
        t.integer('quantity').notNullable()
        t.string('reason', 40).notNullable()
        t.uuid('return_id').nullable().references('return_request.id')
        t.bigInteger('created_at').notNullable()
      }),
    )
  }
}
