import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../core'
import { resolveDatabaseSettings } from '../db/database-settings'
import { uuidv7 } from '../ids'
import { writeOutbox } from './outbox-writer'
import type { NewOutboxMessage } from './topics'

/** Whoever writes outbox messages, the commit that keeps them is what wakes the dispatcher. */
describe('writeOutbox', () => {
  let dir: string
  let core: Core
  const message = (): NewOutboxMessage => ({
    id: uuidv7(),
    topic: 'inventory.push',
    instanceId: 'web',
    orderId: null,
    idempotencyKey: uuidv7(),
    payload: [],
    createdAt: Date.now(),
  })

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-outbox-writer-'))
    core = await openCore({
      settings: resolveDatabaseSettings({ SWITCHYARD_DATA_DIR: dir }),
      directory: { accepts: () => true },
      workerId: 'test-worker',
    })
  })
  afterEach(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('announces messages once their transaction commits, never after a rollback', async () => {
    let wakes = 0
    core.db.onCommitted('outbox', () => wakes++)
    await core.db.transaction(async (tx) => {
      await writeOutbox(tx, [message(), message()])
      expect(wakes).toBe(0)
    })
    expect(wakes).toBe(1)

    await expect(
      core.db.transaction(async (tx) => {
        await writeOutbox(tx, [message()])
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    await core.db.transaction((tx) => writeOutbox(tx, []))
    expect(wakes).toBe(1)

    await writeOutbox(core.db, [message()])
    expect(wakes).toBe(2)
    const rows = await core.db.one<{ n: number }>('select count(*) as n from outbox_message')
    expect(Number(rows!.n)).toBe(3)
  })
})
