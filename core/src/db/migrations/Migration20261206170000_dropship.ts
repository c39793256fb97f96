import { Migration } from '@mikro-orm/migrations'

/**
 * Drop-ship suppliers (issue 20): a location may charge a fee per shipment on top of its lanes
 * (a supplier's drop-ship fee, counted in the routing cost), and its stock may age out: rows whose
 * newest feed snapshot is older than `feed_max_age_hours` are not sold (null: stock never ages, as
 * for every existing location).
 */
export class Migration20261206170000_dropship extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    for (const statement of knex.schema
      .alterTable('location', (t) => {
        t.integer('shipment_fee_minor').notNullable().defaultTo(0)
        t.integer('feed_max_age_hours').nullable()
      })
      .toSQL())
      this.addSql(statement.sql)
  }
}
