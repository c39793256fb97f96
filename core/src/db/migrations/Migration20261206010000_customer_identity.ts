import { Migration } from '@mikro-orm/migrations'

interface CustomerRow {
  id: string
  email: string | null
  name: string | null
  phone: string | null
  tier: string | null
  segment: string | null
  created_at: number | string
}

export interface CustomerMergePlan {
  /** Each group of customers that share an email: the survivor, and the records folded into it. */
  merges: { survivor: string; losers: string[] }[]
  /** One email link per email, to the survivor of its group. */
  emails: { email: string; customerId: string }[]
}

const normalise = (email: string | null | undefined) => email?.trim().toLowerCase() || null

/**
 * Which customers are one: records that share an email (on the record or on one of their orders),
 * transitively. The survivor of a group is the one holding a contract, else the oldest, else the
 * smallest id, so the plan is the same on every run. Channel accounts cannot be recovered here
 * (hubs stored only a hash of them, as the customer id), so they are not grouped: a customer first
 * known by its channel account keeps that id, and resolution still finds it by recomputing it.
 */
export function planCustomerMerge(input: {
  customers: readonly Pick<CustomerRow, 'id' | 'email' | 'created_at'>[]
  orderEmails: readonly { customer_id: string; email: string | null }[]
  contractCustomers: ReadonlySet<string>
}): CustomerMergePlan {
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    let root = id
    while (parent.get(root) !== root) root = parent.get(root)!
    parent.set(id, root)
    return root
  }
  const firstByEmail = new Map<string, string>()
  const touch = (customerId: string, email: string | null) => {
    if (!parent.has(customerId)) parent.set(customerId, customerId)
    const e = normalise(email)
    if (!e) return
    const first = firstByEmail.get(e)
    if (first === undefined) firstByEmail.set(e, customerId)
    else parent.set(find(customerId), find(first))
  }
  for (const c of input.customers) touch(c.id, c.email)
  for (const o of input.orderEmails) touch(o.customer_id, o.email)

  const created = new Map(input.customers.map((c) => [c.id, Number(c.created_at)]))
  const rank = (id: string): [number, number, string] => [
    input.contractCustomers.has(id) ? 0 : 1,
    created.get(id) ?? Number.MAX_SAFE_INTEGER,
    id,
  ]
  const before = (a: string, b: string) => {
    const [x, y] = [rank(a), rank(b)]
    return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0)
  }
  const groups = new Map<string, string[]>()
  for (const id of parent.keys()) {
    const root = find(id)
    groups.set(root, [...(groups.get(root) ?? []), id])
  }
  const survivorOf = new Map<string, string>()
  const merges: CustomerMergePlan['merges'] = []
  for (const members of groups.values()) {
    const [survivor, ...losers] = [...members].sort(before)
    for (const m of members) survivorOf.set(m, survivor!)
    if (losers.length > 0) merges.push({ survivor: survivor!, losers })
  }
  const emails = [...firstByEmail].map(([email, id]) => ({ email, customerId: survivorOf.get(find(id))! }))
  return { merges, emails }
}

const INSERT_CHUNK = 500

/**
 * Customer identity (issue 12): one customer record however many identifiers its orders carry.
 * `customer_identity` binds each identifier (an email, or a channel instance's own account id) to
 * one customer. Existing customers that share an email are merged (orders and contracts move to
 * the survivor, whose empty fields are filled from the others) and every email known from
 * customers and orders is linked. `customer.merged_into` points a record merged later (at intake)
 * to its survivor. On PostgreSQL and SQLite alike, inside the migration transaction.
 */
export class Migration20261206010000_customer_identity extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex()
    const ddl = knex.schema.createTable('customer_identity', (t) => {
      t.string('value', 320).notNullable()
      t.string('kind', 16).notNullable()
      // '' for an email: a NULL would not take part in the unique key on either database.
      t.string('channel_instance_id', 64).notNullable()
      t.uuid('customer_id').notNullable().references('customer.id')
      t.bigInteger('created_at').notNullable()
      t.primary(['value', 'kind', 'channel_instance_id'])
      t.index(['customer_id'])
    })
    for (const statement of ddl.toSQL()) await this.execute(statement.sql)
    // Set when an order later shows two records to be one person (customers/customer-merge.ts).
    const pointer = knex.schema.alterTable('customer', (t) => t.uuid('merged_into').nullable())
    for (const statement of pointer.toSQL()) await this.execute(statement.sql)

    const customers = (await this.execute(
      'select id, email, name, phone, tier, segment, created_at from customer',
    )) as unknown as CustomerRow[]
    const orderEmails = (await this.execute(
      'select distinct customer_id, email from orders where customer_id is not null and email is not null',
    )) as unknown as { customer_id: string; email: string }[]
    const contracts = (await this.execute(
      'select distinct customer_id from price_list where customer_id is not null',
    )) as unknown as { customer_id: string }[]
    const contractCustomers = new Set(contracts.map((c) => c.customer_id))
    const plan = planCustomerMerge({ customers, orderEmails, contractCustomers })
    const byId = new Map(customers.map((c) => [c.id, c]))
    for (const { survivor, losers } of plan.merges) await this.fold(byId, survivor, losers)
    // Price books in memory reload when this counter moves.
    if (plan.merges.some((m) => m.losers.some((l) => contractCustomers.has(l))))
      await this.execute('update pricing_revision set revision = revision + 1')

    const now = Date.now()
    for (let i = 0; i < plan.emails.length; i += INSERT_CHUNK) {
      const chunk = plan.emails.slice(i, i + INSERT_CHUNK)
      await this.execute(
        `insert into customer_identity (value, kind, channel_instance_id, customer_id, created_at) values ${chunk
          .map(() => "(?, 'email', '', ?, ?)")
          .join(', ')}`,
        chunk.flatMap((e) => [e.email, e.customerId, now]),
      )
    }
  }

  /** Moves the losers' orders and contracts to the survivor, fills its empty fields, drops them. */
  private async fold(byId: Map<string, CustomerRow>, survivor: string, losers: string[]): Promise<void> {
    const marks = losers.map(() => '?').join(', ')
    await this.execute(`update orders set customer_id = ? where customer_id in (${marks})`, [
      survivor,
      ...losers,
    ])
    await this.execute(`update price_list set customer_id = ? where customer_id in (${marks})`, [
      survivor,
      ...losers,
    ])
    const rows = [survivor, ...losers].map((id) => byId.get(id)).filter((r): r is CustomerRow => !!r)
    const pick = (field: 'email' | 'name' | 'phone' | 'tier' | 'segment') =>
      rows.map((r) => r[field]).find((v) => v !== null && v !== '') ?? null
    await this.execute(
      'update customer set email = ?, name = ?, phone = ?, tier = ?, segment = ?, updated_at = ? where id = ?',
      [pick('email'), pick('name'), pick('phone'), pick('tier'), pick('segment'), Date.now(), survivor],
    )
    await this.execute(`delete from customer where id in (${marks})`, losers)
  }
}
