import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'

/** Sends raw bytes to the hub and reads everything it answers until it closes the connection. */
function rawExchange(
  url: string,
  request: string,
): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    socket.on('data', (d) => chunks.push(d))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head = '', body = ''] = text.split('\r\n\r\n', 2)
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), headers: head.toLowerCase(), body })
    })
    socket.end(request)
  })
}

/**
 * Requests the HTTP parser refuses before the app sees them (an over-long request line, too many
 * header bytes, not HTTP at all) are answered with problem+json like every other refusal, not
 * Node's bare status line; a URI over the hub's own limit is 414 from the app.
 */
describe('oversized and malformed requests', () => {
  let db: TestDb
  let hub: TestHub

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    hub = await startTestHub(db, [])
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  const expectProblem = (
    res: { status: number; headers: string; body: string },
    status: number,
    code: string,
  ) => {
    expect(res.status, res.headers).toBe(status)
    expect(res.headers).toContain('content-type: application/problem+json')
    const problem = JSON.parse(res.body)
    expect(problem).toMatchObject({
      status,
      code,
      title: expect.any(String),
      type: expect.stringContaining('problems/'),
    })
  }

  it('answers headers over the limit with 431 problem+json', async () => {
    for (const headers of [
      `x-big: ${'a'.repeat(20_000)}\r\n`,
      Array.from({ length: 300 }, (_, i) => `x-h${i}: ${'b'.repeat(80)}\r\n`).join(''),
    ]) {
      const res = await rawExchange(hub.url, `GET /health HTTP/1.1\r\nhost: x\r\n${headers}\r\n`)
      expectProblem(res, 431, 'HEADERS_TOO_LARGE')
    }
  })

  it('answers an over-long URI with 414 problem+json, whether the parser or the app sees it first', async () => {
    for (const length of [9_000, 12_000, 20_000, 70_000]) {
      const res = await rawExchange(
        hub.url,
        `GET /api/v1/orders?externalId=${'x'.repeat(length)} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`,
      )
      expectProblem(res, 414, 'URI_TOO_LONG')
    }
    expect((await fetch(`${hub.url}/health?pad=${'x'.repeat(8_000)}`)).status).toBe(200)
  })

  it('answers what is not HTTP with 400 problem+json', async () => {
    expectProblem(await rawExchange(hub.url, 'HELLO THERE\r\n\r\n'), 400, 'MALFORMED_REQUEST')
    expectProblem(
      await rawExchange(hub.url, 'GET /health HTTP/1.1\r\nhost: x\r\nbad header line\r\n\r\n'),
      400,
      'MALFORMED_REQUEST',
    )
  })
})
