import { readFileSync } from 'node:fs'
import {
  createTestContext,
  describePluginConformance,
  startFixtureServer,
} from '@switchyard/plugin-sdk/testing'
import { describe, expect, it } from 'vitest'
import plugin from './index'

const clientSecret = 'amzn1.oa2-cs.v1.conformance-client-secret'
const refreshToken = 'Atzr|conformance-refresh-token-value'
const issued = 'Atza|conformance-access-token-issued'
const orders = JSON.parse(readFileSync(new URL('../fixtures/search-orders.json', import.meta.url), 'utf8'))
const config = {
  marketplaceId: 'ATVPDKIKX0DER',
  sellerId: 'A2EXAMPLESELLER',
  clientId: 'amzn1.application-oa2-client.conformance',
  clientSecret,
  refreshToken,
  reconcileFrom: '2025-01-01T00:00:00Z',
}

function answer(req: {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  body: string
}) {
  if (req.path === '/auth/o2/token') {
    const form = new URLSearchParams(req.body)
    if (form.get('refresh_token') !== refreshToken || form.get('client_secret') !== clientSecret)
      return {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter' },
      }
    return {
      status: 200,
      body: { access_token: issued, refresh_token: refreshToken, token_type: 'bearer', expires_in: 3600 },
    }
  }
  if (req.headers['x-amz-access-token'] !== issued)
    return {
      status: 403,
      body: { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] },
    }
  if (req.path === '/orders/2026-01-01/orders') {
    const after = Date.parse(req.query.get('lastUpdatedAfter') ?? '1970-01-01T00:00:00Z')
    return {
      status: 200,
      body: {
        orders: orders.orders.filter(
          (o: { lastUpdatedTime: string }) => Date.parse(o.lastUpdatedTime) >= after,
        ),
        pagination: {},
      },
    }
  }
  return { status: 404, body: { errors: [{ code: 'NotFound', message: 'Resource not found' }] } }
}

const withBaseUrl = (c: Record<string, unknown>, url: string) => ({
  ...c,
  endpoint: url,
  tokenUrl: `${url}/auth/o2/token`,
})

/** A page of three seller-fulfilled orders, the middle one without a seller sku (cannot be mapped). */
const good = orders.orders.find(
  (o: { fulfillment?: { fulfilledBy?: string } }) => o.fulfillment?.fulfilledBy !== 'AMAZON',
)
const withId = (id: string) => ({ ...structuredClone(good), orderId: id })
const broken = withId('902-0000000-0000002')
delete broken.orderItems[0].product.sellerSku
const malformedAnswer: typeof answer = (req) =>
  req.path === '/orders/2026-01-01/orders'
    ? {
        status: 200,
        body: {
          orders: [withId('902-0000000-0000001'), broken, withId('902-0000000-0000003')],
          pagination: {},
        },
      }
    : answer(req)

describePluginConformance(plugin, {
  config,
  invalidConfig: { config: { ...config, marketplaceId: 'us' }, field: 'marketplaceId' },
  withBaseUrl,
  http: answer,
  poll: {
    futureCursor: JSON.stringify({ since: '2999-01-01T00:00:00Z' }),
    minOrders: 1,
    malformedPage: { http: malformedAnswer, goodOrders: 2, badExternalId: '902-0000000-0000002' },
  },
})

// The checks below are instances of their own: the conformance kit's 429 check paused the
// searchOrders bucket of its instance for the Retry-After it answered.
describe('Amazon LWA token', () => {
  it('is refreshed once, reused from state, and stored sealed', async () => {
    const server = await startFixtureServer(answer)
    try {
      const t = createTestContext(plugin, withBaseUrl(config, server.url), { instanceId: 'amazon-lwa' })
      await plugin.capabilities.ordersPoll!.poll(null, t.ctx)
      await plugin.capabilities.ordersPoll!.poll(null, t.ctx)
      expect(server.requests.filter((r) => r.path === '/auth/o2/token')).toHaveLength(1)
      const stored = [...t.state.values()].join(' ')
      expect(stored).toContain('sealed1.')
      expect(stored).not.toContain(issued)
    } finally {
      await server.close()
    }
  })

  it('turns a refused refresh token into a config error without echoing it', async () => {
    const server = await startFixtureServer(answer)
    try {
      const t = createTestContext(
        plugin,
        { ...withBaseUrl(config, server.url), refreshToken: 'Atzr|revoked' },
        { instanceId: 'amazon-revoked' },
      )
      const error = await plugin.capabilities.ordersPoll!.poll(null, t.ctx).catch((e: unknown) => e)
      expect(error).toMatchObject({ failure: 'config' })
      expect(
        JSON.stringify({ m: (error as Error).message, d: (error as { details?: unknown }).details }),
      ).not.toContain('Atzr|revoked')
    } finally {
      await server.close()
    }
  })
})

describe('Amazon usage plans', () => {
  it('keeps each operation to the rate Amazon states, and skips a poll whose turn is far off', async () => {
    // The plan Amazon states for searchOrders in `x-amzn-RateLimit-Limit`.
    let plan = ''
    const server = await startFixtureServer((req) => {
      const answered = answer(req)
      return req.path === '/orders/2026-01-01/orders'
        ? { ...answered, headers: { 'x-amzn-ratelimit-limit': plan } }
        : answered
    })
    const searches = () => server.requests.filter((r) => r.path === '/orders/2026-01-01/orders').length
    const poll = plugin.capabilities.ordersPoll!.poll
    const twentyOne = async (instanceId: string) => {
      const t = createTestContext(plugin, withBaseUrl(config, server.url), { instanceId })
      let cursor: string | null = null
      for (let i = 0; i < 20; i++) cursor = (await poll(cursor, t.ctx)).cursor
      return { last: await poll(cursor, t.ctx), cursor }
    }
    try {
      // One call in 1,000 s: once the burst of 20 is spent, the next turn is far off. The poll makes
      // no call, takes nothing and keeps the cursor.
      plan = '0.001'
      const slow = await twentyOne('amazon-slow-plan')
      expect(searches()).toBe(20)
      expect(slow.last).toEqual({ events: [], cursor: slow.cursor })
      // Four a second (above the published 0.0056): the 21st poll waits its quarter second and goes.
      plan = '4.0'
      await twentyOne('amazon-fast-plan')
      expect(searches()).toBe(41)
    } finally {
      await server.close()
    }
  })
})
