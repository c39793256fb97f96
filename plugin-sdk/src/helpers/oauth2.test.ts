import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { secret } from '../config'
import { definePlugin } from '../define'
import { type FixtureRequest, type FixtureServer, startFixtureServer } from '../testing/fixture-server'
import { createTestContext } from '../testing/test-context'
import { oauth2Client } from './oauth2'

const clientId = 'Acme-Switchya-PRD-0123456789-abcdef01'
const clientSecret = 'PRD-0123456789ab-cdef-0123-4567-89ab'
const original = 'v^1.1#i^1#original-refresh-token'

/** A provider that rotates refresh tokens: each refresh answers a new one and revokes the old one. */
let valid = new Set([original])
let issued = 0
let server: FixtureServer
/** The SP-API side takes only the latest token issued. */
let lwaIssued = 0
const tokenCalls = () => server.requests.filter((r) => r.path === '/token')

function token(req: FixtureRequest) {
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64')
  if (req.headers.authorization !== `Basic ${basic}`)
    return { status: 401, body: { error: 'invalid_client' } }
  const form = new URLSearchParams(req.body)
  if (form.get('grant_type') === 'client_credentials') {
    if (!form.get('scope')) return { status: 400, body: { error: 'invalid_scope' } }
    return {
      body: { access_token: `app-${++issued}`, expires_in: 7200, token_type: 'Application Access Token' },
    }
  }
  const refresh = form.get('refresh_token') ?? ''
  if (!valid.has(refresh))
    return {
      status: 400,
      body: { error: 'invalid_grant', error_description: `refresh token ${refresh} is invalid` },
    }
  const next = `v^1.1#rotated-${++issued}`
  valid = new Set([next])
  return { body: { access_token: `user-${issued}`, expires_in: 7200, refresh_token: next } }
}

beforeAll(async () => {
  server = await startFixtureServer((req) => {
    if (req.path === '/token') return token(req)
    if (req.path === '/token-in-body') {
      // Login with Amazon's way: the client's credentials in the form, no Authorization header.
      const form = new URLSearchParams(req.body)
      return !req.headers.authorization &&
        form.get('client_id') === clientId &&
        form.get('client_secret') === clientSecret
        ? { body: { access_token: 'Atza|in-body', expires_in: 3600 } }
        : { status: 401, body: { error: 'invalid_client' } }
    }
    if (req.path === '/lwa-token')
      return { body: { access_token: `Atza|lwa-${++lwaIssued}`, expires_in: 3600 } }
    if (req.path === '/sp-api')
      // Amazon SP-API's way: the bare token in its own header; one it no longer takes is refused with 403.
      return req.headers['x-amz-access-token'] === `Atza|lwa-${lwaIssued}` && !req.headers.authorization
        ? { body: { ok: true } }
        : { status: 403, body: { errors: [{ code: 'Unauthorized', message: 'Access denied' }] } }
    if (req.path === '/api')
      return req.headers.authorization?.startsWith('Bearer user-') &&
        req.headers.authorization !== 'Bearer user-1'
        ? { body: { ok: true } }
        : { status: 401, body: { errors: [{ message: 'Invalid access token' }] } }
    return { status: 404 }
  })
})
afterAll(() => server.close())

const plugin = definePlugin({
  id: 'oauth-test',
  kind: 'channel',
  version: '1.0.0',
  sdk: '^1.2.0',
  displayName: 'OAuth test',
  config: z.object({
    tokenUrl: z.url(),
    clientId: z.string(),
    clientSecret: secret(),
    refreshToken: secret(),
  }),
  capabilities: {},
})
type Config = z.output<typeof plugin.config>
const user = oauth2Client((c: Config) => ({
  tokenUrl: c.tokenUrl,
  clientId: c.clientId,
  clientSecret: c.clientSecret,
  grant: { type: 'refresh_token', refreshToken: c.refreshToken },
  name: 'eBay',
}))
const app = oauth2Client((c: Config) => ({
  tokenUrl: c.tokenUrl,
  clientId: c.clientId,
  clientSecret: c.clientSecret,
  grant: { type: 'client_credentials' },
  scope: ['https://api.ebay.com/oauth/api_scope'],
}))

