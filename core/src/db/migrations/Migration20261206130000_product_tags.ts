import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * Tags on products (fragile, lithium, made-in-nz), which rules test as `line.tags` and
 * `order.productTags` and the rule editor offers as values. Existing products have none.
 */
export class Migration20261206130000_product_tags extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    add(knex.schema.alterTable('product', (t) => t.jsonb('tags').notNullable().defaultTo('[]')))
  }
}
