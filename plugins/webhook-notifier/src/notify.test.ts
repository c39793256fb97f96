import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SIGNATURE_HEADER, verifyOutboundSignature, verifyTimestamped } from '@switchyard/plugin-sdk'
import { createTestContext } from '@switchyard/plugin-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import plugin from './index'

describe('webhook notifier', () => {
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => {
      body += c
    })
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.statusCode = received.length === 1 ? 503 : 204
      res.end()
    })
  })
  let url = ''
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`
  })
  afterAll(() => server.close())

  const update = {
    orderId: 'o-1',
    externalOrderId: 'W-1',
    status: 'shipped' as const,
    lines: [],
    shipments: [],
    occurredAt: '2026-11-26T10:00:00.000Z',
  }

  it('posts a signed notification, and the same key on a retry', async () => {
    const { ctx } = createTestContext(
      plugin,
      { url, secret: 'notify-secret-123' },
      { idempotencyKey: 'notification:n:1' },
    )
    const call = () => plugin.capabilities.notify!.notify({ channelInstanceId: 'web', update }, ctx)
    await expect(call()).rejects.toMatchObject({ failure: 'transient' })
    await expect(call()).resolves.toEqual({ status: 'accepted' })
    expect(received).toHaveLength(2)
    const [first, second] = received
    expect(first!.headers['idempotency-key']).toBe('notification:n:1')
    expect(second!.headers['idempotency-key']).toBe('notification:n:1')
    // Standard Webhooks by default, the message id being the idempotency key.
    expect(second!.headers['webhook-id']).toBe('notification:n:1')
    const verdict = verifyOutboundSignature({
      secret: 'notify-secret-123',
      rawBody: Buffer.from(second!.body),
      headers: second!.headers,
    })
    expect(verdict).toEqual({ ok: true })
    expect(second!.headers[SIGNATURE_HEADER]).toBeUndefined()
    expect(JSON.parse(second!.body)).toEqual({ type: 'order.status', channelInstanceId: 'web', update })
  })

  it('signs the older way for receivers that ask for it', async () => {
    received.length = 1 // the next answer is a 204
    const { ctx } = createTestContext(
      plugin,
      { url, secret: 'notify-secret-123', signatureScheme: 'switchyard-v1' },
      { idempotencyKey: 'notification:n:2' },
    )
    await plugin.capabilities.notify!.notify({ channelInstanceId: 'web', update }, ctx)
    const last = received[received.length - 1]!
    expect(last.headers['webhook-signature']).toBeUndefined()
    const verdict = verifyTimestamped({
      secret: 'notify-secret-123',
      rawBody: Buffer.from(last.body),
      header: String(last.headers[SIGNATURE_HEADER]),
    })
    expect(verdict).toEqual({ ok: true })
  })

  it('skips statuses nobody subscribed to', async () => {
    const { ctx } = createTestContext(plugin, { url, secret: 'notify-secret-123', statuses: ['cancelled'] })
    await expect(
      plugin.capabilities.notify!.notify({ channelInstanceId: 'web', update }, ctx),
    ).resolves.toEqual({
      status: 'skipped',
      reason: 'status shipped is not subscribed',
    })
  })
})
