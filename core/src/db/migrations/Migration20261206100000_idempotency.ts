import { Migration } from '@mikro-orm/migrations'

/** Idempotency-Key records (core/src/idempotency): each caller's keys, the request, the answer. */
export class Migration20261206100000_idempotency extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const statements = knex.schema
      .createTable('idempotency_record', (t) => {
        t.string('caller_id', 64).notNullable()
        t.string('key', 255).notNullable()
        t.string('request_hash', 64).notNullable()
        t.string('status', 16).notNullable()
        t.bigInteger('locked_until').notNullable()
        t.integer('response_status').nullable()
        t.string('response_content_type', 200).nullable()
        t.text('response_body').nullable()
        t.bigInteger('created_at').notNullable()
        t.bigInteger('expires_at').notNullable()
        t.primary(['caller_id', 'key'])
        t.index(['expires_at'])
      })
      .toSQL()
    for (const s of statements) this.addSql(s.sql)
  }
}
