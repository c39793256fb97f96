import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'

/**
 * Shutting down: /ready says 503 `DRAINING` at once (balancers send elsewhere) while the port is
 * still open for the drain delay; a request already in flight finishes with its real answer.
 */
describe.each(dbKinds)('a hub draining at shutdown on %s', (kind) => {
  let db: TestDb
  let hub: TestHub

  beforeEach(async () => {
    db = await createTestDb(kind)
    hub = await startTestHub(db, [], {
      SWITCHYARD_DRAIN_DELAY_MS: '600',
      SWITCHYARD_DRAIN_TIMEOUT_MS: '5000',
    })
  })

  afterEach(async () => {
    await hub.stop()
    await db.drop()
  })

  /** A PUT whose body arrives in two parts `gapMs` apart: in flight for that long. */
  const slowPut = (path: string, body: string, gapMs: number, firstPartSent: () => void) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(path, hub.url)
      const req = request(
        url,
        {
          method: 'PUT',
          headers: { authorization: `Bearer ${hub.adminKey}`, 'content-type': 'application/json' },
        },
        (res) => {
          let text = ''
          res.on('data', (c) => {
            text += c
          })
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        },
      )
      req.on('error', reject)
      const half = Math.floor(body.length / 2)
      req.write(body.slice(0, half), () => {
        firstPartSent()
        setTimeout(() => req.end(body.slice(half)), gapMs)
      })
    })

  it('answers /ready 503 DRAINING while a request in flight still gets its answer', async () => {
    expect((await fetch(`${hub.url}/ready`)).status).toBe(200)
    let sent!: () => void
    const started = new Promise<void>((r) => {
      sent = r
    })
    const products = { items: [{ sku: `DRAIN-${kind}`, name: 'Drain test' }] }
    const inFlight = slowPut('/api/v1/products', JSON.stringify(products), 300, () => sent())
    await started
    const stopping = hub.hub.stop()
    const ready = await fetch(`${hub.url}/ready`)
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({ code: 'DRAINING' })
    // Liveness is not readiness: the process is healthy, only leaving.
    expect((await fetch(`${hub.url}/health`)).status).toBe(200)
    const answer = await inFlight
    expect(answer).toMatchObject({ status: 200 })
    expect(JSON.parse(answer.body)).toEqual({ upserted: 1 })
    await stopping
  })
})
