import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'

/** Rule drafts are saved over exactly the state a writer read: If-Match, 412 otherwise. */
describe.each(dbKinds)('If-Match on rule drafts on %s', (kind) => {
  let db: TestDb
  let hub: TestHub

  beforeAll(async () => {
    db = await createTestDb(kind)
    hub = await startTestHub(db, [])
    await hub.api('/api/v1/rules/sets', { body: { id: 'tagged', kind: 'sourcing', name: 'Tagged' } })
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  const put = (path: string, body: unknown, ifMatch?: string) =>
    fetch(`${hub.url}${path}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${hub.adminKey}`,
        'content-type': 'application/json',
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, etag: r.headers.get('etag'), body: await r.json() }))

  it('saves over the state read, refuses a stale one naming the current, and lets * or no header through', async () => {
    const created = await hub.api('/api/v1/rules/sets/tagged/versions', { body: { rules: [] } })
    const v = created.body.version.version as number
    const path = `/api/v1/rules/sets/tagged/versions/${v}`
    const read = await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${hub.adminKey}` } })
    const tag = read.headers.get('etag')!
    expect(tag).toBe((await read.json()).etag)

    // Two editors read the same state; the first saves, the second is refused.
    await new Promise((r) => setTimeout(r, 2))
    const first = await put(path, { comment: 'first' }, tag)
    expect(first.status).toBe(200)
    expect(first.etag).not.toBe(tag)
    expect(first.etag).toBe(first.body.version.etag)
    const second = await put(path, { comment: 'second' }, tag)
    expect(second.status).toBe(412)
    expect(second.body).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { current: { etag: first.etag, author: 'bootstrap admin' } },
    })
    expect((await hub.api(path)).body.comment).toBe('first')

    // The second editor reads again and saves; a person may also choose to overwrite.
    await new Promise((r) => setTimeout(r, 2))
    expect((await put(path, { comment: 'second' }, first.etag!)).status).toBe(200)
    expect((await put(path, { comment: 'anyway' }, '*')).status).toBe(200)
    expect((await put(path, { comment: 'no header' })).status).toBe(200)
  })

  it('refuses to publish a state other than the one read', async () => {
    const created = await hub.api('/api/v1/rules/sets/tagged/versions', { body: { rules: [] } })
    const v = created.body.version.version as number
    const stale = created.body.version.etag as string
    await new Promise((r) => setTimeout(r, 2))
    await put(`/api/v1/rules/sets/tagged/versions/${v}`, { comment: 'changed' }, stale)
    const publish = await fetch(`${hub.url}/api/v1/rules/sets/tagged/versions/${v}/publish`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${hub.adminKey}`,
        'if-match': stale,
        'content-type': 'application/json',
      },
      body: '{}',
    })
    expect(publish.status).toBe(412)
    expect((await hub.api(`/api/v1/rules/sets/tagged/versions/${v}`)).body.status).toBe('draft')
  })
})
