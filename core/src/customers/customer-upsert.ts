import { insertRows } from '../db/sql/insert-rows'
import type { SqlParam, SqlRunner } from '../db/sql/sql-db'

/** What an order says of its customer, written as the customer row's fields. */
export interface CustomerFields {
  id: string
  email: string | null
  name: string | null
  phone: string | null
  tier: string | null
  segment: string | null
}

const COLUMNS = ['id', 'email', 'name', 'phone', 'tier', 'segment', 'created_at', 'updated_at']

// A record first made from a channel account takes the email of the first order that brings one;
// a field an order leaves out keeps its value. An order that changes nothing (a repeat customer,
// nearly every order once a hub has run a while) leaves the row alone: no new row version, no page
// written at commit, and `updated_at` stays the time the record last changed.
const UPSERT = ` on conflict (id) do update set email = coalesce(customer.email, excluded.email),
    name = coalesce(excluded.name, customer.name),
    phone = coalesce(excluded.phone, customer.phone), tier = coalesce(excluded.tier, customer.tier),
    segment = coalesce(excluded.segment, customer.segment), updated_at = excluded.updated_at
  where (customer.email is null and excluded.email is not null)
    or (excluded.name is not null and excluded.name is distinct from customer.name)
    or (excluded.phone is not null and excluded.phone is distinct from customer.phone)
    or (excluded.tier is not null and excluded.tier is distinct from customer.tier)
    or (excluded.segment is not null and excluded.segment is distinct from customer.segment)`

/**
 * Creates or updates the customer records of a batch of orders in one statement. One row per
 * customer (PostgreSQL refuses to upsert the same row twice in one statement): the last order's.
 */
export async function upsertCustomers(tx: SqlRunner, customers: readonly CustomerFields[], now: number) {
  const rows = new Map<string, SqlParam[]>()
  for (const c of customers) rows.set(c.id, [c.id, c.email, c.name, c.phone, c.tier, c.segment, now, now])
  // In id order: two hubs upserting the same customers lock their rows in the same order.
  const sorted = [...rows.keys()].sort().map((id) => rows.get(id)!)
  await insertRows(tx, 'customer', COLUMNS, sorted, UPSERT)
}
