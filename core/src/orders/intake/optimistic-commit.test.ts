import { canonicalOrderSchema } from '@switchyard/plugin-sdk'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../../core'
import type { DatabaseSettings } from '../../db/database-settings'
import { ORDER_ROW_KEYS } from '../../db/migrations/Migration20261207030000_order_row_keys'
import { openTestCore } from '../../testing/test-core'
import type { IntakeWay } from './order-intake'

/**
 * PostgreSQL's one-statement intake (issue 18): batches are read without locks and written by one
 * statement that re-checks every row. What another writer does between the read and the write is
 * staged here with a second connection holding its change uncommitted until the hub's statement
 * waits on it, so each lost race happens every run, not by chance.
 */
describe('one-statement intake on postgresql', () => {
  let seed: { core: Core; settings: DatabaseSettings; close(): Promise<void> }
  const hubs: Core[] = []
  const ways: IntakeWay[] = []
  const retries: string[] = []
  let other: pg.Client
  let n = 0

  beforeAll(async () => {
    seed = await openTestCore('postgresql', 'one_statement', {
      products: [
        { sku: 'TEE', name: 'Tee' },
        { sku: 'CAP', name: 'Cap' },
        { sku: 'HAT', name: 'Hat' },
      ],
      warehouses: [{ id: 'akl' }],
      stock: [
        { sku: 'TEE', locationId: 'akl', onHand: 40 },
        { sku: 'CAP', locationId: 'akl', onHand: 3 },
      ],
    })
    for (const workerId of ['hub-a', 'hub-b'])
      hubs.push(
        await openCore({
          settings: seed.settings,
          directory: { accepts: () => true },
          workerId,
          intakeObserver: {
            batchCommitted: (_s, _n, way) => ways.push(way),
            retried: (reason) => retries.push(reason),
          },
        }),
      )
    other = new pg.Client({
      connectionString: seed.settings.url,
      options: `-c search_path=${seed.settings.schema}`,
    })
    await other.connect()
  }, 60_000)

  afterAll(async () => {
    await other.end()
    for (const h of hubs) await h.close()
    await seed.close()
  })

  const order = (sku: string, quantity: number, externalId = `W-${++n}`, email = `buyer${n}@example.nz`) =>
    canonicalOrderSchema.parse({
      externalId,
      currency: 'NZD',
      customer: { email, name: 'Buyer' },
      shipTo: { name: 'Kiri', line1: '12 Cuba Street', city: 'Wellington', postcode: '6011', country: 'NZ' },
      serviceLevel: 'standard',
      lines: [{ externalLineId: 'L1', sku, quantity, unitPrice: '10.00' }],
    })
  const allocated = async (sku: string) =>
    Number(
      (await seed.core.db.one<{ n: number }>(
        "select coalesce(sum(quantity), 0) as n from allocation where sku = ? and status in ('allocated', 'released')",
        [sku],
      ))!.n,
    )
  /** Runs `change` on the other connection, uncommitted, until a hub's statement waits on it. */
  const beforeTheHubWrites = async <T>(change: string[], hubCall: () => Promise<T>): Promise<T> => {
    await other.query('begin')
    for (const sql of change) await other.query(sql)
    const pid = (await other.query('select pg_backend_pid() as pid')).rows[0].pid as number
    const call = hubCall()
    const waiter = new pg.Client({ connectionString: seed.settings.url })
    await waiter.connect()
    try {
      for (let i = 0; ; i++) {
        const { rows } = await waiter.query(
          'select count(*)::int as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))',
          [pid],
        )
        if (rows[0].n > 0) break
        if (i > 500) throw new Error('the hub never waited on the other writer')
        await new Promise((r) => setTimeout(r, 10))
      }
    } finally {
      await waiter.end()
    }
    await other.query('commit')
    return call
  }

  it('writes a batch in one statement and allocates its stock', async () => {
    ways.length = 0
    const results = await Promise.all([1, 2, 3].map(() => hubs[0]!.intake.submit('web', order('TEE', 2))))
    expect(results.map((r) => r.status)).toEqual(['allocated', 'allocated', 'allocated'])
    expect(ways.length).toBeGreaterThan(0)
    expect(ways.every((w) => w === 'one-statement')).toBe(true)
    expect(await allocated('TEE')).toBe(6)
  })

  it('routes again when another writer took the stock after the read, and never oversells', async () => {
    retries.length = 0
    // The other writer takes all three caps; the hub read them as free and planned to take two.
    const result = await beforeTheHubWrites(
      ["update inventory_level set on_hand = 1 where sku = 'CAP' and location_id = 'akl'"],
      () => hubs[0]!.intake.submit('web', order('CAP', 2)),
    )
    // Routed again against the one cap left: one allocated, one backordered.
    expect(result.status).toBe('backordered')
    expect(retries).toContain('stock')
    expect(await allocated('CAP')).toBe(1)
    const level = await seed.core.db.one<{ on_hand: number; allocated: number }>(
      "select on_hand, allocated from inventory_level where sku = 'CAP' and location_id = 'akl'",
    )
    expect(level).toEqual({ on_hand: 1, allocated: 1 })
  })

  it('answers a redelivery from the order another hub wrote meanwhile', async () => {
    retries.length = 0
    const first = await hubs[0]!.intake.submit('web', order('TEE', 1, 'DUP-1'))
    expect(first.created).toBe(true)
    const again = await Promise.all([
      hubs[0]!.intake.submit('web', order('TEE', 1, 'DUP-2')),
      hubs[1]!.intake.submit('web', order('TEE', 1, 'DUP-2')),
    ])
    expect(again[0]!.orderId).toBe(again[1]!.orderId)
    expect(again.filter((r) => r.created)).toHaveLength(1)
    const rows = await seed.core.db.all("select id from orders where external_order_id in ('DUP-1', 'DUP-2')")
    expect(rows).toHaveLength(2)
  })

  it('routes again when another writer filled the day capacity after the read', async () => {
    retries.length = 0
    await seed.core.catalog.upsertLocation({
      id: 'wlg',
      name: 'Wellington',
      type: 'warehouse',
      country: 'NZ',
      lat: -41.29,
      lon: 174.78,
      timezone: 'Pacific/Auckland',
      dailyCapacity: 5,
    })
    await seed.core.inventory.upsert([{ sku: 'HAT', locationId: 'wlg', onHand: 10 }])
    for (const h of hubs) h.catalogCache.invalidateLocations()
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(new Date())
    // The other writer takes the day's last slots at wlg while the hub routes a hat there.
    const result = await beforeTheHubWrites(
      [`insert into location_day_load (location_id, day, orders, updated_at) values ('wlg', '${day}', 5, 1)`],
      () => hubs[0]!.intake.submit('web', order('HAT', 1)),
    )
    expect(retries).toContain('capacity')
    expect(result.status).toBe('backordered')
    const load = await seed.core.db.one<{ orders: number }>(
      "select orders from location_day_load where location_id = 'wlg'",
    )
    expect(load!.orders).toBe(5)
  })

  it('takes the customer another hub linked to a new email meanwhile (strict links)', async () => {
    retries.length = 0
    const theirs = '0193a000-0000-7000-8000-00000000c0de'
    const result = await beforeTheHubWrites(
      [
        `insert into customer (id, email, created_at, updated_at) values ('${theirs}', 'new@example.nz', 1, 1)`,
        `insert into customer_identity (value, kind, channel_instance_id, customer_id, created_at)
           values ('new@example.nz', 'email', '', '${theirs}', 1)`,
      ],
      () => hubs[1]!.intake.submit('web', order('TEE', 1, undefined, 'new@example.nz')),
    )
    expect(retries).toContain('duplicate')
    const row = await seed.core.db.one<{ customer_id: string }>(
      'select customer_id from orders where id = ?',
      [result.orderId],
    )
    expect(row!.customer_id).toBe(theirs)
    const links = await seed.core.db.all(
      "select customer_id from customer_identity where value = 'new@example.nz'",
    )
    expect(links).toEqual([{ customer_id: theirs }])
  })

  // Last: after the races above. PostgreSQL holds no constraint between an order's own rows
  // (Migration20261207030000_order_row_keys); the one-statement write is what keeps them whole.
  it('leaves every row of an order with the order, line and fulfilment it names', async () => {
    const parents: Record<string, string> = {
      order_id: 'orders',
      line_id: 'order_line',
      fulfilment_id: 'fulfilment',
    }
    for (const [table, column] of ORDER_ROW_KEYS) {
      const row = await seed.core.db.one<{ rows: number; orphans: number }>(
        `select count(*)::int as rows, count(*) filter (where c.${column} is not null and p.id is null)::int as orphans
           from ${table} c left join ${parents[column]} p on p.id = c.${column}`,
      )
      expect({ table, column, orphans: row!.orphans }).toEqual({ table, column, orphans: 0 })
      expect(row!.rows, `${table} has rows to check`).toBeGreaterThan(0)
    }
  })
})
