import { ConfigError, isPluginError, type PluginContext, seal, unseal } from '@switchyard/plugin-sdk'
import type { AmazonConfig } from './config'

const STATE_KEY = 'lwa-access-token'
const PURPOSE = 'amazon-lwa-access-token'
/** Refresh this long before Amazon says the token expires, so no call carries a dying token. */
const MARGIN_MS = 120_000

interface Cached {
  token: string
  expiresAt: number
}

/**
 * A Login-with-Amazon access token, refreshed from the refresh token when needed. It is kept in
 * plugin state so every hub process and restart reuses it (LWA tokens live an hour), sealed with a
 * key derived from the client secret: the state table never holds it in clear.
 */
export async function accessToken(ctx: PluginContext<AmazonConfig>, force = false): Promise<string> {
  const { config } = ctx
  const now = ctx.clock.now().getTime()
  if (!force) {
    const opened = unseal(config.clientSecret, PURPOSE, await ctx.state.get(STATE_KEY))
    if (opened) {
      const cached = JSON.parse(opened) as Cached
      if (cached.expiresAt - MARGIN_MS > now) return cached.token
    }
  }
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: config.refreshToken,
    client_id: config.clientId,
    client_secret: config.clientSecret,
  }).toString()
  let answer: { access_token?: string; expires_in?: number }
  try {
    const res = await ctx.http.request(config.tokenUrl, {
      method: 'POST',
      timeoutMs: config.timeoutMs,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body,
    })
    answer = res.json()
  } catch (error) {
    // invalid_grant / invalid_client come back as 400 or 401: only someone re-authorising can fix it.
    if (isPluginError(error) && error.failure !== 'transient')
      throw new ConfigError('Login with Amazon refused the refresh token or client credentials', {
        status: error.status,
      })
    throw error
  }
  if (!answer.access_token) throw new ConfigError('Login with Amazon answered without an access token')
  const cached: Cached = { token: answer.access_token, expiresAt: now + (answer.expires_in ?? 3600) * 1000 }
  await ctx.state.set(STATE_KEY, seal(config.clientSecret, PURPOSE, JSON.stringify(cached)))
  return cached.token
}

/** An SP-API call with the access token; a token Amazon no longer accepts is refreshed once. */
export async function spRequest(
  ctx: PluginContext<AmazonConfig>,
  method: string,
  path: string,
  body?: unknown,
) {
  const send = async (token: string) =>
    ctx.http.request(`${ctx.config.endpoint.replace(/\/$/, '')}${path}`, {
      method,
      timeoutMs: ctx.config.timeoutMs,
      headers: {
        'x-amz-access-token': token,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  try {
    return await send(await accessToken(ctx))
  } catch (error) {
    if (isPluginError(error) && (error.status === 401 || error.status === 403))
      return send(await accessToken(ctx, true))
    throw error
  }
}
