import { Migration } from '@mikro-orm/migrations'

/**
 * Drop-ship suppliers' items (issue 20): per supplier location and sku, what the merchant pays the
 * supplier for one unit (counted in the routing cost) and the supplier's own part number (sent on
 * the 850 beside the hub's sku).
 */
export class Migration20261206210000_supplier_item extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    for (const statement of knex.schema
      .createTable('supplier_item', (t) => {
        t.string('location_id', 64).notNullable().references('location.id')
        t.string('sku', 120).notNullable().references('product.sku')
        t.bigInteger('unit_cost_minor').nullable()
        t.string('currency', 3).nullable()
        t.string('supplier_part_number', 48).nullable()
        t.bigInteger('updated_at').notNullable()
        t.primary(['location_id', 'sku'])
      })
      .toSQL())
      this.addSql(statement.sql)
  }
}
