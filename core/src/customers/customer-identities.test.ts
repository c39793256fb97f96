import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../core'
import { freshDatabase } from '../db/fresh-database'
import type { CustomerIdentifier } from './customer-identity'

/**
 * PostgreSQL keeps a prepared statement's generic plan from a connection's sixth call on. Made
 * while a fresh database's tables were empty, that plan scanned customer_identity and customer in
 * full for every batch from then on (a third of PostgreSQL's statement time in `bench cpu`). The
 * read is planned per call, so once the tables have grown it uses their keys. One connection, so
 * every call meets the same plan cache, and its statistics can be flushed before they are read.
 */
describe('customer identities on postgresql: reads keep using their keys as tables grow', () => {
  let core: Core
  let drop: () => Promise<void>
  beforeAll(async () => {
    const database = await freshDatabase('postgresql', 'identity-plans')
    core = await openCore({
      settings: { ...database.settings, poolSize: 1 },
      directory: { accepts: () => true },
      workerId: 'test-worker',
    })
    drop = database.drop
  }, 60_000)
  afterAll(async () => {
    await core.close()
    await drop()
  })

  const email = (n: number): CustomerIdentifier[] => [
    { kind: 'email', channelInstanceId: '', value: `buyer${n}@example.nz` },
  ]
  const seqScans = async () => {
    await core.db.one('select pg_stat_force_next_flush()')
    const rows = await core.db.all<{ relname: string; seq_scan: number }>(
      `select relname, seq_scan from pg_stat_user_tables
        where schemaname = current_schema() and relname in ('customer_identity', 'customer')`,
    )
    return Object.fromEntries(rows.map((r) => [r.relname, Number(r.seq_scan)]))
  }

  it('reads by index once the tables hold thousands of customers, after plans made on empty ones', async () => {
    for (let n = 0; n < 8; n++) await core.customers.resolve(email(n))
    await core.db.run(
      `insert into customer (id, created_at, updated_at)
         select ('0193a000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 0, 0
           from generate_series(1, 5000) g`,
    )
    await core.db.run(
      `insert into customer_identity (value, kind, channel_instance_id, customer_id, created_at)
         select 'seeded' || g || '@example.nz', 'email', '',
                ('0193a000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 0
           from generate_series(1, 5000) g`,
    )
    const before = await seqScans()
    for (let n = 100; n < 108; n++) await core.customers.resolve(email(n))
    expect(await seqScans()).toEqual(before)
  })
})
