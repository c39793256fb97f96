import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/** Every character class the hub refuses as text: C0 controls but tab, LF and CR; DEL; C1; lone surrogates. */
const badCharacters: { name: string; char: string }[] = [
  ...Array.from({ length: 0x20 }, (_, code) => code)
    .filter((code) => ![0x09, 0x0a, 0x0d].includes(code))
    .map((code) => ({ name: `C0 U+${code.toString(16).padStart(4, '0')}`, char: String.fromCharCode(code) })),
  { name: 'DEL', char: '\u007f' },
  { name: 'C1 U+0085', char: '\u0085' },
  { name: 'C1 U+009F', char: '\u009f' },
  { name: 'lone high surrogate', char: '\ud800' },
  { name: 'lone low surrogate', char: '\udfff' },
  { name: 'reversed pair', char: '\ude00\ud83d' },
]

/** Byte sequences that are not UTF-8. */
const badBytes: { name: string; bytes: number[] }[] = [
  { name: 'stray continuation byte', bytes: [0x80] },
  { name: 'overlong slash', bytes: [0xc0, 0xaf] },
  { name: 'truncated sequence', bytes: [0xe2, 0x82] },
  { name: 'encoded surrogate', bytes: [0xed, 0xa0, 0x80] },
  { name: 'beyond U+10FFFF', bytes: [0xf4, 0x90, 0x80, 0x80] },
  { name: 'latin-1 é', bytes: [0xe9] },
  { name: 'byte FF', bytes: [0xff] },
]

/** Where in an order the bad text is put, and the field the problem must name. */
const placements: { field: string; put: (order: Record<string, any>, text: string) => void }[] = [
  { field: 'customer.name', put: (o, t) => (o.customer.name = t) },
  { field: 'lines[0].sku', put: (o, t) => (o.lines[0].sku = t) },
  { field: 'externalId', put: (o, t) => (o.externalId = t) },
  { field: 'shipTo.line1', put: (o, t) => (o.shipTo.line1 = t) },
  { field: 'customer.email', put: (o, t) => (o.customer.email = t) },
]

/** JSON with `bytes` spliced into the middle of the customer's name. */
function jsonWithBytes(order: Record<string, unknown>, bytes: number[]): Buffer {
  const json = Buffer.from(JSON.stringify(order))
  const at = json.indexOf('Kiri Tane') + 4
  return Buffer.concat([json.subarray(0, at), Buffer.from(bytes), json.subarray(at)])
}

/** Percent-encoded as a browser would; a surrogate (which has no UTF-8 form) as the bytes of one. */
const percent = (text: string) =>
  [...text]
    .map((ch) =>
      ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(ch),
    )
    .join('')

/**
 * Text no database can store is refused where it enters, on both databases: a control character or
 * an unpaired surrogate is 422 naming the field, bytes that are not UTF-8 are 400 naming the body
 * or the query parameter, for the order API, query parameters and a channel's webhook alike.
 * Nothing is written, and a redelivery of the same refused order is refused the same way.
 */