describe('oauth2Client', () => {
  it('sends the client credentials in the form body when asked to', async () => {
    const lwa = oauth2Client((c: Config) => ({
      tokenUrl: `${c.tokenUrl}-in-body`,
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      grant: { type: 'refresh_token', refreshToken: c.refreshToken },
      clientAuth: 'body',
    }))
    const t = createTestContext(plugin, {
      tokenUrl: `${server.url}/token`,
      clientId,
      clientSecret,
      refreshToken: original,
    })
    expect(await lwa.accessToken(t.ctx)).toBe('Atza|in-body')
  })

  it('sends the bare token in the header SP-API reads, and refreshes on the statuses named stale', async () => {
    const spApi = (staleStatuses?: number[]) =>
      oauth2Client((c: Config) => ({
        tokenUrl: c.tokenUrl.replace(/\/token$/, '/lwa-token'),
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        grant: { type: 'refresh_token', refreshToken: c.refreshToken },
        clientAuth: 'body',
        tokenHeader: 'x-amz-access-token',
        ...(staleStatuses ? { staleStatuses } : {}),
      }))
    const config = { tokenUrl: `${server.url}/token`, clientId, clientSecret, refreshToken: original }
    const calls = () => server.requests.filter((r) => r.path === '/lwa-token').length
    const lwa = spApi([401, 403])
    const t = createTestContext(plugin, config)
    expect((await lwa.request(t.ctx, `${server.url}/sp-api`)).status).toBe(200)
    // The token is revoked: the 403 makes one refresh, and the call goes through with the new token.
    lwaIssued++
    const before = calls()
    expect((await lwa.request(t.ctx, `${server.url}/sp-api`)).status).toBe(200)
    expect(calls()).toBe(before + 1)
    // Where 403 is not named stale, it is thrown as it is, with no refresh.
    const strict = spApi()
    const other = createTestContext(plugin, config)
    await strict.accessToken(other.ctx)
    lwaIssued++
    const after = calls()
    await expect(strict.request(other.ctx, `${server.url}/sp-api`)).rejects.toMatchObject({ status: 403 })
    expect(calls()).toBe(after)
  })

  it('follows refresh-token rotation, keeps tokens sealed in state, and refreshes once on a 401', async () => {
    const t = createTestContext(plugin, {
      tokenUrl: `${server.url}/token`,
      clientId,
      clientSecret,
      refreshToken: original,
    })
    const before = tokenCalls().length
    // user-1 is refused by the API (revoked early): the client refreshes once with the rotated token.
    const res = await user.request(t.ctx, `${server.url}/api`)
    expect(res.status).toBe(200)
    expect(tokenCalls().length - before).toBe(2)
    expect(new URLSearchParams(tokenCalls().at(-1)!.body).get('refresh_token')).toMatch(/^v\^1\.1#rotated-/)
    // From state now: no further token call.
    await user.request(t.ctx, `${server.url}/api`)
    expect(tokenCalls().length - before).toBe(2)
    const stored = [...t.state.values()].join(' ')
    expect(stored).toContain('sealed1.')
    expect(stored).not.toContain('user-')
    expect(stored).not.toContain('rotated-')
  })

  it('shares one refresh among concurrent callers', async () => {
    valid = new Set([original])
    const t = createTestContext(plugin, {
      tokenUrl: `${server.url}/token`,
      clientId,
      clientSecret,
      refreshToken: original,
    })
    const before = tokenCalls().length
    const tokens = await Promise.all([1, 2, 3].map(() => user.accessToken(t.ctx)))
    expect(new Set(tokens).size).toBe(1)
    expect(tokenCalls().length - before).toBe(1)
  })

  it('turns a refused grant into a ConfigError naming no secret', async () => {
    const t = createTestContext(plugin, {
      tokenUrl: `${server.url}/token`,
      clientId,
      clientSecret,
      refreshToken: 'v^1.1#revoked-long-ago',
    })
    const error = await user.accessToken(t.ctx).catch((e: unknown) => e)
    expect(error).toMatchObject({ failure: 'config', message: expect.stringContaining('eBay refused') })
    expect(
      JSON.stringify({ m: (error as Error).message, d: (error as { details?: unknown }).details }),
    ).not.toContain('revoked-long-ago')
  })

  it('gets an application token with the client-credentials grant and its scope', async () => {
    const t = createTestContext(plugin, {
      tokenUrl: `${server.url}/token`,
      clientId,
      clientSecret,
      refreshToken: original,
    })
    expect(await app.accessToken(t.ctx)).toMatch(/^app-/)
    expect(new URLSearchParams(tokenCalls().at(-1)!.body).get('scope')).toBe(
      'https://api.ebay.com/oauth/api_scope',
    )
    // A token for other credentials is never reused: a changed config refreshes.
    const other = createTestContext(plugin, {
      tokenUrl: `${server.url}/token`,
      clientId,
      clientSecret,
      refreshToken: original,
    })
    for (const [k, v] of t.state) other.state.set(k, v)
    const before = tokenCalls().length
    await app.accessToken(other.ctx)
    expect(tokenCalls().length).toBe(before)
  })
})
