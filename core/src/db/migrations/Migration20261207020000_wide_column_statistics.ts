import { Migration } from '@mikro-orm/migrations'

/**
 * PostgreSQL only: no planner statistics for the wide JSON and text columns no query filters or
 * sorts on (a message's payload, a decision's explanation, an order's addresses and raw payload,
 * an event's data). ANALYZE sorted up to 30,000 sampled values of each to find its most common
 * ones, the largest part of analyzing these tables (outbox_message 514 against 368 ms,
 * routing_decision 372 against 153, orders 190 against 84, at 30,000 rows), and every hub's
 * statistics keeper (`table-statistics.ts`) and autovacuum analyze them again at each tenth
 * changed; the planner never used what it found.
 */
export const WIDE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  outbox_message: ['payload', 'last_error'],
  routing_decision: ['explanation', 'plan', 'summary'],
  orders: ['ship_to', 'bill_to', 'raw'],
  order_event: ['data'],
}

export class Migration20261207020000_wide_column_statistics extends Migration {
  override async up(): Promise<void> {
    if ((this.getKnex().client as { dialect?: string }).dialect !== 'postgresql') return
    for (const [table, columns] of Object.entries(WIDE_COLUMNS))
      this.addSql(
        `alter table ${table} ${columns.map((c) => `alter column ${c} set statistics 0`).join(', ')}`,
      )
  }
}
