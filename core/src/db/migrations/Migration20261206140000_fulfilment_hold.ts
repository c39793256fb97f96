import type { Knex } from '@mikro-orm/knex'
import { Migration } from '@mikro-orm/migrations'

/**
 * A warehouse's hold on a fulfilment it accepted (ShipBob's `On Hold`: an invalid address, missing
 * customs data): why, and since when. Beside the status, not a status (see `fulfilment.entity.ts`).
 * Existing fulfilments are not held.
 */
export class Migration20261206140000_fulfilment_hold extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const add = (builder: Knex.SchemaBuilder) => {
      for (const statement of builder.toSQL()) this.addSql(statement.sql)
    }
    add(
      knex.schema.alterTable('fulfilment', (t) => {
        t.text('hold_reason').nullable()
        t.bigInteger('held_at').nullable()
      }),
    )
    // The orders list's "held at warehouse" queue reads only the few held fulfilments.
    this.addSql('create index fulfilment_held_idx on fulfilment (order_id) where hold_reason is not null')
  }
}
