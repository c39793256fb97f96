import { createHash } from 'node:crypto'
import type { HttpRequestOptions, HttpResponse, PluginContext } from '../context'
import { ConfigError, isPluginError } from '../errors'
import { seal, unseal } from '../sealed'

export interface OAuth2Options {
  /** The token endpoint (eBay: `https://api.ebay.com/identity/v1/oauth2/token`). */
  tokenUrl: string
  clientId: string
  clientSecret: string
  /**
   * `client_credentials` for an application token; `refresh_token` for a token acting for a user,
   * from the refresh token the operator configured. A provider that rotates refresh tokens hands a
   * new one back with each refresh: it is kept sealed in plugin state and used from then on.
   */
  grant: { type: 'client_credentials' } | { type: 'refresh_token'; refreshToken: string }
  /** Scopes, sent space-separated (eBay requires them on a client-credentials grant). */
  scope?: string | readonly string[]
  /** HTTP Basic client authentication (RFC 6749 §2.3.1, eBay; the default) or in the form body (Amazon LWA). */
  clientAuth?: 'basic' | 'body'
  /**
   * The header that carries the access token: `authorization` (the default, `<scheme> <token>`, RFC
   * 6750), or a provider's own that takes the bare token (Amazon SP-API: `x-amz-access-token`).
   */
  tokenHeader?: string
  /**
   * The statuses by which the API says the token is no longer good, so it is refreshed once and the
   * call sent again: 401 by default (RFC 6750); Amazon SP-API answers an expired token with 403.
   */
  staleStatuses?: readonly number[]
  /** The plugin state key for this grant's tokens; default `oauth2:<grant type>`. */
  stateKey?: string
  /** Refresh this long before the token expires (default 2 minutes), so no call carries a dying token. */
  marginMs?: number
  timeoutMs?: number
  /** The provider's name in error messages (`eBay`). */
  name?: string
}

export interface OAuth2Client<C> {
  /** A valid access token: from state while it lives, else fetched (one fetch per process at a time). */
  accessToken(ctx: PluginContext<C>, options?: { force?: boolean }): Promise<string>
  /**
   * `ctx.http.request` with `Authorization: <scheme> <token>` (default `Bearer`, or the bare token in
   * `tokenHeader`); a 401 (or a status of `staleStatuses`) means the provider dropped the token early
   * (expired, revoked, rotated keys): it is refreshed once and the call sent again.
   */
  request(
    ctx: PluginContext<C>,
    url: string,
    options?: HttpRequestOptions & { scheme?: string },
  ): Promise<HttpResponse>
}

interface CachedToken {
  token: string
  expiresAt: number
  /** Fingerprint of the credentials it was issued for: a changed config never reuses it. */
  for: string
}

interface RotatedRefresh {
  refreshToken: string
  /** Fingerprint of the configured refresh token this one descends from. */
  from: string
}

const fingerprint = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)

const inFlight = new Map<string, Promise<string>>()

/**
 * OAuth 2 for a plugin: client credentials or refresh-token grants, the access token kept in plugin
 * state sealed with the client secret (readable by every hub process and across restarts, never in
 * clear), refresh-token rotation followed and stored the same way. A refused grant (`invalid_grant`,
 * `invalid_client`) is a `ConfigError` that names no secret: only someone re-authorising fixes it.
 *
 * @example
 * const user = oauth2Client((c: EbayConfig) => ({ tokenUrl: c.tokenUrl, clientId: c.clientId,
 *   clientSecret: c.clientSecret, grant: { type: 'refresh_token', refreshToken: c.refreshToken }, name: 'eBay' }))
 * const res = await user.request(ctx, `${c.apiUrl}/sell/fulfillment/v1/order`)
 */
