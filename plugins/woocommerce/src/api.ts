import type { PluginContext } from '@switchyard/plugin-sdk'
import type { WoocommerceConfig } from './config'

/**
 * A WooCommerce REST v3 call with the consumer key pair as HTTP Basic auth; `path` below `/wp-json`,
 * or a whole URL on the site (a pager's page).
 */
export function wooRequest(
  ctx: PluginContext<WoocommerceConfig>,
  method: string,
  path: string,
  body?: unknown,
) {
  const { config } = ctx
  const auth = Buffer.from(`${config.consumerKey}:${config.consumerSecret}`).toString('base64')
  const url = /^https?:\/\//.test(path) ? path : `${config.siteUrl.replace(/\/$/, '')}/wp-json${path}`
  return ctx.http.request(url, {
    method,
    timeoutMs: config.timeoutMs,
    headers: {
      authorization: `Basic ${auth}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}
