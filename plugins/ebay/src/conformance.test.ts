import { generateKeyPairSync, sign } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { capabilityNames } from '@switchyard/plugin-sdk'
import {
  createTestContext,
  describePluginConformance,
  type FixtureRequest,
  rawRequest,
  startFixtureServer,
} from '@switchyard/plugin-sdk/testing'
import { describe, expect, it } from 'vitest'
import plugin from './index'
import { challengeResponse } from './notification'

const clientId = 'Switchya-hub-PRD-0a1b2c3d4-5e6f7a8b'
const clientSecret = 'PRD-0a1b2c3d4e5f-6a7b-8c9d-0e1f-2a3b'
const refreshToken = 'v^1.1#i^1#p^3#r^1#conformance-refresh-token'
const verificationToken = 'conformance_verification_token_0123456789'
const page = JSON.parse(readFileSync(new URL('../fixtures/get-orders.json', import.meta.url), 'utf8'))
const config = {
  clientId,
  clientSecret,
  refreshToken,
  reconcileFrom: '2026-11-30T00:00:00Z',
  callsPerSec: 50,
  deletionEndpoint: 'https://hub.example.com/webhooks/ebay/account-deletion',
  deletionVerificationToken: verificationToken,
}

/** eBay signs notifications with ECDSA over P-256 and SHA-1; this pair stands in for its key. */
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
const kid = '9936261a-7d7b-4621-a0f1-96ccb428af49'
/** As eBay's Notification API answers it: the PEM on one line. */
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString().replace(/\n/g, '')

function signedNotification(body: string, keyId = kid) {
  const signature = sign('sha1', Buffer.from(body), privateKey).toString('base64')
  const header = Buffer.from(
    JSON.stringify({ alg: 'ecdsa', kid: keyId, signature, digest: 'SHA1' }),
  ).toString('base64')
  return rawRequest({
    path: '/account-deletion',
    headers: { 'content-type': 'application/json', 'x-ebay-signature': header },
    body,
  })
}
const deletion = JSON.stringify({
  metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION', schemaVersion: '1.0', deprecated: false },
  notification: {
    notificationId: '49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fed8-442b-9d44-791923bd9a6d',
    eventDate: '2026-12-01T20:43:59.462Z',
    publishDate: '2026-12-01T20:43:59.679Z',
    publishAttemptCount: 1,
    data: {
      username: 'kiwi_buyer_42',
      userId: 'ma8vp1jySJC',
      eiasToken: 'nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6wJnY+gAZGEpwmdj6x9nY+seQ==',
    },
  },
})

