import { Migration } from '@mikro-orm/migrations'

/**
 * The orders list of the console (issue 15) on a million orders: the promise date becomes a column
 * (it lived only in the routing decision's JSON, which no index can reach), and the list's filters
 * and sorts get indexes. Composite indexes end in (placed_at, id) so a filter and the default sort
 * are one index walk; the two partial indexes hold only open or held orders, so intake pays for them
 * only on the orders they describe. `orders(status)` becomes `orders(status, placed_at, id)`.
 */
export class Migration20261206070000_order_search extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const postgres = (knex.client as { dialect?: string }).dialect === 'postgresql'
    const alter = knex.schema.alterTable('orders', (t) => {
      // The promised delivery date (YYYY-MM-DD), the latest routing decision's; null until routed.
      t.string('promise_date', 10).nullable()
    })
    for (const statement of alter.toSQL()) this.addSql(statement.sql)
    const promise = postgres ? "d.plan->>'promiseDate'" : "json_extract(d.plan, '$.promiseDate')"
    this.addSql(
      `update orders set promise_date = (select ${promise} from routing_decision d where d.order_id = orders.id order by d.attempt desc limit 1)`,
    )
    this.addSql('drop index if exists orders_status_index')
    this.addSql('create index orders_status_placed_at_id_index on orders (status, placed_at, id)')
    this.addSql('create index orders_placed_at_id_index on orders (placed_at, id)')
    this.addSql(
      'create index orders_channel_instance_id_placed_at_id_index on orders (channel_instance_id, placed_at, id)',
    )
    this.addSql('create index orders_promise_date_id_index on orders (promise_date, id)')
    this.addSql('create index orders_order_number_index on orders (order_number)')
    this.addSql('create index orders_customer_id_index on orders (customer_id)')
    // Open orders by status and promise: late (each open status's range of passed promises, covering,
    // so the page is chosen without reading rows) and a status queue sorted by promise, whose order
    // (promise_date, id) the index holds as it is, null promises (held, backordered) included.
    this.addSql(
      `create index orders_open_promise_idx on orders (status, promise_date, id, placed_at) where ${OPEN_ORDER}`,
    )
    this.addSql('create index orders_held_placed_idx on orders (placed_at) where hold_reason is not null')
    this.addSql('create index order_line_sku_order_id_index on order_line (sku, order_id)')
    this.addSql("create index fulfilment_cancelling_idx on fulfilment (order_id) where status = 'cancelling'")
    this.addSql('create index customer_name_lower_idx on customer (lower(name))')
  }
}

/** An order that is neither fully shipped nor cancelled: the orders a promise still binds. */
const OPEN_ORDER = "status not in ('shipped', 'cancelled')"
