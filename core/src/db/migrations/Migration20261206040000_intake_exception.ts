import { Migration } from '@mikro-orm/migrations'

/**
 * The intake exception inbox (issue 14): authentic channel orders the hub could not take, kept
 * with their payload and reasons until replayed or discarded. `open_key` is set only while open and
 * unique per instance, so a channel order arriving again updates its open exception.
 */
export class Migration20261206040000_intake_exception extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const ddl = knex.schema.createTable('intake_exception', (t) => {
      t.uuid('id').notNullable().primary()
      t.string('channel_instance_id', 64).notNullable()
      t.string('external_order_id', 200).nullable()
      t.string('open_key', 64).nullable()
      t.string('status', 16).notNullable()
      t.string('source', 300).notNullable()
      t.string('content_type', 200).nullable()
      t.text('payload').nullable()
      t.string('payload_encoding', 8).notNullable()
      t.boolean('payload_truncated').notNullable().defaultTo(false)
      t.jsonb('parsed').nullable()
      t.jsonb('reasons').notNullable()
      t.integer('occurrences').notNullable().defaultTo(1)
      t.bigInteger('first_seen_at').notNullable()
      t.bigInteger('last_seen_at').notNullable()
      t.uuid('order_id').nullable()
      t.bigInteger('replayed_at').nullable()
      t.string('discarded_by', 200).nullable()
      t.text('discard_reason').nullable()
      t.bigInteger('discarded_at').nullable()
      t.bigInteger('updated_at').notNullable()
      t.unique(['channel_instance_id', 'open_key'])
      t.index(['status', 'channel_instance_id'])
    })
    for (const statement of ddl.toSQL()) this.addSql(statement.sql)
  }
}
