import type { SqlRunner } from '../db/sql/sql-db'
import { moveOrdersToCustomer } from '../orders/store'

/**
 * Folds customer `from` into `into`, inside the caller's transaction: its identifiers, orders and
 * contracts move, `into` keeps its own fields and takes `from`'s where it has none, and `from`'s
 * record stays as a pointer (`merged_into`) so a hub that still remembers `from` for an identifier
 * is sent on. Returns whether contracts moved (the price books must then reload).
 */
export async function mergeCustomer(
  tx: SqlRunner,
  from: string,
  into: string,
  now: number,
): Promise<boolean> {
  // `into` may so far be known only by a contract: the links and orders need its record.
  await tx.run(
    'insert into customer (id, created_at, updated_at) values (?, ?, ?) on conflict (id) do nothing',
    [into, now, now],
  )
  await tx.run('update customer_identity set customer_id = ? where customer_id = ?', [into, from])
  await moveOrdersToCustomer(tx, from, into)
  const contracts = await tx.run('update price_list set customer_id = ? where customer_id = ?', [into, from])
  await tx.run(
    `update customer set
       email = coalesce(email, (select f.email from customer f where f.id = ?)),
       name = coalesce(name, (select f.name from customer f where f.id = ?)),
       phone = coalesce(phone, (select f.phone from customer f where f.id = ?)),
       tier = coalesce(tier, (select f.tier from customer f where f.id = ?)),
       segment = coalesce(segment, (select f.segment from customer f where f.id = ?)),
       updated_at = ?
     where id = ?`,
    [from, from, from, from, from, now, into],
  )
  // Earlier merges into `from` now lead straight to `into`.
  await tx.run('update customer set merged_into = ?, updated_at = ? where id = ? or merged_into = ?', [
    into,
    now,
    from,
    from,
  ])
  if (contracts > 0) await tx.run('update pricing_revision set revision = revision + 1')
  return contracts > 0
}
