import type { RawRequest } from '@switchyard/plugin-sdk'
import { Hono } from 'hono'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { applyInbound } from '../plugins/inbound'
import { invokePlugin } from '../plugins/invoke'

const VERIFY_DEADLINE_MS = 2_000
const PARSE_DEADLINE_MS = 10_000

/**
 * `/webhooks/<instance>/…`: the raw request goes to the instance's plugin, which verifies the
 * signature over the untouched bytes and turns the body into events; the hub applies them and
 * answers only after they are committed.
 */
export function webhookRoutes(hub: HubContext): Hono {
  const app = new Hono()
  app.all('/:instance/*', async (c) => {
    const instanceId = c.req.param('instance')
    const instance = hub.registry.get(instanceId)
    const webhook = instance?.definition.capabilities.webhook
    if (!instance || !webhook)
      throw new ProblemError(404, 'UNKNOWN_INSTANCE', `no webhook-capable plugin instance '${instanceId}'`)

    const url = new URL(c.req.url)
    const prefix = `/webhooks/${instanceId}`
    const headers: Record<string, string> = {}
    c.req.raw.headers.forEach((value, key) => {
      headers[key] = value
    })
    const request: RawRequest = {
      method: c.req.method,
      path: url.pathname.slice(prefix.length) || '/',
      headers,
      query: Object.fromEntries(url.searchParams),
      rawBody: new Uint8Array(await c.req.arrayBuffer()),
    }
    const ctx = hub.contexts(instance, { signal: c.req.raw.signal })
    const verdict = await invokePlugin(instance, 'webhook verify', VERIFY_DEADLINE_MS, () =>
      webhook.verify(request, ctx),
    )
    if (!verdict.ok) throw new ProblemError(401, 'SIGNATURE_INVALID', `webhook rejected: ${verdict.reason}`)

    const result = await invokePlugin(instance, 'webhook parse', PARSE_DEADLINE_MS, () =>
      webhook.parse(request, ctx),
    )
    if (result.dedupeKey && (await hub.core.webhookReceipts.seen(instance.id, result.dedupeKey))) {
      return c.json({ duplicate: true, results: [] }, 200)
    }
    const results = await applyInbound(hub, instance, result.events)
    if (result.dedupeKey) await hub.core.webhookReceipts.record(instance.id, result.dedupeKey)
    if (result.reply) {
      return new Response(result.reply.body ?? '', {
        status: result.reply.status,
        headers: { 'content-type': result.reply.contentType ?? 'text/plain' },
      })
    }
    const created = results.some((r) => r.type === 'order' && r.created)
    return c.json({ results }, created ? 201 : 200)
  })
  return app
}