describe.each(dbKinds)('text at the door on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let web: RestChannelPeer

  beforeAll(async () => {
    db = await createTestDb(kind)
    web = await RestChannelPeer.start('text-web-secret')
    hub = await startTestHub(
      db,
      [
        { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
        {
          id: 'plain',
          use: fileURLToPath(new URL('./text-plain-channel-plugin.ts', import.meta.url)),
          config: {},
        },
      ],
      {
        WEB_SECRET: web.secret,
        SWITCHYARD_RATE_LIMIT_KEY: 'off',
        SWITCHYARD_RATE_LIMIT_WEBHOOK: 'off',
        LOG_LEVEL: process.env.TLOG ?? 'silent',
      },
    )
    await seedWorld(hub.api)
  })

  afterAll(async () => {
    await hub?.stop()
    await web?.close()
    await db?.drop()
  })

  const expectProblem = (
    res: { status: number; body: any; contentType: string },
    status: number,
    field: string,
  ) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    expect(res.contentType).toContain('application/problem+json')
    expect(res.body.code, JSON.stringify(res.body)).toBe(status === 400 ? 'INVALID_UTF8' : 'INVALID_TEXT')
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field)
  }

  it('refuses every bad character in every field of an API body and of a webhook, twice alike', async () => {
    let n = 0
    for (const bad of badCharacters) {
      const place = placements[n++ % placements.length]!
      const order = sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }]) as Record<string, any>
      place.put(order, `ab${bad.char}cd`)
      for (let attempt = 0; attempt < 2; attempt++) {
        const api = await hub.api('/api/v1/orders', { body: { channel: 'web', order } })
        expectProblem(api, 422, `order.${place.field}`)
        // The webhook is authentic: kept as an intake exception (202) naming the field as the channel
        // wrote it (rest-channel's body is the order); sent again, the same exception.
        const hook = await web.postOrder(hub.url, 'web', order)
        expect(hook.status, JSON.stringify(hook.body)).toBe(202)
        const kept = await hub.api(`/api/v1/exceptions/${hook.body.exceptionId}`)
        expect(kept.body.reasons).toContainEqual(
          expect.objectContaining({ field: place.field, code: 'INVALID_TEXT' }),
        )
        expect(kept.body.occurrences).toBe(attempt + 1)
      }
    }
    // A key no schema knows is still named by where it sits.
    const keyed = await hub.api('/api/v1/orders', { body: { channel: 'web', order: { 'k\u0000': 1 } } })
    expectProblem(keyed, 422, 'order')
    expect((await hub.api('/api/v1/orders')).body.items).toEqual([])
  })

  it('refuses bytes that are not UTF-8 in an API body and in a webhook body', async () => {
    for (const bad of badBytes) {
      const body = jsonWithBytes({ channel: 'web', order: sampleOrder() }, bad.bytes)
      const res = await fetch(`${hub.url}/api/v1/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${hub.adminKey}`, 'content-type': 'application/json' },
        body: new Uint8Array(body),
      })
      expectProblem(
        { status: res.status, body: await res.json(), contentType: res.headers.get('content-type') ?? '' },
        400,
        '(body)',
      )
      const hook = await web.postOrder(hub.url, 'web', jsonWithBytes(sampleOrder(), bad.bytes))
      expectProblem(hook, 400, '(body)')
    }
    expect((await hub.api('/api/v1/orders')).body.items).toEqual([])
  })

  it('refuses bad text and bad bytes in query parameters and paths, naming the parameter', async () => {
    for (const bad of badCharacters) {
      // A lone surrogate cannot be percent-encoded as UTF-8 at all: it arrives as bad bytes.
      const surrogate = bad.char.charCodeAt(0) >= 0xd800
      const value = `x${percent(bad.char)}y`
      for (const path of [`/api/v1/orders?externalId=${value}`, `/api/v1/inventory?limit=5&sku=${value}`]) {
        const res = await hub.api(path)
        expectProblem(res, surrogate ? 400 : 422, path.includes('sku') ? 'sku' : 'externalId')
      }
    }
    for (const bad of badBytes) {
      const value = bad.bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
      expectProblem(await hub.api(`/api/v1/orders?externalId=a${value}`), 400, 'externalId')
    }
    expectProblem(await hub.api('/api/v1/products/SKU%00A'), 422, '(path)')
    expectProblem(await hub.api('/api/v1/orders?%00=1'), 422, '(query)')
    const hook = await fetch(`${hub.url}/webhooks/web/orders?shop=a%07b`, { method: 'POST', body: '{}' })
    expect(hook.status).toBe(422)
    expect((await hook.json()).errors[0].field).toBe('shop')
  })

  it('checks what any plugin makes of a body that is not JSON, and what a poll brings', async () => {
    // A lone surrogate has no UTF-8 form: a text body carries it as bad bytes, refused above.
    for (const bad of badCharacters.filter((b) => b.char.charCodeAt(0) < 0xd800)) {
      const res = await fetch(`${hub.url}/webhooks/plain/orders`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `PLAIN-1|Ki${bad.char}ri|SKU-A`,
      })
      const body = await res.json()
      // Authentic: kept as an intake exception naming the canonical order's field.
      expect(res.status, JSON.stringify(body)).toBe(202)
      expect(body.results[0].reasons[0]).toMatchObject({ field: 'customer.name', code: 'INVALID_TEXT' })
    }
    // The polled order is kept as an intake exception naming the field, the instance is not marked
    // failing (bad data is not a failing call), and no order is stored.
    const kept = await waitFor(async () => {
      const items = (await hub.api('/api/v1/exceptions?instance=plain&status=open')).body.items as {
        externalOrderId: string | null
        reasons: { field: string; code: string }[]
      }[]
      // Its id holds a NUL, so it has no readable one: the field is named instead.
      return items.find((e) => e.externalOrderId === null && e.reasons.some((r) => r.field === 'externalId'))
    }, 10_000)
    expect(kept.reasons).toContainEqual(
      expect.objectContaining({ field: 'externalId', code: 'INVALID_TEXT' }),
    )
    const plain = (await hub.api('/api/v1/plugins')).body.items.find((i: { id: string }) => i.id === 'plain')
    expect(plain).toMatchObject({ status: 'active', consecutiveFailures: 0 })
    expect((await hub.api('/api/v1/orders')).body.items).toEqual([])
  })

  it('still takes tab, line feed, carriage return and text of every script', async () => {
    const order = sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }]) as Record<string, any>
    order.customer.name = 'Zoë\tO’Brien 東京 😀'
    order.shipTo.line1 = 'Flat 2\r\n12 Cuba Street'
    expect((await web.postOrder(hub.url, 'web', order)).status).toBe(201)
    const q = await hub.api(`/api/v1/orders?externalId=${encodeURIComponent(order.externalId)}`)
    expect(q.body.items).toHaveLength(1)
    expect((await hub.api(`/api/v1/orders?externalId=${encodeURIComponent('東京 😀')}`)).status).toBe(200)
  })
})
