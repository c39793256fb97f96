import type { IncomingMessage } from 'node:http'
import {
  type CapturedException,
  type FieldIssue,
  type ReceivedInput,
  untakeableReasons,
} from '@switchyard/core'
import type { RawRequest } from '@switchyard/plugin-sdk'
import { type Context, Hono } from 'hono'
import { jsonTooDeep, MAX_JSON_DEPTH } from '../http/json-depth'
import { MAX_BODY_BYTES } from '../http/limits'
import { ProblemError } from '../http/problem'
import { webhookRateLimit } from '../http/rate-limit'
import { checkBodyText } from '../http/text-guard'
import type { HubContext } from '../hub-context'
import { applyInbound } from '../plugins/inbound'
import { invokePlugin } from '../plugins/invoke'
import { webhookHealth } from '../plugins/webhook-health'

const VERIFY_DEADLINE_MS = 2_000

/** Lower-case header names to values, from Node's parsed headers when available (no WHATWG Request). */
function headersOf(c: Context): Record<string, string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  const headers: Record<string, string> = {}
  if (incoming) {
    for (const [k, v] of Object.entries(incoming.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
  } else {
    c.req.raw.headers.forEach((value, key) => {
      headers[key] = value
    })
  }
  return headers
}

/**
 * The body's bytes, straight from Node's request stream when the hub runs on @hono/node-server:
 * going through a WHATWG Request and ReadableStream costs more CPU than the rest of a small webhook.
 */
async function readBody(c: Context): Promise<Uint8Array> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (!incoming || incoming.readableEnded || incoming.readableDidRead)
    return new Uint8Array(await c.req.arrayBuffer())
  const declared = Number(incoming.headers['content-length'] ?? 0)
  const body = await readStream(incoming)
  if (declared > 0 && body.length !== declared)
    throw new ProblemError(400, 'BODY_INCOMPLETE', 'the body is shorter than its Content-Length')
  return body
}

interface BodyRead {
  chunks: Buffer[]
  size: number
  resolve: (body: Buffer) => void
  reject: (error: unknown) => void
}
const reads = new WeakMap<IncomingMessage, BodyRead>()

/**
 * Reads a request to its end with plain stream events: an async iterator over the stream (its
 * generator, end-of-stream watcher and a promise per chunk) cost more than the rest of the read.
 * The listeners are module functions (the stream is their `this`), not closures made per request.
 * The same outcomes: too large ends the request with 413; an error or a close before the end
 * rejects, as the iterator's premature-close error did.
 */
function readStream(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    reads.set(incoming, { chunks: [], size: 0, resolve, reject })
    incoming.on('data', onBodyData)
    incoming.on('end', onBodyEnd)
    incoming.on('error', onBodyError)
    incoming.on('close', onBodyClose)
  })
}

function finishRead(incoming: IncomingMessage): BodyRead | undefined {
  const read = reads.get(incoming)
  reads.delete(incoming)
  incoming.off('data', onBodyData)
  incoming.off('end', onBodyEnd)
  incoming.off('error', onBodyError)
  incoming.off('close', onBodyClose)
  return read
}

function onBodyData(this: IncomingMessage, chunk: Buffer): void {
  const read = reads.get(this)
  if (!read) return
  read.size += chunk.length
  if (read.size > MAX_BODY_BYTES) {
    finishRead(this)
    this.destroy()
    read.reject(new ProblemError(413, 'BODY_TOO_LARGE', `bodies are limited to ${MAX_BODY_BYTES} bytes`))
    return
  }
  read.chunks.push(chunk)
}

function onBodyEnd(this: IncomingMessage): void {
  const read = finishRead(this)
  read?.resolve(read.chunks.length === 1 ? read.chunks[0]! : Buffer.concat(read.chunks))
}

function onBodyError(this: IncomingMessage, error: unknown): void {
  finishRead(this)?.reject(error)
}

function onBodyClose(this: IncomingMessage): void {
  finishRead(this)?.reject(
    Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }),
  )
}

const PARSE_DEADLINE_MS = 10_000

/** The text guard's refusal (422 INVALID_TEXT) as a value, or undefined when the text is acceptable. */
function refusedText(check: () => void): ProblemError | undefined {
  try {
    check()
    return undefined
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'INVALID_TEXT') return error
    throw error
  }
}

/** Keeps a delivery whose text no database can store, before any plugin read an order from it. */
function keep(hub: HubContext, instanceId: string, received: ReceivedInput, issues: readonly FieldIssue[]) {
  return hub.core.intakeExceptions.capture(instanceId, {
    candidate: undefined,
    received,
    reasons: issues.map((i) => ({ field: i.field, code: 'INVALID_TEXT', message: i.message })),
  })
}

/** Waits between storing an exception and answering: the crash test's window (0, none, otherwise). */
async function answerDelay(ms: number): Promise<void> {
  if (ms > 0) await new Promise((r) => setTimeout(r, ms))
}

/** 202: stored, so the partner need not send it again. */
async function exceptionAnswer(c: Context, kept: CapturedException, delayMs: number): Promise<Response> {
  await answerDelay(delayMs)
  return c.json(
    {
      exceptionId: kept.id,
      results: [
        {
          type: 'exception' as const,
          exceptionId: kept.id,
          externalOrderId: kept.externalOrderId,
          occurrences: kept.occurrences,
          reasons: kept.reasons,
        },
      ],
    },
    202,
  )
}