const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`

function answer(req: FixtureRequest, orders: unknown[] = page.orders) {
  if (req.path === '/identity/v1/oauth2/token') {
    const form = new URLSearchParams(req.body)
    if (req.headers.authorization !== basic) return { status: 401, body: { error: 'invalid_client' } }
    if (form.get('grant_type') === 'client_credentials')
      return {
        body: { access_token: 'v^1.1#app-token', expires_in: 7200, token_type: 'Application Access Token' },
      }
    if (form.get('refresh_token') !== refreshToken)
      return {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'the provided authorization refresh token is invalid',
        },
      }
    return { body: { access_token: 'v^1.1#user-token', expires_in: 7200, token_type: 'User Access Token' } }
  }
  if (req.path.startsWith('/commerce/notification/v1/public_key/')) {
    if (req.headers.authorization !== 'Bearer v^1.1#app-token') return { status: 401, body: { errors: [] } }
    return req.path.endsWith(kid)
      ? { body: { key: publicPem, algorithm: 'ECDSA', digest: 'SHA1' } }
      : { status: 404, body: { errors: [{ errorId: 195001, message: 'Public key not found' }] } }
  }
  if (req.headers.authorization !== 'Bearer v^1.1#user-token')
    return { status: 401, body: { errors: [{ errorId: 1001, message: 'Invalid access token' }] } }
  if (req.path === '/sell/fulfillment/v1/order') {
    const from = /^lastmodifieddate:\[(.+)\.\.\]$/.exec(req.query.get('filter') ?? '')?.[1]
    if (!from) return { status: 400, body: { errors: [{ errorId: 30800, message: 'Invalid filter' }] } }
    const matching = (orders as { lastModifiedDate: string }[]).filter(
      (o) => Date.parse(o.lastModifiedDate) >= Date.parse(from),
    )
    const offset = Number(req.query.get('offset') ?? 0)
    const limit = Number(req.query.get('limit') ?? 50)
    return { body: { total: matching.length, limit, offset, orders: matching.slice(offset, offset + limit) } }
  }
  return { status: 404, body: { errors: [{ errorId: 2002, message: 'Resource not found' }] } }
}

const withBaseUrl = (c: Record<string, unknown>, url: string) => ({
  ...c,
  apiUrl: url,
  tokenUrl: `${url}/identity/v1/oauth2/token`,
})

const good = page.orders[0]
const withId = (id: string) => ({ ...structuredClone(good), orderId: id })
const broken = withId('14-00000-00002')
delete broken.lineItems[0].sku

describePluginConformance(plugin, {
  config,
  invalidConfig: { config: { ...config, marketplaceId: 'US' }, field: 'marketplaceId' },
  withBaseUrl,
  http: (req) => answer(req),
  webhook: {
    signatureHeaders: ['x-ebay-signature'],
    deliveries: [
      { name: 'account deletion', request: () => signedNotification(deletion), expect: ['ignored'] },
    ],
  },
  poll: {
    futureCursor: JSON.stringify({ since: '2999-01-01T00:00:00.000Z', seen: [] }),
    minOrders: 2,
    malformedPage: {
      http: (req) => answer(req, [withId('14-00000-00001'), broken, withId('14-00000-00003')]),
      goodOrders: 2,
      badExternalId: '14-00000-00002',
    },
  },
})

describe('eBay capabilities', () => {
  it('advertises order intake by polling, and stock, prices and refunds out', () => {
    expect(capabilityNames(plugin)).toEqual(
      expect.arrayContaining([
        'polling',
        'order-intake',
        'webhook-intake',
        'status-push',
        'inventory-push',
        'price-push',
        'refund-push',
      ]),
    )
  })
})

describe('eBay account deletion endpoint', () => {
  it('answers the challenge with SHA-256 of code, token and endpoint', async () => {
    const t = createTestContext(plugin, config)
    const request = rawRequest({
      method: 'GET',
      path: '/account-deletion',
      query: { challenge_code: 'a8628072-3d33-45ee-9004-bee86830a22d' },
      body: '',
    })
    expect(await plugin.capabilities.webhook!.verify(request, t.ctx)).toEqual({ ok: true })
    const result = await plugin.capabilities.webhook!.parse(request, t.ctx)
    const expected = challengeResponse(
      'a8628072-3d33-45ee-9004-bee86830a22d',
      verificationToken,
      config.deletionEndpoint,
    )
    expect(expected).toMatch(/^[0-9a-f]{64}$/)
    expect(result.reply).toEqual({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ challengeResponse: expected }),
    })
  })

  it('refuses everything when it is not configured, and a key id eBay does not know', async () => {
    const server = await startFixtureServer((req) => answer(req))
    try {
      const bare = createTestContext(plugin, { clientId, clientSecret, refreshToken })
      const get = rawRequest({ method: 'GET', query: { challenge_code: 'x' }, body: '' })
      expect((await plugin.capabilities.webhook!.verify(get, bare.ctx)).ok).toBe(false)
      const t = createTestContext(plugin, withBaseUrl(config, server.url))
      const unknown = signedNotification(deletion, '00000000-0000-0000-0000-000000000000')
      expect((await plugin.capabilities.webhook!.verify(unknown, t.ctx)).ok).toBe(false)
      const hostile = signedNotification(deletion, '../../sell/fulfillment/v1/order')
      expect((await plugin.capabilities.webhook!.verify(hostile, t.ctx)).ok).toBe(false)
    } finally {
      await server.close()
    }
  })

  it('fetches a signing key once and keeps it', async () => {
    const server = await startFixtureServer((req) => answer(req))
    try {
      const t = createTestContext(plugin, withBaseUrl(config, server.url))
      for (let i = 0; i < 3; i++)
        expect(await plugin.capabilities.webhook!.verify(signedNotification(deletion), t.ctx)).toEqual({
          ok: true,
        })
      expect(server.requests.filter((r) => r.path.includes('/public_key/'))).toHaveLength(1)
    } finally {
      await server.close()
    }
  })
})
