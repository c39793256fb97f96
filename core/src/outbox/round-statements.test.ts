import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { openTestCore } from '../testing/test-core'
import { claimSql, MARK_SQLITE } from './round-statements'

/**
 * SQLite's plans for the delivery round's statements: its planner's first choice for each walked
 * rows it did not need (every earlier pending message per candidate; every in-flight message per
 * outcome), a cost that grew with the round's size squared and showed in the drain rate.
 */
describe('outbox round statements on SQLite', () => {
  let core: Core
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ core, close } = await openTestCore('sqlite', 'round-statements'))
  })
  afterAll(() => close())

  const plan = async (sql: string, params: unknown[]) =>
    (await core.db.all<{ detail: string }>(`explain query plan ${sql}`, params as never)).map((r) => r.detail)

  it("claims checking each candidate's earlier messages through its order's index", async () => {
    const details = await plan(claimSql('sqlite'), ['w', 1, 1, 64])
    expect(details).toContainEqual(
      expect.stringMatching(/SEARCH m USING INDEX outbox_message_status_id_index/),
    )
    expect(details).toContainEqual(
      expect.stringMatching(
        /SEARCH p USING INDEX outbox_message_order_id_instance_id_index \(order_id=\? AND instance_id=\?\)/,
      ),
    )
  })

  it('marks a round driven by its own rows, each message found by id', async () => {
    const details = await plan(MARK_SQLITE, [1, '[]', 'w'])
    expect(details[0]).toMatch(/SCAN json_each/)
    expect(details).toContainEqual(expect.stringMatching(/SEARCH outbox_message USING INDEX \S+ \(id=\?\)/))
    expect(details.join('\n')).not.toMatch(/status_id_index/)
  })
})

/**
 * PostgreSQL's claim with a deep backlog behind a delivered history: statistics that say most
 * messages are pending made it walk the primary key past every delivered one.
 */
describe('outbox round statements on PostgreSQL', () => {
  let core: Core
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ core, close } = await openTestCore('postgresql', 'round-statements'))
    // 3,000 delivered, then 4,000 pending and 64 in flight, ids in time order as uuidv7 makes them.
    await core.db.run(
      `insert into outbox_message (id, topic, instance_id, order_id, idempotency_key, payload, status,
         attempts, max_attempts, next_attempt_at, locked_by, created_at)
       select (lpad(to_hex(i), 12, '0') || '-7000-8000-000000000000')::uuid, 'order.status', 'web',
              gen_random_uuid(), 'k' || i, '{}',
              case when i <= 3000 then 'delivered' when i <= 3064 then 'in_flight' else 'pending' end,
              1, 12, 0, case when i between 3001 and 3064 then 'w' end, 0
         from generate_series(1, 7064) as i`,
    )
    await core.db.run('analyze outbox_message')
  })
  afterAll(() => close())

  const plan = async (sql: string, params: unknown[]) =>
    JSON.stringify(await core.db.all(`explain (format json) ${sql}`, params as never))

  it('claims walking only pending ids, not the delivered history', async () => {
    const text = await plan(claimSql('postgresql'), ['w', 1, 1, 64])
    expect(text).toMatch(/"Index Name":"outbox_message_pending_idx"/)
    expect(text).not.toMatch(/"Index Name":"outbox_message_pkey"/)
  })
})
