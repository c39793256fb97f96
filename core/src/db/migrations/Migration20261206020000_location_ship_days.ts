import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * The weekdays each location hands parcels to carriers, which were Monday to Friday for every
 * location by a rule in code: existing locations keep exactly that.
 */
export class Migration20261206020000_location_ship_days extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    add(
      knex.schema.alterTable('location', (t) =>
        t
          .jsonb('ship_days')
          .notNullable()
          .defaultTo(JSON.stringify(['mon', 'tue', 'wed', 'thu', 'fri'])),
      ),
    )
  }
}
