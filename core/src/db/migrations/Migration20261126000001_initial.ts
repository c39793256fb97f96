import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * The initial schema, written with knex's schema builder rather than dialect SQL so that SQLite and
 * PostgreSQL get the same tables, columns, keys and indexes from one source.
 * Instants are BIGINT epoch milliseconds (see EpochMsType); money is BIGINT minor units.
 */
export class Migration20261126000001_initial extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    const stamps = (t: Knex.CreateTableBuilder) => {
      t.bigInteger('created_at').notNullable()
      t.bigInteger('updated_at').notNullable()
    }

    add(
      knex.schema.createTable('product', (t) => {
        t.string('sku', 120).notNullable().primary()
        t.string('name', 300).notNullable()
        t.string('category', 120).nullable()
        t.boolean('hazmat').notNullable().defaultTo(false)
        t.boolean('high_value').notNullable().defaultTo(false)
        t.integer('weight_grams').nullable()
        t.jsonb('attributes').notNullable()
        stamps(t)
      }),
    )

    add(
      knex.schema.createTable('plugin_instance', (t) => {
        t.string('id', 64).notNullable().primary()
        t.string('plugin', 200).notNullable()
        t.string('kind', 20).notNullable()
        t.string('version', 40).notNullable()
        t.string('status', 20).notNullable().defaultTo('active')
        t.bigInteger('last_success_at').nullable()
        t.bigInteger('last_error_at').nullable()
        t.text('last_error').nullable()
        t.integer('consecutive_failures').notNullable().defaultTo(0)
        stamps(t)
      }),
    )

    add(
      knex.schema.createTable('plugin_state', (t) => {
        t.string('instance_id', 64).notNullable()
        t.string('key', 200).notNullable()
        t.jsonb('value').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.primary(['instance_id', 'key'])
      }),
    )

    add(
      knex.schema.createTable('webhook_receipt', (t) => {
        t.string('instance_id', 64).notNullable()
        t.string('dedupe_key', 200).notNullable()
        t.bigInteger('received_at').notNullable()
        t.primary(['instance_id', 'dedupe_key'])
      }),
    )

    add(
      knex.schema.createTable('location', (t) => {
        t.string('id', 64).notNullable().primary()
        t.string('name', 200).notNullable()
        t.string('type', 20).notNullable()
        t.string('line1', 300).nullable()
        t.string('city', 120).nullable()
        t.string('region', 120).nullable()
        t.string('postcode', 20).nullable()
        t.string('country', 2).notNullable()
        t.double('lat').notNullable()
        t.double('lon').notNullable()
        t.string('timezone', 64).notNullable()
        t.jsonb('tags').notNullable()
        t.integer('daily_capacity').nullable()
        t.string('cutoff_time', 5).notNullable().defaultTo('15:00')
        t.integer('handling_days').notNullable().defaultTo(0)
        t.boolean('active').notNullable().defaultTo(true)
        t.boolean('accepts_returns').notNullable().defaultTo(true)
        t.integer('priority').notNullable().defaultTo(100)
        t.string('wms_instance_id', 64).nullable()
        stamps(t)
      }),
    )

    add(
      knex.schema.createTable('inventory_level', (t) => {
        t.string('sku', 120).notNullable().references('product.sku')
        t.string('location_id', 64).notNullable().references('location.id')
        t.integer('on_hand').notNullable().defaultTo(0)
        t.integer('allocated').notNullable().defaultTo(0)
        t.integer('reserved').notNullable().defaultTo(0)
        t.integer('safety_stock').notNullable().defaultTo(0)
        t.bigInteger('snapshot_at').nullable()
        t.bigInteger('updated_at').notNullable()
        t.primary(['sku', 'location_id'])
      }),
    )

    add(
      knex.schema.createTable('customer', (t) => {
        t.uuid('id').notNullable().primary()
        t.string('email', 320).nullable()
        t.string('name', 200).nullable()
        t.string('phone', 40).nullable()
        t.string('tier', 60).nullable()
        t.string('segment', 60).nullable()
        stamps(t)
        t.index(['email'])
      }),
    )

    add(
      knex.schema.createTable('orders', (t) => {
        t.uuid('id').notNullable().primary()
        t.string('channel_instance_id', 64).notNullable()
        t.string('external_order_id', 200).notNullable()
        t.string('order_number', 100).nullable()
        t.string('status', 24).notNullable()
        t.string('currency', 3).notNullable()
        t.uuid('customer_id').nullable().references('customer.id')
        t.string('email', 320).nullable()
        t.jsonb('ship_to').notNullable()
        t.jsonb('bill_to').nullable()
        t.string('service_level', 20).notNullable()
        t.bigInteger('subtotal_minor').notNullable().defaultTo(0)
        t.bigInteger('shipping_minor').notNullable().defaultTo(0)
        t.bigInteger('total_minor').notNullable().defaultTo(0)
        t.jsonb('tags').notNullable()
        t.text('notes').nullable()
        t.text('hold_reason').nullable()
        t.jsonb('raw').nullable()
        t.bigInteger('placed_at').notNullable()
        t.bigInteger('received_at').notNullable()
        t.bigInteger('updated_at').notNullable()
        t.integer('version').notNullable().defaultTo(1)
        t.unique(['channel_instance_id', 'external_order_id'])
        t.index(['status'])
        t.index(['received_at'])
      }),
    )

    add(
      knex.schema.createTable('order_line', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('order_id').notNullable().references('orders.id')
        t.integer('line_no').notNullable()
        t.string('external_line_id', 200).nullable()
        t.string('sku', 120).notNullable().references('product.sku')
        t.string('name', 300).nullable()
        t.integer('quantity').notNullable()
        t.bigInteger('unit_price_minor').nullable()
        t.bigInteger('discount_minor').notNullable().defaultTo(0)
        t.integer('allocated_qty').notNullable().defaultTo(0)
        t.integer('backordered_qty').notNullable().defaultTo(0)
        t.integer('shipped_qty').notNullable().defaultTo(0)
        t.integer('cancelled_qty').notNullable().defaultTo(0)
        t.index(['order_id'])
      }),
    )

    add(
      knex.schema.createTable('fulfilment', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('order_id').notNullable().references('orders.id')
        t.string('location_id', 64).notNullable().references('location.id')
        t.string('wms_instance_id', 64).nullable()
        t.string('status', 16).notNullable()
        t.string('external_ref', 200).nullable()
        t.string('carrier', 100).nullable()
        t.string('tracking_number', 200).nullable()
        t.string('tracking_url', 500).nullable()
        t.string('external_shipment_id', 200).nullable()
        t.bigInteger('shipped_at').nullable()
        t.text('reason').nullable()
        stamps(t)
        t.index(['order_id'])
      }),
    )

    add(
      knex.schema.createTable('allocation', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('order_id').notNullable().references('orders.id')
        t.uuid('line_id').notNullable().references('order_line.id')
        t.string('sku', 120).notNullable()
        t.string('location_id', 64).notNullable()
        t.integer('quantity').notNullable()
        t.string('status', 16).notNullable()
        t.uuid('fulfilment_id').nullable().references('fulfilment.id')
        stamps(t)
        t.index(['order_id'])
        t.index(['fulfilment_id'])
        t.foreign(['sku', 'location_id']).references(['sku', 'location_id']).inTable('inventory_level')
      }),
    )

    add(
      knex.schema.createTable('order_event', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('order_id').notNullable().references('orders.id')
        t.string('type', 40).notNullable()
        t.string('from_status', 24).nullable()
        t.string('to_status', 24).nullable()
        t.jsonb('data').nullable()
        t.string('actor', 100).nullable()
        t.bigInteger('created_at').notNullable()
        t.index(['order_id'])
      }),
    )

    add(
      knex.schema.createTable('routing_decision', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('order_id').notNullable().references('orders.id')
        t.integer('attempt').notNullable().defaultTo(1)
        t.uuid('rule_set_version_id').nullable()
        t.string('strategy', 100).notNullable()
        t.jsonb('plan').notNullable()
        t.jsonb('explanation').notNullable()
        t.text('summary').notNullable()
        t.bigInteger('created_at').notNullable()
        t.index(['order_id'])
      }),
    )

    add(
      knex.schema.createTable('outbox_message', (t) => {
        t.uuid('id').notNullable().primary()
        t.string('topic', 40).notNullable()
        t.string('instance_id', 64).notNullable()
        t.uuid('order_id').nullable()
        t.string('idempotency_key', 200).notNullable().unique()
        t.jsonb('payload').notNullable()
        t.string('status', 16).notNullable().defaultTo('pending')
        t.integer('attempts').notNullable().defaultTo(0)
        t.integer('max_attempts').notNullable().defaultTo(12)
        t.bigInteger('next_attempt_at').notNullable()
        t.string('locked_by', 100).nullable()
        t.bigInteger('locked_until').nullable()
        t.text('last_error').nullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('delivered_at').nullable()
        t.index(['status', 'id'])
        t.index(['order_id', 'instance_id'])
      }),
    )

    add(
      knex.schema.createTable('outbox_attempt', (t) => {
        t.uuid('id').notNullable().primary()
        t.uuid('message_id').notNullable().references('outbox_message.id')
        t.integer('attempt').notNullable()
        t.string('worker', 100).notNullable()
        t.bigInteger('started_at').notNullable()
        t.integer('duration_ms').notNullable()
        t.string('outcome', 16).notNullable()
        t.text('error').nullable()
        t.index(['message_id'])
      }),
    )

    add(
      knex.schema.createTable('rule_set', (t) => {
        t.string('id', 64).notNullable().primary()
        t.string('kind', 20).notNullable()
        t.string('name', 200).notNullable()
        t.text('description').nullable()
        t.uuid('live_version_id').nullable()
        stamps(t)
      }),
    )

    add(
      knex.schema.createTable('rule_set_version', (t) => {
        t.uuid('id').notNullable().primary()
        t.string('rule_set_id', 64).notNullable().references('rule_set.id')
        t.integer('version').notNullable()
        t.string('status', 16).notNullable()
        t.jsonb('rules').notNullable()
        t.jsonb('graph').nullable()
        t.string('author', 200).nullable()
        t.text('comment').nullable()
        t.bigInteger('effective_from').nullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('published_at').nullable()
        t.unique(['rule_set_id', 'version'])
      }),
    )

    add(
      knex.schema.createTable('api_key', (t) => {
        t.uuid('id').notNullable().primary()
        t.string('name', 200).notNullable()
        t.string('prefix', 32).notNullable().unique()
        t.string('hash', 64).notNullable()
        t.string('role', 20).notNullable()
        t.string('channel_instance_id', 64).nullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('last_used_at').nullable()
        t.bigInteger('revoked_at').nullable()
      }),
    )
  }
}
