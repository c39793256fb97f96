import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../core'
import { resolveDatabaseSettings } from '../db/database-settings'

/** The claim a request with a key gets, against a migrated SQLite database. */
describe('IdempotencyStore', () => {
  let dir: string
  let core: Core

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-idem-'))
    core = await openCore({
      settings: resolveDatabaseSettings({ SWITCHYARD_DATA_DIR: dir }),
      directory: { accepts: () => true },
      workerId: 'test',
    })
  })

  afterEach(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lets one request do the work; the others wait, then replay its answer', async () => {
    const store = core.idempotency
    expect(await store.claim('k1', 'a', 'h1', 1_000)).toEqual({ kind: 'new' })
    expect(await store.claim('k1', 'a', 'h1', 1_001)).toEqual({ kind: 'busy' })
    expect(await store.claim('k1', 'a', 'h2', 1_001)).toEqual({ kind: 'mismatch' })
    expect(await store.claim('k2', 'a', 'h2', 1_001)).toEqual({ kind: 'new' })
    await store.complete('k1', 'a', { status: 201, contentType: 'application/json', body: '{"ok":true}' })
    expect(await store.claim('k1', 'a', 'h1', 1_002)).toEqual({
      kind: 'replay',
      response: { status: 201, contentType: 'application/json', body: '{"ok":true}' },
    })
  })

  it('takes over a claim whose hub died, and forgets a released or expired one', async () => {
    const store = core.idempotency
    await store.claim('k1', 'b', 'h', 0)
    // Past the 60 s lock: the claimer is gone.
    expect(await store.claim('k1', 'b', 'h', 61_000)).toEqual({ kind: 'new' })
    await store.release('k1', 'b')
    expect(await store.claim('k1', 'b', 'other', 62_000)).toEqual({ kind: 'new' })
    await store.complete('k1', 'b', { status: 200, contentType: null, body: '' })
    expect(await store.purge(62_000 + 24 * 3600_000 + 1)).toBe(1)
    expect(await store.claim('k1', 'b', 'h', 62_000 + 24 * 3600_000 + 2)).toEqual({ kind: 'new' })
  })
})
