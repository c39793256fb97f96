import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore } from '../../testing/test-core'
import { WIDE_COLUMNS } from './Migration20261207020000_wide_column_statistics'

describe('wide columns without planner statistics (postgresql)', () => {
  let seed: Awaited<ReturnType<typeof openTestCore>>
  beforeAll(async () => {
    seed = await openTestCore('postgresql', 'wide_stats')
  }, 60_000)
  afterAll(() => seed.close())

  it('analyzes the narrow columns of outbox_message and skips its payload', async () => {
    const { db } = seed.core
    await db.run(
      `insert into outbox_message (id, topic, instance_id, idempotency_key, payload, status, attempts, max_attempts, next_attempt_at, created_at)
       select gen_random_uuid(), 'fulfilment.request', 'wms', 'k' || g, jsonb_build_object('n', g, 'note', repeat('x', 200)),
              'pending', 0, 10, 0, 0
         from generate_series(1, 500) g`,
    )
    await db.run('analyze outbox_message')
    const analyzed = await db.all<{ attname: string }>(
      `select attname from pg_stats where schemaname = current_schema() and tablename = 'outbox_message'`,
    )
    const names = analyzed.map((r) => r.attname)
    expect(names).toContain('status')
    expect(names).toContain('idempotency_key')
    expect(names).not.toContain('payload')
  })

  it('sets every listed column to no statistics, and only those', async () => {
    const rows = await seed.core.db.all<{ table: string; column: string; target: number }>(
      `select c.relname as "table", a.attname as "column", a.attstattarget as target
         from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
          and a.attnum > 0 and not a.attisdropped and a.attstattarget = 0
        order by 1, 2`,
    )
    const expected = Object.entries(WIDE_COLUMNS)
      .flatMap(([table, columns]) => columns.map((column) => ({ table, column, target: 0 })))
      .sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column))
    expect(rows.map((r) => ({ ...r, target: Number(r.target) }))).toEqual(expected)
  })
})
