import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore } from '../../testing/test-core'
import type { SqlDb } from '../sql/sql-db'
import { ORDER_ROW_KEYS } from './Migration20261207030000_order_row_keys'

/** Keys to rows other modules write: they stay on both databases. */
const SHARED_KEYS = [
  ['order_line', 'sku', 'product'],
  ['fulfilment', 'location_id', 'location'],
  ['orders', 'customer_id', 'customer'],
] as const

/** `table.column` of every foreign key the database holds on the order tables. */
async function foreignKeys(db: SqlDb): Promise<string[]> {
  const tables = [...new Set([...ORDER_ROW_KEYS.map(([t]) => t), ...SHARED_KEYS.map(([t]) => t)])]
  if (db.dialect === 'postgresql') {
    const rows = await db.all<{ key: string }>(
      `select c.conrelid::regclass::text || '.' || a.attname as key
         from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
          and c.conrelid::regclass::text = any(?::text[])`,
      [tables],
    )
    return rows.map((r) => r.key).sort()
  }
  const keys: string[] = []
  for (const table of tables)
    for (const r of await db.all<{ from: string }>(`pragma foreign_key_list(${table})`))
      keys.push(`${table}.${r.from}`)
  return keys.sort()
}

describe('keys between an order’s own rows', () => {
  for (const kind of ['postgresql', 'sqlite'] as const) {
    describe(kind, () => {
      let seed: Awaited<ReturnType<typeof openTestCore>>
      beforeAll(async () => {
        seed = await openTestCore(kind, 'order_row_keys')
      }, 60_000)
      afterAll(() => seed.close())

      it(
        kind === 'postgresql'
          ? 'are not constraints; keys to products, locations and customers are'
          : 'stay constraints, as the keys to products, locations and customers do',
        async () => {
          const keys = await foreignKeys(seed.core.db)
          for (const [table, column] of SHARED_KEYS) expect(keys).toContain(`${table}.${column}`)
          for (const [table, column] of ORDER_ROW_KEYS) {
            if (kind === 'postgresql') expect(keys).not.toContain(`${table}.${column}`)
            else expect(keys).toContain(`${table}.${column}`)
          }
        },
      )
    })
  }
})
