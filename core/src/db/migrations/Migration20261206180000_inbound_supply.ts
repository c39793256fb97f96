import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * Future supply and pre-orders (issue 20): `inbound_supply` holds purchase orders and inbound
 * shipments expected at a location on a date (from the API or a WMS/ERP plugin's
 * `inbound.expected`) and what of them was received. A product may be sold as a pre-order
 * (`preorder`) against them, at most `preorder_cap` units of each inbound supply (null: all of it). No existing product is a pre-order. An order an `unfillable`
 * rule gave a priority keeps it in `orders.backorder_priority` (null: served in order of placement).
 */
export class Migration20261206180000_inbound_supply extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    add(
      knex.schema.createTable('inbound_supply', (t) => {
        t.uuid('id').notNullable().primary()
        t.string('sku', 120).notNullable().references('product.sku')
        t.string('location_id', 64).notNullable().references('location.id')
        t.integer('quantity_expected').notNullable()
        t.integer('quantity_received').notNullable().defaultTo(0)
        t.string('expected_date', 10).notNullable()
        t.string('status', 16).notNullable()
        t.string('source', 64).notNullable()
        t.string('external_ref', 120).nullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.unique(['source', 'external_ref'])
        // The promise walk and availability by date read a sku's open supply in date order.
        t.index(['sku', 'status', 'expected_date'])
      }),
    )
    add(
      knex.schema.alterTable('product', (t) => {
        t.boolean('preorder').notNullable().defaultTo(false)
        t.integer('preorder_cap').nullable()
      }),
    )
    add(knex.schema.alterTable('orders', (t) => t.integer('backorder_priority').nullable()))
  }
}