export function oauth2Client<C>(options: OAuth2Options | ((config: C) => OAuth2Options)): OAuth2Client<C> {
  const optionsOf = (ctx: PluginContext<C>) => (typeof options === 'function' ? options(ctx.config) : options)

  async function fetchToken(ctx: PluginContext<C>, o: OAuth2Options, key: string, forId: string) {
    const name = o.name ?? 'the OAuth provider'
    const rotationKey = `${key}:refresh`
    const configured = o.grant.type === 'refresh_token' ? o.grant.refreshToken : ''
    const rotatedFrom = async () => {
      const opened = unseal(o.clientSecret, rotationKey, await ctx.state.get(rotationKey))
      const rotated = opened ? (JSON.parse(opened) as RotatedRefresh) : undefined
      return rotated && rotated.from === fingerprint(configured) ? rotated.refreshToken : undefined
    }
    const ask = async (refreshToken: string | undefined) => {
      const form = new URLSearchParams({ grant_type: o.grant.type })
      if (refreshToken) form.set('refresh_token', refreshToken)
      const scope = typeof o.scope === 'string' ? o.scope : o.scope?.join(' ')
      if (scope) form.set('scope', scope)
      const headers: Record<string, string> = {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      }
      if ((o.clientAuth ?? 'basic') === 'basic')
        // Not form-encoded first (RFC 6749 asks it): eBay's and most providers' own clients send them raw.
        headers.authorization = `Basic ${Buffer.from(`${o.clientId}:${o.clientSecret}`).toString('base64')}`
      else {
        form.set('client_id', o.clientId)
        form.set('client_secret', o.clientSecret)
      }
      return ctx.http.request(o.tokenUrl, {
        method: 'POST',
        headers,
        body: form.toString(),
        ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
      })
    }
    let current = o.grant.type === 'refresh_token' ? ((await rotatedFrom()) ?? configured) : undefined
    let res: HttpResponse
    try {
      res = await ask(current)
    } catch (error) {
      if (!isPluginError(error) || error.failure === 'transient') throw error
      // Another hub process may have rotated the refresh token meanwhile: try the one it stored, once.
      const again = o.grant.type === 'refresh_token' ? await rotatedFrom() : undefined
      try {
        if (again === undefined || again === current) throw error
        current = again
        res = await ask(current)
      } catch (second) {
        if (isPluginError(second) && second.failure === 'transient') throw second
        throw new ConfigError(
          `${name} refused the ${o.grant.type.replace('_', ' ')} grant (re-authorise the application)`,
          {
            ...(isPluginError(second) && second.status ? { status: second.status } : {}),
          },
        )
      }
    }
    let answer: { access_token?: unknown; expires_in?: unknown; refresh_token?: unknown }
    try {
      answer = JSON.parse(res.text)
    } catch {
      throw new ConfigError(`${name}'s token endpoint did not answer JSON`, { status: res.status })
    }
    if (typeof answer.access_token !== 'string' || answer.access_token === '')
      throw new ConfigError(`${name} answered the token request without an access token`)
    const lifetime =
      typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in ?? 3600)
    const cached: CachedToken = {
      token: answer.access_token,
      expiresAt: ctx.clock.now().getTime() + (Number.isFinite(lifetime) ? lifetime : 3600) * 1000,
      for: forId,
    }
    if (
      o.grant.type === 'refresh_token' &&
      typeof answer.refresh_token === 'string' &&
      answer.refresh_token !== '' &&
      answer.refresh_token !== current
    ) {
      const rotated: RotatedRefresh = { refreshToken: answer.refresh_token, from: fingerprint(configured) }
      await ctx.state.set(rotationKey, seal(o.clientSecret, rotationKey, JSON.stringify(rotated)))
    }
    await ctx.state.set(key, seal(o.clientSecret, key, JSON.stringify(cached)))
    return cached.token
  }

  async function accessToken(ctx: PluginContext<C>, { force = false } = {}): Promise<string> {
    const o = optionsOf(ctx)
    const key = o.stateKey ?? `oauth2:${o.grant.type}`
    const forId = fingerprint(
      o.tokenUrl,
      o.clientId,
      o.grant.type === 'refresh_token' ? o.grant.refreshToken : '',
      typeof o.scope === 'string' ? o.scope : (o.scope ?? []).join(' '),
    )
    if (!force) {
      const opened = unseal(o.clientSecret, key, await ctx.state.get(key))
      if (opened) {
        const cached = JSON.parse(opened) as CachedToken
        if (cached.for === forId && cached.expiresAt - (o.marginMs ?? 120_000) > ctx.clock.now().getTime())
          return cached.token
      }
    }
    const flight = `${ctx.instanceId}\u0000${key}`
    const running = inFlight.get(flight)
    if (running) return running
    const started = fetchToken(ctx, o, key, forId).finally(() => inFlight.delete(flight))
    inFlight.set(flight, started)
    return started
  }

  return {
    accessToken,
    async request(ctx, url, options = {}) {
      const { scheme = 'Bearer', ...init } = options
      const o = optionsOf(ctx)
      const header = (o.tokenHeader ?? 'authorization').toLowerCase()
      const stale = o.staleStatuses ?? [401]
      const send = (token: string) =>
        ctx.http.request(url, {
          ...init,
          headers: { ...init.headers, [header]: header === 'authorization' ? `${scheme} ${token}` : token },
        })
      // A refused grant is thrown as it is, not retried: only the API saying so means a stale token.
      const token = await accessToken(ctx)
      try {
        return await send(token)
      } catch (error) {
        if (isPluginError(error) && error.status !== undefined && stale.includes(error.status))
          return send(await accessToken(ctx, { force: true }))
        throw error
      }
    },
  }
}