/** A body the plugin will read as UTF-8 text: JSON, XML, forms and text, or no type at all. */
function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return true
  const charset = /charset="?([^";]+)/i.exec(contentType)?.[1]?.toLowerCase()
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return false
  return /json|xml|text\/|x-www-form-urlencoded/i.test(contentType)
}

/**
 * `/webhooks/<instance>/…`: the raw request goes to the instance's plugin, which verifies the
 * signature over the untouched bytes and turns the body into events; the hub applies them and
 * answers only after they are committed.
 */
export function webhookRoutes(hub: HubContext): Hono {
  const app = new Hono()
  app.use(
    '/:instance/*',
    webhookRateLimit(
      hub.settings.rateLimits.webhook,
      hub.metrics,
      hub.settings.trustProxy,
      hub.webhookLimiter,
    ),
  )
  const health = webhookHealth(hub)
  const delayMs = hub.settings.testExceptionAnswerDelayMs
  app.all('/:instance/*', async (c) => {
    const instanceId = c.req.param('instance')
    c.set('logInstance', instanceId)
    const instance = hub.registry.get(instanceId)
    const webhook = instance?.definition.capabilities.webhook
    if (!instance || !webhook)
      throw new ProblemError(404, 'UNKNOWN_INSTANCE', `no webhook-capable plugin instance '${instanceId}'`)

    const url = new URL(c.req.url)
    const prefix = `/webhooks/${instanceId}`
    const headers = headersOf(c)
    const request: RawRequest = {
      method: c.req.method,
      path: url.pathname.slice(prefix.length) || '/',
      headers,
      query: Object.fromEntries(url.searchParams),
      rawBody: await readBody(c),
    }
    // Not the request's own signal: reading it makes @hono/node-server build a full WHATWG Request.
    const ctx = hub.contexts(instance)
    const verdict = await invokePlugin(
      instance,
      'webhook verify',
      VERIFY_DEADLINE_MS,
      () => webhook.verify(request, ctx),
      ctx.signal,
      hub.observePluginCall,
    ).catch(async (error: unknown) => {
      await health.failed(instance.id, 'webhook verify', error)
      throw error
    })
    if (!verdict.ok) throw new ProblemError(401, 'SIGNATURE_INVALID', `webhook rejected: ${verdict.reason}`)
    // Authentic from here on. A channel's delivery that cannot become an order is kept as an intake
    // exception and answered 202, so the partner neither retries it forever nor disables the webhook.
    const channel = instance.definition.kind === 'channel'
    const received: ReceivedInput = {
      source: request.path,
      contentType: headers['content-type'] ?? null,
      // Core keeps only the routing headers (the topic a parse reads), never a signature.
      headers,
      body: request.rawBody,
    }
    // An authentic body that is not UTF-8 text is refused whole: decoding it would store a guess.
    // JSON text no database can store is named by the sender's own field names, before any plugin reads it.
    if (isTextual(headers['content-type'])) {
      const refused = refusedText(() =>
        checkBodyText(request.rawBody, (headers['content-type'] ?? '').includes('json')),
      )
      if (refused && !channel) throw refused
      // Kept as it came (raw JSON text holds only escapes); its order id is unknown: no plugin read it.
      if (refused)
        return exceptionAnswer(c, await keep(hub, instance.id, received, refused.errors ?? []), delayMs)
    }
    // Checked before the plugin parses: a hostile nesting depth must not reach any parser.
    if ((headers['content-type'] ?? '').includes('json') && jsonTooDeep(request.rawBody, MAX_JSON_DEPTH)) {
      throw new ProblemError(400, 'JSON_TOO_DEEP', `JSON may nest at most ${MAX_JSON_DEPTH} levels`, [
        { field: '(body)', message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
      ])
    }

    const result = await invokePlugin(
      instance,
      'webhook parse',
      PARSE_DEADLINE_MS,
      () => webhook.parse(request, ctx),
      ctx.signal,
      hub.observePluginCall,
    ).catch(async (error: unknown) => {
      await health.failed(instance.id, 'webhook parse', error)
      // The plugin refused an authentic channel delivery (not merely unreadable: that stays 400).
      const reasons = channel ? untakeableReasons(error) : null
      if (reasons) return reasons
      throw error
    })
    if (Array.isArray(result)) {
      const kept = await hub.core.intakeExceptions.capture(instance.id, {
        candidate: undefined,
        received,
        reasons: result,
      })
      return exceptionAnswer(c, kept, delayMs)
    }
    await health.succeeded(instance.id)
    if (result.dedupeKey && (await hub.core.webhookReceipts.seen(instance.id, result.dedupeKey))) {
      return c.json({ duplicate: true, results: [] }, 200)
    }
    const results = await applyInbound(hub, instance, result.events, channel ? received : undefined)
    c.set(
      'logOrderIds',
      results.flatMap((r) => ('orderId' in r && r.orderId ? [r.orderId] : [])),
    )
    if (result.dedupeKey) await hub.core.webhookReceipts.record(instance.id, result.dedupeKey)
    const kept = results.flatMap((r) => (r.type === 'exception' ? [r.exceptionId] : []))
    if (kept.length > 0) await answerDelay(delayMs)
    if (result.reply) {
      return new Response(result.reply.body ?? '', {
        status: result.reply.status,
        headers: { 'content-type': result.reply.contentType ?? 'text/plain' },
      })
    }
    const created = results.some((r) => r.type === 'order' && r.created)
    if (kept.length > 0) return c.json({ exceptionId: kept[0]!, results }, created ? 201 : 202)
    return c.json({ results }, created ? 201 : 200)
  })
  return app
}
