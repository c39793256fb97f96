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
