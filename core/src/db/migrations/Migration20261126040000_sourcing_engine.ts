import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * The sourcing engine: carrier calendars and lanes (transit and cost per destination zone),
 * per-location per-local-day order counts for daily capacity, locations that rejected an order
 * (never routed there again), and rule set version settings. knex's schema builder, so SQLite and
 * PostgreSQL get the same schema; instants BIGINT epoch ms, money BIGINT minor units.
 */
export class Migration20261126040000_sourcing_engine extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }

    add(
      knex.schema.createTable('carrier_calendar', (t) => {
        t.string('id', 64).notNullable().primary()
        t.string('name', 200).notNullable()
        t.jsonb('non_delivery_days').notNullable()
        t.jsonb('holidays').notNullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('updated_at').notNullable()
      }),
    )

    add(
      knex.schema.createTable('carrier_lane', (t) => {
        t.string('id', 64).notNullable().primary()
        t.string('carrier', 100).notNullable()
        t.string('service_level', 20).notNullable()
        t.string('origin_location_id', 64).nullable().references('location.id')
        t.string('dest_country', 2).notNullable()
        t.string('dest_region', 120).nullable()
        t.string('dest_postcode_prefix', 20).nullable()
        t.integer('transit_days').notNullable()
        t.bigInteger('cost_minor').notNullable()
        t.string('currency', 3).notNullable()
        t.string('calendar_id', 64).nullable().references('carrier_calendar.id')
        t.bigInteger('created_at').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.index(['service_level', 'dest_country'])
      }),
    )

    add(
      knex.schema.createTable('location_day_load', (t) => {
        t.string('location_id', 64).notNullable().references('location.id')
        t.string('day', 10).notNullable()
        t.integer('orders').notNullable().defaultTo(0)
        t.bigInteger('updated_at').notNullable()
        t.primary(['location_id', 'day'])
      }),
    )

    add(
      knex.schema.createTable('location_rejection', (t) => {
        t.uuid('order_id').notNullable().references('orders.id')
        t.string('location_id', 64).notNullable()
        t.text('reason').nullable()
        t.bigInteger('created_at').notNullable()
        t.primary(['order_id', 'location_id'])
      }),
    )

    add(
      knex.schema.alterTable('rule_set_version', (t) => {
        t.jsonb('settings').nullable()
        t.bigInteger('updated_at').nullable()
      }),
    )
  }
}
