import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * The partner's routing headers kept with an intake exception (Shopify's `x-shopify-topic`,
 * WooCommerce's `x-wc-webhook-topic`…), so a replay can run the plugin's parse again: those parses
 * read the topic from a header. Never signatures, tokens or authorization: the service keeps only
 * a closed list of names.
 */
export class Migration20261206090000_intake_exception_headers extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    add(knex.schema.alterTable('intake_exception', (t) => t.jsonb('headers').nullable()))
  }
}
