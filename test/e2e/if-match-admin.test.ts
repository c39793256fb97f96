import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * What people edit concurrently through the admin API (price lists and contracts, locations,
 * pools, sku mappings) carries an ETag; a write that names a state no longer current is 412
 * `PRECONDITION_FAILED` naming the current one and changes nothing; without If-Match a write goes
 * ahead as it always did. The small lists take `updatedSince`.
 */
describe.each(dbKinds)('If-Match and updatedSince on the admin resources on %s', (kind) => {
  let db: TestDb
  let hub: TestHub

  beforeAll(async () => {
    db = await createTestDb(kind)
    hub = await startTestHub(
      db,
      [{ id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } }],
      { WEB_SECRET: 'if-match-secret-0001' },
    )
    await seedWorld(hub.api)
  }, 60_000)

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  const call = async (method: string, path: string, body?: unknown, ifMatch?: string) => {
    const res = await fetch(`${hub.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${hub.adminKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return {
      status: res.status,
      etag: res.headers.get('etag'),
      type: res.headers.get('content-type'),
      body: text ? JSON.parse(text) : undefined,
    }
  }
  const tick = () => new Promise((r) => setTimeout(r, 5))

  /**
   * Two editors read the same state; the first writes, the second is refused naming the state the
   * first left, and nothing of the second's is kept; no header, or `*`, goes ahead.
   */
  async function editRace(
    path: string,
    write: { method: 'PUT'; path?: string; first: unknown; second: unknown },
    changed: (body: any) => unknown,
  ) {
    const read = await call('GET', path)
    expect(read.status).toBe(200)
    expect(read.etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
    expect((await call('GET', path)).etag).toBe(read.etag)

    await tick()
    const first = await call('PUT', write.path ?? path, write.first, read.etag!)
    expect(first.status).toBe(200)
    const now = await call('GET', path)
    expect(now.etag).not.toBe(read.etag)
    if (first.etag) expect(first.etag).toBe(now.etag)

    const second = await call('PUT', write.path ?? path, write.second, read.etag!)
    expect(second.status).toBe(412)
    expect(second.type).toMatch(/application\/problem\+json/)
    expect(second.body).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { current: { etag: now.etag } },
    })
    expect(changed((await call('GET', path)).body)).toEqual(changed(now.body))

    expect((await call('PUT', write.path ?? path, write.second, 'W/"weak", "other"')).status).toBe(412)
    expect((await call('PUT', write.path ?? path, write.second, `"other", ${now.etag}`)).status).toBe(200)
    expect((await call('PUT', write.path ?? path, write.first, '*')).status).toBe(200)
    expect((await call('PUT', write.path ?? path, write.second)).status).toBe(200)
  }

  it('price lists: replacing the list, and setting or removing prices, changes its tag', async () => {
    const list = { name: 'Retail', currency: 'NZD', prices: [{ sku: 'SKU-A', price: '10.00' }] }
    expect((await call('PUT', '/pricing/price-lists/retail', list)).status).toBe(200)
    await editRace(
      '/pricing/price-lists/retail',
      { method: 'PUT', first: { ...list, name: 'Retail A' }, second: { ...list, name: 'Retail B' } },
      (b) => b.name,
    )
    const read = await call('GET', '/pricing/price-lists/retail')
    await tick()
    const priced = await call(
      'PUT',
      '/pricing/price-lists/retail/prices',
      { items: [{ sku: 'SKU-B', price: '5.00' }] },
      read.etag!,
    )
    expect(priced.status).toBe(200)
    expect(priced.etag).toBe((await call('GET', '/pricing/price-lists/retail')).etag)
    const stale = await call(
      'PUT',
      '/pricing/price-lists/retail/prices',
      { items: [{ sku: 'SKU-B', price: '6.00' }] },
      read.etag!,
    )
    expect(stale.status).toBe(412)
    expect(
      (await call('POST', '/pricing/price-lists/retail/prices/remove', { skus: ['SKU-B'] }, read.etag!))
        .status,
    ).toBe(412)
    expect((await call('GET', '/pricing/price-lists/retail')).body.prices).toContainEqual({
      sku: 'SKU-B',
      price: '5.00',
    })

    expect((await call('DELETE', '/pricing/price-lists/retail', undefined, read.etag!)).status).toBe(412)
    expect((await call('DELETE', '/pricing/price-lists/retail', undefined, priced.etag!)).status).toBe(204)
    // Gone: no tag names it, not even `*`.
    const gone = await call('PUT', '/pricing/price-lists/retail', list, '*')
    expect(gone).toMatchObject({ status: 412, body: { details: { current: { etag: null } } } })
  })

  it('contracts, which are price lists with a customer', async () => {
    const contract = {
      name: 'Acme terms',
      currency: 'NZD',
      customer: { email: 'buyer@acme.example' },
      prices: [{ sku: 'SKU-A', price: '8.00' }],
    }
    const made = await call('PUT', '/pricing/price-lists/acme', contract)
    expect(made.body.kind).toBe('contract')
    await editRace(
      '/pricing/price-lists/acme',
      { method: 'PUT', first: { ...contract, priority: 5 }, second: { ...contract, priority: 9 } },
      (b) => b.priority,
    )
  })

  it('locations', async () => {
    const akl = (await call('GET', '/locations/akl')).body
    const { id: _id, createdAt: _c, updatedAt: _u, ...body } = akl
    await editRace(
      '/locations/akl',
      {
        method: 'PUT',
        first: { ...body, name: 'Auckland DC (north)' },
        second: { ...body, name: 'Auckland DC (east)' },
      },
      (b) => b.name,
    )
  })

  it('pools: the tag names the settings, and a stale remove is refused', async () => {
    const body = { channel: 'web', sku: 'SKU-A', locationId: 'akl', protectedQty: 5 }
    const made = await call('PUT', '/pools', body)
    expect(made.status).toBe(200)
    const path = `/pools/${made.body.id}`
    expect((await call('GET', path)).etag).toBe(made.etag)
    await editRace(
      path,
      { method: 'PUT', path: '/pools', first: { ...body, capUnits: 3 }, second: { ...body, capUnits: 4 } },
      (b) => b.capUnits,
    )
    const stale = (await call('GET', path)).etag!
    await call('PUT', '/pools', { ...body, mayBorrow: false })
    expect((await call('DELETE', path, undefined, stale)).status).toBe(412)
    expect((await call('GET', path)).status).toBe(200)
    expect((await call('DELETE', path, undefined, (await call('GET', path)).etag!)).status).toBe(204)
    expect((await call('GET', path)).status).toBe(404)
  })

  it('sku mappings, one channel sku at a time', async () => {
    const path = '/channels/web/sku-mappings/TEE-6PK'
    expect((await call('GET', path)).status).toBe(404)
    const made = await call('PUT', path, { hubSku: 'SKU-A', multiplier: 6 })
    expect(made).toMatchObject({
      status: 200,
      body: { channelSku: 'TEE-6PK', hubSku: 'SKU-A', multiplier: 6 },
    })
    await editRace(
      path,
      { method: 'PUT', first: { hubSku: 'SKU-A', multiplier: 12 }, second: { hubSku: 'SKU-B' } },
      (b) => [b.hubSku, b.multiplier],
    )
    const bad = await call('PUT', path, { hubSku: 'SKU-A', multiplier: 1.5 })
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ field: 'multiplier' }] } })
    const unknown = await call('PUT', path, { hubSku: 'NOPE' })
    expect(unknown).toMatchObject({
      status: 422,
      body: { code: 'UNKNOWN_REFERENCE', errors: [{ field: 'hubSku' }] },
    })

    const read = await call('GET', path)
    await tick()
    // A bulk write is a change too.
    await call('PUT', '/channels/web/sku-mappings', {
      mappings: [{ channelSku: 'TEE-6PK', hubSku: 'SKU-A', multiplier: 2 }],
    })
    expect((await call('DELETE', path, undefined, read.etag!)).status).toBe(412)
    expect((await call('DELETE', path, undefined, (await call('GET', path)).etag!)).status).toBe(204)
  })

  it('sku mappings in bulk: each entry may name the tag it was read with', async () => {
    const bulk = '/channels/web/sku-mappings'
    await call('PUT', bulk, {
      mappings: [
        { channelSku: 'BULK-1', hubSku: 'SKU-A' },
        { channelSku: 'BULK-2', hubSku: 'SKU-B', multiplier: 2 },
      ],
    })
    // The list carries each mapping's tag, the same the one mapping's URL gives.
    const listed = (await call('GET', `${bulk}?limit=1000`)).body.items as {
      channelSku: string
      etag: string
    }[]
    const tagOf = (sku: string) => listed.find((m) => m.channelSku === sku)!.etag
    expect(tagOf('BULK-1')).toBe((await call('GET', `${bulk}/BULK-1`)).etag)
    expect(tagOf('BULK-2')).toBe((await call('GET', `${bulk}/BULK-2`)).etag)

    // Someone else changes BULK-2 after we read it.
    await tick()
    expect((await call('PUT', `${bulk}/BULK-2`, { hubSku: 'SKU-B', multiplier: 3 })).status).toBe(200)
    const now2 = await call('GET', `${bulk}/BULK-2`)
    const stale = await call('PUT', bulk, {
      mappings: [
        { channelSku: 'BULK-1', hubSku: 'SKU-C', ifMatch: tagOf('BULK-1') },
        { channelSku: 'BULK-2', hubSku: 'SKU-C', ifMatch: tagOf('BULK-2') },
        { channelSku: 'BULK-3', hubSku: 'SKU-C' },
      ],
    })
    expect(stale.status).toBe(412)
    expect(stale.type).toMatch(/application\/problem\+json/)
    expect(stale.body).toMatchObject({
      code: 'PRECONDITION_FAILED',
      errors: [{ field: 'mappings[1].ifMatch' }],
      details: { current: { 'BULK-2': { etag: now2.etag, updatedAt: now2.body.updatedAt } } },
    })
    expect(stale.body.errors).toHaveLength(1)
    // All or nothing: the entry whose tag held, and the one without a tag, were not written either.
    expect((await call('GET', `${bulk}/BULK-1`)).body.hubSku).toBe('SKU-A')
    expect((await call('GET', `${bulk}/BULK-3`)).status).toBe(404)
    expect((await call('GET', `${bulk}/BULK-2`)).body.multiplier).toBe(3)

    // A mapping that is gone is stale too, with a null tag; `*` asks only that it exists.
    const gone = await call('PUT', bulk, {
      mappings: [{ channelSku: 'NEVER', hubSku: 'SKU-A', ifMatch: '*' }],
    })
    expect(gone).toMatchObject({ status: 412, body: { details: { current: { NEVER: { etag: null } } } } })

    // With the tags as they are now, the write goes ahead, and each tag moves on.
    const ok = await call('PUT', bulk, {
      mappings: [
        { channelSku: 'BULK-1', hubSku: 'SKU-C', ifMatch: tagOf('BULK-1') },
        { channelSku: 'BULK-2', hubSku: null, ifMatch: now2.etag! },
        { channelSku: 'BULK-3', hubSku: 'SKU-C' },
      ],
    })
    expect(ok).toMatchObject({ status: 200, body: { upserted: 2, removed: 1 } })
    expect((await call('GET', `${bulk}/BULK-1`)).etag).not.toBe(tagOf('BULK-1'))
    expect((await call('GET', `${bulk}/BULK-2`)).status).toBe(404)

    // A header on the bulk URL would name no state of the set: refused, not ignored.
    const header = await call('PUT', bulk, { mappings: [{ channelSku: 'BULK-1', hubSku: 'SKU-A' }] }, '"x"')
    expect(header).toMatchObject({ status: 400, body: { errors: [{ field: 'If-Match' }] } })
    expect((await call('GET', `${bulk}/BULK-1`)).body.hubSku).toBe('SKU-C')
  })

  it('lists take updatedSince: price lists (prices included), costs, locations, sku mappings, products, pools', async () => {
    await call('PUT', '/pricing/price-lists/old', { name: 'Old', currency: 'NZD' })
    await call('PUT', '/pricing/price-lists/new', { name: 'New', currency: 'NZD' })
    await call('PUT', '/pricing/costs', { items: [{ sku: 'SKU-C', cost: '1.00', currency: 'NZD' }] })
    await call('PUT', '/channels/web/sku-mappings', { mappings: [{ channelSku: 'OLD-1', hubSku: 'SKU-C' }] })
    await call('PUT', '/pools', { channel: 'web', sku: 'SKU-C', locationId: 'akl', protectedQty: 1 })
    await tick()
    const since = new Date().toISOString()
    await tick()
    await call('PUT', '/pricing/price-lists/new/prices', { items: [{ sku: 'SKU-A', price: '1.00' }] })
    await call('PUT', '/pricing/costs', { items: [{ sku: 'SKU-D', cost: '2.00', currency: 'NZD' }] })
    const wlg = (await call('GET', '/locations/wlg')).body
    const { id: _id, createdAt: _c, updatedAt: _u, ...body } = wlg
    await call('PUT', '/locations/wlg', { ...body, priority: 3 })
    await call('PUT', '/channels/web/sku-mappings', { mappings: [{ channelSku: 'NEW-1', hubSku: 'SKU-D' }] })
    await call('PUT', '/products', { items: [{ sku: 'SKU-B', name: 'Rain shell, new season' }] })
    await call('PUT', '/pools', { channel: 'web', sku: 'SKU-B', locationId: 'akl', protectedQty: 2 })

    const q = `updatedSince=${encodeURIComponent(since)}`
    const ids = async (path: string, key: string) =>
      ((await call('GET', `${path}?${q}`)).body.items as Record<string, string>[]).map((i) => i[key])
    expect(await ids('/pricing/price-lists', 'id')).toEqual(['new'])
    expect(await ids('/pricing/costs', 'sku')).toEqual(['SKU-D'])
    expect(await ids('/locations', 'id')).toEqual(['wlg'])
    expect(await ids('/channels/web/sku-mappings', 'channelSku')).toEqual(['NEW-1'])
    expect(await ids('/products', 'sku')).toEqual(['SKU-B'])
    expect(await ids('/pools', 'sku')).toEqual(['SKU-B'])

    // Paged as any list: the cursor is the key, the filter stays.
    const first = await call('GET', `/pricing/price-lists?limit=1&updatedSince=1970-01-01T00:00:00Z`)
    expect(first.body.items).toHaveLength(1)
    const next = await call(
      'GET',
      `/pricing/price-lists?limit=1&updatedSince=1970-01-01T00:00:00Z&cursor=${first.body.nextCursor}`,
    )
    expect(next.body.items[0].id > first.body.items[0].id).toBe(true)
    expect((await call('GET', '/pricing/price-lists?updatedSince=yesterday')).status).toBe(400)
  })

  it('the plugins list takes updatedSince: an intake exception of an instance changes it', async () => {
    await tick()
    const since = encodeURIComponent(new Date().toISOString())
    const listed = async () =>
      ((await call('GET', `/plugins?updatedSince=${since}`)).body.items as { id: string }[]).map((p) => p.id)
    expect(await listed()).toEqual([])
    const web = await RestChannelPeer.start('if-match-secret-0001')
    try {
      const sent = await web.postOrder(
        hub.url,
        'web',
        sampleOrder({}, [{ sku: 'NOT-IN-CATALOGUE', quantity: 1 }]),
      )
      expect(sent.status).toBe(202)
    } finally {
      await web.close()
    }
    const all = (await call('GET', '/plugins')).body.items as {
      id: string
      openExceptions: number
      updatedAt: string
    }[]
    expect(all.find((p) => p.id === 'web')).toMatchObject({ openExceptions: 1 })
    expect(await listed()).toEqual(['web'])
    expect((await call('GET', '/plugins?updatedSince=yesterday')).status).toBe(400)
  })

  it('lists take updatedSince: carrier lanes and calendars, exchange rates, rule sets (a version taking effect too), keys', async () => {
    const lane = (id: string) => ({
      id,
      carrier: 'NZ Post',
      serviceLevel: 'standard',
      destCountry: 'NZ',
      transitDays: 2,
      cost: '6.50',
      currency: 'NZD',
    })
    const calendar = (id: string) => ({ id, name: id, nonDeliveryDays: ['sun'], holidays: [] })
    const rate = (quote: string, asOf: string) => ({ base: 'NZD', quote, rate: '1.5', asOf })
    await call('PUT', '/rules/carrier-calendars', { items: [calendar('cal-old')] })
    await call('PUT', '/rules/carrier-lanes', { items: [lane('lane-old')] })
    await call('POST', '/pricing/exchange-rates', { items: [rate('AUD', '2026-11-01')] })
    await call('POST', '/rules/sets', { id: 'set-old', kind: 'sourcing', name: 'Old' })
    await call('POST', '/keys', { name: 'key-old', role: 'viewer' })
    await tick()
    const since = new Date().toISOString()
    await tick()
    await call('PUT', '/rules/carrier-calendars', { items: [calendar('cal-new')] })
    await call('PUT', '/rules/carrier-lanes', { items: [lane('lane-new')] })
    await call('POST', '/pricing/exchange-rates', { items: [rate('AUD', '2026-11-02')] })
    await call('POST', '/rules/sets', { id: 'set-new', kind: 'sourcing', name: 'New' })
    const key = (await call('POST', '/keys', { name: 'key-new', role: 'viewer' })).body

    const q = `updatedSince=${encodeURIComponent(since)}`
    const items = async (path: string) =>
      (await call('GET', `${path}?${q}`)).body.items as Record<string, string>[]
    expect((await items('/rules/carrier-calendars')).map((c) => c.id)).toEqual(['cal-new'])
    expect((await items('/rules/carrier-lanes')).map((l) => l.id)).toEqual(['lane-new'])
    expect(
      (await items('/pricing/exchange-rates')).map((r) => `${r.quote} ${String(r.asOf).slice(0, 10)}`),
    ).toEqual(['AUD 2026-11-02'])
    expect((await items('/rules/sets')).map((s) => s.id)).toEqual(['set-new'])
    expect((await items('/keys')).map((k) => k.name)).toEqual(['key-new'])
    expect(key.name).toBe('key-new')
    for (const path of ['/rules/carrier-lanes', '/rules/carrier-calendars', '/pricing/exchange-rates'])
      expect((await items(path)).every((i) => i.updatedAt! >= since)).toBe(true)

    // A version published to take effect shortly changes the set's live version with no write:
    // updatedSince sees the set once that instant has passed, not before.
    await call('POST', '/rules/sets', { id: 'set-later', kind: 'returns', name: 'Later' })
    const draft = await call('POST', '/rules/sets/set-later/versions', { rules: [] })
    expect(draft.status).toBe(201)
    const effectiveFrom = new Date(Date.now() + 2500).toISOString()
    const published = await call(
      'POST',
      `/rules/sets/set-later/versions/${draft.body.version.version}/publish`,
      {
        effectiveFrom,
      },
    )
    expect(published.status).toBe(200)
    await tick()
    const afterPublish = encodeURIComponent(new Date().toISOString())
    const later = async () =>
      (await call('GET', `/rules/sets?updatedSince=${afterPublish}`)).body.items as Record<string, unknown>[]
    expect(await later()).toEqual([])
    await new Promise((r) => setTimeout(r, Date.parse(effectiveFrom) - Date.now() + 50))
    expect(await later()).toMatchObject([
      { id: 'set-later', liveVersion: draft.body.version.version, updatedAt: effectiveFrom },
    ])
    expect((await call('GET', '/rules/sets/set-later')).body).toMatchObject({ updatedAt: effectiveFrom })

    // Two rates of one pair page apart without losing either (the key is pair and as-of).
    const first = await call('GET', '/pricing/exchange-rates?base=NZD&quote=AUD&limit=1')
    const next = await call(
      'GET',
      `/pricing/exchange-rates?base=NZD&quote=AUD&limit=1&cursor=${first.body.nextCursor}`,
    )
    expect(
      [...first.body.items, ...next.body.items].map((r: { asOf: string }) => r.asOf.slice(0, 10)),
    ).toEqual(['2026-11-01', '2026-11-02'])
  })
})
