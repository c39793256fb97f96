import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { seedWorld } from '../support/world'

const MAIN = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url))

function cli(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, SWITCHYARD_DEMO: '0', LOG_LEVEL: 'error', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

/**
 * `switchyard backup` while the hub takes orders, then `restore` into an emptied database: the
 * restored hub has every order the backup counted, each as it was.
 */
describe.each(dbKinds)('backup and restore on %s', (kind) => {
  let db: TestDb
  let rest: RestHub
  let dir: string

  beforeEach(async () => {
    db = await createTestDb(kind)
    dir = mkdtempSync(join(tmpdir(), 'switchyard-backup-'))
    rest = await startRestHub(db)
    await seedWorld(rest.hub.api, { wms: 'dc' })
  })

  afterEach(async () => {
    await rest?.stop().catch(() => {})
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  const orders = async () =>
    ((await rest.hub.api('/api/v1/orders?limit=500')).body.items as { id: string; status: string }[])
      .map((o) => `${o.id}:${o.status}`)
      .sort()

  it('keeps every order through a round trip, taken while the hub runs', async () => {
    for (let i = 0; i < 12; i++) {
      const posted = await rest.channel.postOrder(
        rest.hub.url,
        'web',
        sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }]),
      )
      expect(posted.status).toBe(201)
    }
    const before = await orders()
    const { adminKey } = rest.hub
    const file = join(dir, kind === 'sqlite' ? 'switchyard.backup.db' : 'switchyard.dump')
    const backup = cli(['backup', file], db.env)
    expect(backup).toMatchObject({ code: 0, stdout: `backed up to ${file}: 12 orders\n` })
    await rest.stop()

    // The database is lost: an empty one in its place.
    await db.drop()
    emptied(db)
    const restore = cli(['restore', file], db.env)
    expect(restore).toMatchObject({ code: 0, stdout: `restored from ${file}: 12 orders\n` })

    rest = await startRestHub(db, { adminKey })
    expect(await orders()).toEqual(before)
  })

  it('refuses a file that is not a backup, naming it', () => {
    const junk = join(dir, 'junk.db')
    writeFileSync(junk, 'not a database')
    const res = cli(['restore', junk], db.env)
    expect(res.code).toBe(1)
    expect(res.stderr).toContain(junk)
  })
})

/**
 * After `drop`, the place the database was: the SQLite folder exists again, empty; a dropped
 * PostgreSQL schema is created by the restore itself (the dump holds it).
 */
function emptied(db: TestDb): void {
  if (db.env.SWITCHYARD_DATA_DIR) mkdirSync(db.env.SWITCHYARD_DATA_DIR, { recursive: true })
}
