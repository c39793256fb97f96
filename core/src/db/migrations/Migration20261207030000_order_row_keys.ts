import { Migration } from '@mikro-orm/migrations'

/**
 * PostgreSQL only: the foreign keys between an order's own rows go (lines, fulfilments,
 * allocations, events and its routing decision, to the order, line or fulfilment they belong to).
 * Intake writes an order and all of those rows in one statement (`one-statement-write.ts`) or one
 * transaction, through the order store alone, and nothing deletes them; the checks could only
 * catch a bug in that one writer. On PostgreSQL each check is a query run by a trigger plus a
 * WAL-logged row lock on the parent, about fourteen an order: with them gone intake's write
 * statement took a third less time (`pg_stat_statements`, 303–370 against 207–234 µs a delivered
 * message; docs/benchmarks.md, where `bench scale`'s rates stay within the machine's spread).
 *
 * Keys to rows that other modules write and edit (product, location, customer) stay. SQLite keeps
 * these too: there a check is an in-process b-tree probe with no lock, and every test that runs on
 * SQLite (the default) still checks the order store's writes; on PostgreSQL, the tests of the
 * one-statement write check that no row lacks its parent.
 */
export const ORDER_ROW_KEYS: readonly (readonly [table: string, column: string])[] = [
  ['order_line', 'order_id'],
  ['fulfilment', 'order_id'],
  ['allocation', 'order_id'],
  ['allocation', 'line_id'],
  ['allocation', 'fulfilment_id'],
  ['order_event', 'order_id'],
  ['routing_decision', 'order_id'],
]

export class Migration20261207030000_order_row_keys extends Migration {
  override async up(): Promise<void> {
    if ((this.getKnex().client as { dialect?: string }).dialect !== 'postgresql') return
    for (const [table, column] of ORDER_ROW_KEYS)
      this.addSql(`alter table ${table} drop constraint if exists ${table}_${column}_foreign`)
  }
}
