import { ApiKeys, openSqlDb, postgresChangeFeed, resolveDatabaseSettings } from '@switchyard/core'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, dbKinds, TEST_PG_URL, type TestDb } from '../support/databases'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { apiClient, hubEnv, startTestHub, type TestHub, writeConfig } from '../support/test-hub'

/** Polls `probe` until it says yes; the milliseconds it took. Fails after `limitMs`. */
async function msUntil(probe: () => Promise<boolean>, limitMs = 5_000): Promise<number> {
  const started = performance.now()
  while (!(await probe())) {
    if (performance.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
  return performance.now() - started
}

/**
 * A key revoked or given another role on one hub: every other hub of the same PostgreSQL database
 * must act on it within a second, not when its cache of key lookups happens to expire.
 */
describe('key revocation and role changes across two hubs on PostgreSQL', () => {
  const figures: { revokedMs: number[]; roleChangedMs: number[] } = { revokedMs: [], roleChangedMs: [] }
  let db: TestDb
  let config: ReturnType<typeof writeConfig>
  const hubs: HubProcess[] = []
  let a: ReturnType<typeof apiClient>
  let b: ReturnType<typeof apiClient>

  beforeAll(async () => {
    db = await createTestDb('postgresql')
    config = writeConfig([])
    const env = hubEnv(db, config.path)
    const first = await spawnHub(env)
    hubs.push(first)
    const second = await spawnHub(env)
    hubs.push(second)
    a = apiClient(first.url, first.bootstrapKey!)
    b = apiClient(second.url, first.bootstrapKey!)
  })

  afterAll(async () => {
    const round = (ms: number[]) => ms.map((m) => Math.round(m))
    process.stdout.write(
      `key-revocation figures: ${JSON.stringify({ revokedMs: round(figures.revokedMs), roleChangedMs: round(figures.roleChangedMs) })}\n`,
    )
    for (const h of hubs) await h.stop()
    config?.cleanup()
    await db?.drop()
  })

  it('hub B refuses a key within a second of its revocation on hub A', async () => {
    for (let round = 0; round < 3; round++) {
      const key = (await a('/api/v1/keys', { body: { name: `doomed ${round}`, role: 'viewer' } })).body
      // B has looked the key up and holds it in its cache.
      expect((await b('/api/v1/me', { key: key.token })).status).toBe(200)
      expect((await b('/api/v1/me', { key: key.token })).status).toBe(200)
      expect((await a(`/api/v1/keys/${key.keyId}`, { method: 'DELETE' })).status).toBe(204)
      const ms = await msUntil(async () => (await b('/api/v1/me', { key: key.token })).status === 401)
      figures.revokedMs.push(ms)
      expect(ms).toBeLessThan(1_000)
    }
  })

  it('hub B answers with the new role within a second of a role change on hub A', async () => {
    const key = (await a('/api/v1/keys', { body: { name: 'promoted', role: 'viewer' } })).body
    expect((await b('/api/v1/me', { key: key.token })).body.role).toBe('viewer')
    expect((await b('/api/v1/keys', { key: key.token })).status).toBe(403)
    const changed = await a(`/api/v1/keys/${key.keyId}`, { method: 'PATCH', body: { role: 'admin' } })
    expect(changed.status).toBe(200)
    expect(changed.body.role).toBe('admin')
    const ms = await msUntil(async () => (await b('/api/v1/keys', { key: key.token })).status === 200)
    figures.roleChangedMs.push(ms)
    expect(ms).toBeLessThan(1_000)
    expect((await b('/api/v1/me', { key: key.token })).body.role).toBe('admin')

    const down = await a(`/api/v1/keys/${key.keyId}`, { method: 'PATCH', body: { role: 'viewer' } })
    expect(down.status).toBe(200)
    const back = await msUntil(async () => (await b('/api/v1/keys', { key: key.token })).status === 403)
    figures.roleChangedMs.push(back)
    expect(back).toBeLessThan(1_000)
  })
})

/**
 * The notification itself, without the short cache lifetime to hide behind: two key stores on one
 * schema with a minute-long cache still agree within a second, also after the listening
 * connection was killed (a revocation sent while it was down must not be missed).
 */
describe('API key cache invalidation through LISTEN/NOTIFY', () => {
  let db: TestDb
  const closers: (() => Promise<void>)[] = []

  beforeAll(async () => {
    db = await createTestDb('postgresql')
    // The hub's own migration creates api_key.
    const seed = await startTestHub(db, [])
    await seed.stop()
  })

  afterAll(async () => {
    for (const close of closers.reverse()) await close()
    await db?.drop()
  })

  async function store(): Promise<ApiKeys> {
    const settings = resolveDatabaseSettings({ DATABASE_URL: db.env.DATABASE_URL })
    const sql = openSqlDb(settings)
    const feed = postgresChangeFeed(settings.url!, settings.schema!, sql)
    closers.push(async () => {
      await feed.close()
      await sql.close()
    })
    return new ApiKeys(sql, feed, 60_000)
  }

  it('a minute-long cache on one store is emptied by a revocation on the other', async () => {
    const [one, two] = [await store(), await store()]
    await new Promise((r) => setTimeout(r, 300)) // both listening
    const key = await one.create({ name: 'k', role: 'viewer' })
    expect(await two.verify(key.token)).not.toBeNull()
    await one.revoke(key.keyId)
    expect(await msUntil(async () => (await two.verify(key.token)) === null)).toBeLessThan(1_000)
  })

  it('a revocation made while the listener was cut off still lands once it reconnects', async () => {
    const [one, two] = [await store(), await store()]
    await new Promise((r) => setTimeout(r, 300))
    const key = await one.create({ name: 'k2', role: 'analyst' })
    expect((await two.verify(key.token))?.role).toBe('analyst')
    const admin = new pg.Client({ connectionString: TEST_PG_URL })
    await admin.connect()
    try {
      const schema = new URL(db.env.DATABASE_URL!).searchParams.get('schema')
      const killed = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
        [`switchyard-changes:${schema}`],
      )
      expect(killed.rowCount).toBeGreaterThanOrEqual(2)
    } finally {
      await admin.end()
    }
    await one.setRole(key.keyId, 'viewer')
    expect(await msUntil(async () => (await two.verify(key.token))?.role === 'viewer')).toBeLessThan(1_000)
    await one.revoke(key.keyId)
    expect(await msUntil(async () => (await two.verify(key.token)) === null)).toBeLessThan(1_000)
  })
})

describe.each(dbKinds)('changing a key role on %s', (kind) => {
  let db: TestDb
  let hub: TestHub

  beforeAll(async () => {
    db = await createTestDb(kind)
    hub = await startTestHub(db, [])
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  it('takes effect on the next request and refuses what is not a live key or role', async () => {
    const key = (await hub.api('/api/v1/keys', { body: { name: 'analyst', role: 'analyst' } })).body
    expect((await hub.api('/api/v1/me', { key: key.token })).body.role).toBe('analyst')
    const res = await hub.api(`/api/v1/keys/${key.keyId}`, { method: 'PATCH', body: { role: 'integrator' } })
    expect(res.status).toBe(200)
    expect((await hub.api('/api/v1/me', { key: key.token })).body.role).toBe('integrator')

    const bad = await hub.api(`/api/v1/keys/${key.keyId}`, { method: 'PATCH', body: { role: 'root' } })
    expect(bad.status).toBe(422)
    expect(bad.body.errors[0].field).toBe('role')
    expect((await hub.api(`/api/v1/keys/${key.keyId}`, { method: 'DELETE' })).status).toBe(204)
    const gone = await hub.api(`/api/v1/keys/${key.keyId}`, { method: 'PATCH', body: { role: 'viewer' } })
    expect(gone.status).toBe(404)
    expect(gone.contentType).toContain('application/problem+json')
    const asViewer = await hub.api(`/api/v1/keys/${key.keyId}`, {
      method: 'PATCH',
      body: { role: 'admin' },
      key: (await hub.api('/api/v1/keys', { body: { name: 'v', role: 'viewer' } })).body.token,
    })
    expect(asViewer.status).toBe(403)
  })
})
