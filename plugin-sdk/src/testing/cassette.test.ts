import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { recordCassette, replayCassette } from './cassette'
import { startFixtureServer } from './fixture-server'

const dir = mkdtempSync(join(tmpdir(), 'switchyard-cassette-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a recorded partner exchange', () => {
  it('is recorded once without its secrets, and replayed in order; a call it lacks is a clear 404', async () => {
    // Stands in for the partner's sandbox: pages of orders for a bearer token, and an acknowledgement.
    const partner = await startFixtureServer((req) => {
      if (req.headers.authorization !== 'Bearer sk-live-123') return { status: 401, body: { error: 'token' } }
      if (req.path === '/orders') return { body: { page: Number(req.query.get('page')), account: 'acct-9' } }
      return {
        status: 201,
        headers: { 'x-request-id': 'r-1' },
        body: { acknowledged: JSON.parse(req.body).id },
      }
    })
    const file = join(dir, 'orders.json')
    const recorder = await recordCassette({ target: partner.url, file, redact: ['sk-live-123', 'acct-9'] })
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${recorder.url}${path}`, {
        ...init,
        headers: { authorization: 'Bearer sk-live-123', 'content-type': 'application/json' },
      }).then(async (r) => ({ status: r.status, body: await r.json() }))
    const live = [
      await call('/orders?page=1'),
      await call('/orders?page=2'),
      await call('/acks', { method: 'POST', body: JSON.stringify({ id: 'o-1' }) }),
    ]
    await recorder.close()
    await partner.close()
    expect(live.map((r) => r.status)).toEqual([200, 200, 201])

    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain('sk-live-123')
    expect(text).not.toContain('acct-9')
    expect(JSON.parse(text).exchanges).toHaveLength(3)

    const replay = await startFixtureServer(replayCassette(file))
    try {
      const get = (path: string, init: RequestInit = {}) =>
        fetch(`${replay.url}${path}`, init).then(async (r) => ({ status: r.status, body: await r.json() }))
      expect(await get('/orders?page=2')).toEqual({ status: 200, body: { page: 2, account: '[redacted]' } })
      expect(await get('/orders?page=1')).toEqual({ status: 200, body: { page: 1, account: '[redacted]' } })
      const ack = await fetch(`${replay.url}/acks`, { method: 'POST', body: JSON.stringify({ id: 'o-1' }) })
      expect([ack.status, ack.headers.get('x-request-id'), await ack.json()]).toEqual([
        201,
        'r-1',
        { acknowledged: 'o-1' },
      ])
      // Each recorded answer is used once; a call the recording lacks says which.
      const again = await get('/orders?page=1')
      expect(again.status).toBe(404)
      expect(again.body.error).toMatch(/no answer for GET \/orders\?page=1/)
    } finally {
      await replay.close()
    }
  })
})
