import { Migration } from '@mikro-orm/migrations'

/** The audit trail of API writes (core/src/audit), append-only. */
export class Migration20261206110000_audit extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const statements = knex.schema
      .createTable('audit_entry', (t) => {
        t.uuid('id').notNullable().primary()
        t.bigInteger('at').notNullable()
        t.string('key_id', 64).notNullable()
        t.string('key_name', 200).notNullable()
        t.string('role', 32).notNullable()
        t.string('channel_scope', 64).nullable()
        t.string('method', 8).notNullable()
        t.string('path', 2048).notNullable()
        t.string('route', 300).notNullable()
        t.integer('status').notNullable()
        t.string('request_id', 100).nullable()
        t.jsonb('request').nullable()
        t.jsonb('before').nullable()
        t.jsonb('after').nullable()
        t.index(['key_id', 'id'])
        t.index(['route', 'id'])
      })
      .toSQL()
    for (const s of statements) this.addSql(s.sql)
  }
}
