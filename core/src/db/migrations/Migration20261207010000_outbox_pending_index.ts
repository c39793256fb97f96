import { Migration } from '@mikro-orm/migrations'

/**
 * `outbox_message (id) where status = 'pending'`: the claim's walk in id order. With a deep backlog
 * PostgreSQL's statistics say most rows are pending, so it walked the primary key and skipped every
 * delivered message older than the oldest pending one (2,200 rows, 3.4 ms a claim, and growing with
 * history); the partial index holds only what a claim can take (0.2 ms). Delivered messages'
 * ids come first in the key order (ids are time-ordered), which no statistic tells the planner.
 */
export class Migration20261207010000_outbox_pending_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index if not exists outbox_message_pending_idx on outbox_message (id) where status = 'pending'`,
    )
  }
}
