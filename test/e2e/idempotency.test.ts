import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/** Idempotency-Key on writes, on one hub and across two hubs sharing a database. */
describe.each(dbKinds)('Idempotency-Key on %s', (kind) => {
  let db: TestDb
  let rest: RestHub
  let n = 0

  beforeAll(async () => {
    db = await createTestDb(kind)
    rest = await startRestHub(db)
    await seedWorld(rest.hub.api, { wms: 'dc' })
  })

  afterAll(async () => {
    await rest?.stop()
    await db?.drop()
  })

  const post = (hub: TestHub, body: unknown, key: string | undefined, apiKey = hub.adminKey) =>
    fetch(`${hub.url}/api/v1/orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    }).then(async (r) => ({
      status: r.status,
      replayed: r.headers.get('idempotent-replayed'),
      body: await r.json(),
    }))

  const newOrder = () => ({
    channel: 'web',
    order: sampleOrder({ externalId: `IDEM-${kind}-${++n}` }, [{ sku: 'SKU-A', quantity: 1 }]),
  })
  const count = async (externalId: string) =>
    (await rest.hub.api(`/api/v1/orders?channel=web&externalId=${externalId}`)).body.items.length

  it('answers a retry with the first answer, and does the work once', async () => {
    const body = newOrder()
    const first = await post(rest.hub, body, `create-${kind}-1`)
    expect(first.status).toBe(201)
    expect(first.replayed).toBeNull()
    const again = await post(rest.hub, body, `create-${kind}-1`)
    expect(again).toEqual({ ...first, replayed: 'true' })
    expect(await count(body.order.externalId)).toBe(1)
  })

  it('refuses the same key with another request, naming the header', async () => {
    await post(rest.hub, newOrder(), `create-${kind}-2`)
    const other = await post(rest.hub, newOrder(), `create-${kind}-2`)
    expect(other.status).toBe(422)
    expect(other.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      errors: [{ field: 'Idempotency-Key' }],
    })
  })

  it('lets concurrent retries wait for the first: one order, one answer', async () => {
    const body = newOrder()
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post(rest.hub, body, `create-${kind}-3`)),
    )
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1)
    expect(answers.every((a) => a.status === 201)).toBe(true)
    expect(answers.filter((a) => a.replayed === 'true')).toHaveLength(5)
    expect(await count(body.order.externalId)).toBe(1)
  })

  it("keeps each API key's keys apart, and refuses a malformed key", async () => {
    const integrator = (await rest.hub.api('/api/v1/keys', { body: { name: 'idem', role: 'integrator' } }))
      .body.token as string
    const mine = await post(rest.hub, newOrder(), `shared-${kind}`)
    const theirs = await post(rest.hub, newOrder(), `shared-${kind}`, integrator)
    expect([mine.status, theirs.status]).toEqual([201, 201])
    expect(theirs.replayed).toBeNull()
    const bad = await post(rest.hub, newOrder(), 'has spaces')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('Idempotency-Key')
  })

  it('does not keep a refusal of the caller: a retry after fixing the role does the work', async () => {
    const viewer = (await rest.hub.api('/api/v1/keys', { body: { name: 'looker', role: 'viewer' } })).body
      .token as string
    const body = newOrder()
    expect((await post(rest.hub, body, `viewer-${kind}`, viewer)).status).toBe(403)
    expect((await post(rest.hub, body, `viewer-${kind}`, viewer)).replayed).toBeNull()
  })

  it.runIf(kind === 'postgresql')('holds across two hubs on one database', async () => {
    const second = await startTestHub(db, [], {}, rest.hub.adminKey)
    try {
      const body = newOrder()
      const [a, b] = await Promise.all([
        post(rest.hub, body, `two-hubs-${kind}`),
        post(second, body, `two-hubs-${kind}`),
      ])
      expect(a.body).toEqual(b.body)
      expect([a.replayed, b.replayed].filter((r) => r === 'true')).toHaveLength(1)
      expect(await count(body.order.externalId)).toBe(1)
    } finally {
      await second.stop()
    }
  })
})
