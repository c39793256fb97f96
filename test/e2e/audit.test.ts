import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { seedWorld } from '../support/world'

interface Entry {
  keyName: string
  role: string
  method: string
  path: string
  route: string
  status: number
  request: any
  before: any
  after: any
}

/** Every write through the API lands in the audit trail, with who, what, and before/after. */
describe.each(dbKinds)('the audit trail on %s', (kind) => {
  let db: TestDb
  let rest: RestHub

  beforeAll(async () => {
    db = await createTestDb(kind)
    rest = await startRestHub(db)
    await seedWorld(rest.hub.api, { wms: 'dc' })
  })

  afterAll(async () => {
    await rest?.stop()
    await db?.drop()
  })

  const api = (path: string, init?: Parameters<RestHub['hub']['api']>[1]) => rest.hub.api(path, init)
  const trail = async (query: string): Promise<Entry[]> => {
    const res = await api(`/api/v1/audit?${query}`)
    expect(res.status).toBe(200)
    return res.body.items
  }

  it('records a key created, with the secret masked and the creator named', async () => {
    const created = await api('/api/v1/keys', { body: { name: 'rules team', role: 'analyst' } })
    expect(created.status).toBe(201)
    const [entry] = await trail('path=/api/v1/keys')
    expect(entry).toMatchObject({ keyName: 'bootstrap admin', role: 'admin', method: 'POST', status: 201 })
    expect(JSON.stringify(entry)).not.toContain(created.body.token)
    expect(entry!.after.token).toBe('***')
  })

  it('records a cancellation with the order before and after', async () => {
    // More than any location holds: backordered, so the cancellation is immediate.
    const posted = await rest.channel.postOrder(
      rest.hub.url,
      'web',
      sampleOrder({}, [{ sku: 'SKU-A', quantity: 9_999 }]),
    )
    const orderId = (posted.body.results as { orderId: string }[])[0]!.orderId
    expect(
      (await api(`/api/v1/orders/${orderId}/cancel`, { body: { reason: 'customer asked' } })).status,
    ).toBe(200)
    const [entry] = await trail(`path=/api/v1/orders/${orderId}`)
    expect(entry).toMatchObject({
      route: '/api/v1/orders/:id/cancel',
      request: { reason: 'customer asked' },
      before: { id: orderId, status: expect.not.stringMatching(/^cancelled$/) },
      after: { id: orderId, status: 'cancelled' },
    })
  })

  it("records a rule draft's change and publish under the key's own name, whatever author is sent", async () => {
    await api('/api/v1/rules/sets', { body: { id: 'audited', kind: 'sourcing', name: 'Audited' } })
    const draft = await api('/api/v1/rules/sets/audited/versions', {
      body: { rules: [], author: 'someone else' },
    })
    const v = draft.body.version.version as number
    await api(`/api/v1/rules/sets/audited/versions/${v}`, {
      method: 'PUT',
      body: { comment: 'second thoughts', author: 'mallory' },
    })
    const published = await api(`/api/v1/rules/sets/audited/versions/${v}/publish`, {
      body: { author: 'mallory' },
    })
    expect(published.body.version.author).toBe('bootstrap admin')
    const entries = await trail('path=/api/v1/rules/sets/audited')
    const put = entries.find((e) => e.method === 'PUT')!
    expect(put.before).toMatchObject({ comment: null })
    expect(put.after).toMatchObject({ comment: 'second thoughts', author: 'bootstrap admin' })
    const publish = entries.find((e) => e.route.endsWith('/publish'))!
    expect(publish.before).toMatchObject({ status: 'draft' })
    expect(publish.after).toMatchObject({ status: 'published', author: 'bootstrap admin' })
  })

  it('records stock adjustments and refusals too; reads are not writes', async () => {
    const adjust = { events: [{ eventId: `audit-${kind}`, sku: 'SKU-A', locationId: 'akl', delta: 3 }] }
    await api('/api/v1/inventory/adjustments', { body: adjust })
    const [entry] = await trail('path=/api/v1/inventory/adjustments')
    expect(entry).toMatchObject({ request: adjust, status: 200 })
    expect(await trail('method=POST&path=/api/v1/orders?')).toEqual([])
  })

  it('is for admins only, and pages newest first', async () => {
    const viewer = (await api('/api/v1/keys', { body: { name: 'looker', role: 'viewer' } })).body
      .token as string
    const refused = await api('/api/v1/audit', { key: viewer })
    expect(refused.status).toBe(403)
    const first = await api('/api/v1/audit?limit=2')
    expect(first.body.items).toHaveLength(2)
    const next = await api(`/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`)
    expect(next.body.items[0].id < first.body.items[1].id).toBe(true)
  })
})
