import { Migration } from '@mikro-orm/migrations'

/**
 * The API key rate limit shared by hubs on one PostgreSQL database (rate-limiter-flexible's table,
 * in its own layout; server/src/http/shared-rate-limit.ts). Unused on SQLite, created for one schema.
 */
export class Migration20261206120000_rate_limit extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const statements = knex.schema
      .createTable('rate_limit', (t) => {
        t.string('key', 255).notNullable().primary()
        t.integer('points').notNullable().defaultTo(0)
        t.bigInteger('expire').nullable()
      })
      .toSQL()
    for (const s of statements) this.addSql(s.sql)
  }
}
