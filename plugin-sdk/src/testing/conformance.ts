import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { canonicalOrderSchema } from '../canonical/order'
import { configJsonSchema, secretFields } from '../config'
import type { PluginContext } from '../context'
import { isPluginDefinition, type PluginDefinition, type PollResult, SDK_VERSION } from '../define'
import { isPayloadError, isPluginError, type PluginError } from '../errors'
import { formatPath } from '../issues'
import { type InboundEvent, inboundEventTypes, type RawRequest, type WebhookResult } from '../webhook'
import { type FixtureHandler, type FixtureServer, startFixtureServer } from './fixture-server'
import { sampleFulfilmentRequest, sampleShippedUpdate } from './samples'
import { createTestContext, type TestContext } from './test-context'

export type SuiteName = 'descriptor' | 'config' | 'webhook' | 'poll' | 'rate-limit' | 'secrets'

export interface WebhookFixture {
  name: string
  /** A correctly signed delivery; a function is called at test time (sign with a fresh timestamp). */
  request: RawRequest | (() => RawRequest)
  /** The event types the delivery must produce, in order. */
  expect?: InboundEvent['type'][]
}

export interface MalformedPage {
  /** Answers the plugin's calls for this check, on a fixture server of its own. */
  http?: FixtureHandler
  /** Readies anything else, e.g. drops a mailbox file; gets the config the check polls with. */
  prepare?: (config: Record<string, unknown>) => Promise<void>
  /** The cursor to poll from (null by default). */
  cursor?: string | null
  /** How many good orders the page holds: all of them must come back as events. */
  goodOrders: number
  /** The channel's id of the bad record, when it has a readable one: reported as its `externalId`. */
  badExternalId?: string
}

export interface ConformanceOptions {
  /** A good config, as the hub hands it over (secrets already resolved). */
  config: Record<string, unknown>
  /** A config the schema must refuse, and the field its message must name (`shop`, `retry.max`). */
  invalidConfig: { config: Record<string, unknown>; field: string }
  /**
   * Points the plugin's outbound HTTP at `url` (the kit's fixture server). Without it the HTTP
   * checks (polling, 429) need `skip` entries.
   */
  withBaseUrl?: (config: Record<string, unknown>, url: string) => Record<string, unknown>
  /** Answers the plugin's HTTP calls with recorded API responses. */
  http?: FixtureHandler
  /** Prepares anything else the plugin needs (a mailbox folder); returns a config override. */
  setup?: () => Promise<{ config?: Record<string, unknown>; teardown?: () => Promise<void> }>
  webhook?: {
    deliveries: WebhookFixture[]
    /** Header names carrying the signature: a delivery without them must be refused. */
    signatureHeaders: string[]
  }
  poll?: {
    /** A cursor later than every fixture: polling from it must yield no order. */
    futureCursor: string
    /** How many orders the first full poll must find (at least). */
    minOrders?: number
    /**
     * A page holding one record the plugin cannot map among good ones (SDK 1.2). The kit polls it
     * once and checks: the good orders come back as valid events, the bad record is reported once
     * in `unmapped` (its payload, each reason naming a field), and the cursor moves on. A poll with
     * `mapRecord` must refuse the bad record's payload again (`PayloadError`) and map each good
     * order's `raw` to the same order. Without it a polling plugin's check is shown skipped.
     */
    malformedPage?: MalformedPage
  }
  /** The outbound call the 429 check makes; by default the first of poll, fulfilment, status push. */
  rateLimitedCall?: (plugin: PluginDefinition, ctx: PluginContext<unknown>) => Promise<unknown>
  /** Checks to skip, each with the reason (shown in the test name). */
  skip?: Partial<Record<SuiteName, string>>
  /** Per-test timeout in ms. */
  timeoutMs?: number
}

const isJson = (bytes: Uint8Array) => {
  try {
    JSON.parse(Buffer.from(bytes).toString('utf8'))
    return true
  } catch {
    return false
  }
}

/** Every InboundEvent type, including the returns ones arriving with the order lifecycle work. */
const KNOWN_EVENTS = new Set<string>(inboundEventTypes)

function resolveRequest(f: WebhookFixture): RawRequest {
  return typeof f.request === 'function' ? f.request() : f.request
}

function tamper(body: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(body)
  // Flip one byte in the middle: the body stays the same length and mostly the same text.
  const i = Math.floor(copy.length / 2)
  copy[i] = copy[i]! === 0x31 ? 0x32 : 0x31
  return copy
}

function sdkMajorMatches(range: string): boolean {
  const major = SDK_VERSION.split('.')[0]
  return new RegExp(`^(\\^|~|>=)?${major}(\\.|$)`).test(range.trim())
}

/** Polls from `cursor` until the plugin says there is no more; returns every event and the last cursor. */
async function pollAll(
  plugin: PluginDefinition,
  ctx: PluginContext<unknown>,
  cursor: string | null,
): Promise<{ events: InboundEvent[]; cursor: string | null; results: PollResult[] }> {
  const poll = plugin.capabilities.ordersPoll!
  const events: InboundEvent[] = []
  const results: PollResult[] = []
  let current = cursor
  for (let page = 0; page < 50; page++) {
    const result = await poll.poll(current, ctx)
    results.push(result)
    events.push(...result.events)
    if (result.cursor !== null) current = result.cursor
    if (!result.more) break
  }
  return { events, cursor: current, results }
}

function orderIds(events: readonly InboundEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'order' ? [e.order.externalId] : []))
}

/**
 * Registers the conformance suite for one plugin: run it from the plugin's own `conformance.test.ts`.
 *
 * @example
 * describePluginConformance(plugin, { config: { secret: 's3cret-value' }, invalidConfig: { config: {}, field: 'secret' } })
 */
export function describePluginConformance(plugin: PluginDefinition, options: ConformanceOptions): void {
  const skip = options.skip ?? {}
  const timeout = options.timeoutMs ?? 20_000
  const suite = (name: SuiteName, title: string, body: () => void) => {
    const reason = skip[name]
    if (reason) describe.skip(`${title} (skipped: ${reason})`, body)
    else describe(title, body)
  }

  let server: FixtureServer
  let config: Record<string, unknown> = options.config
  let teardown: (() => Promise<void>) | undefined
  /** Every context made, so the secret checks can read all logs and state afterwards. */
  const contexts: TestContext<unknown>[] = []
  const thrown: unknown[] = []
  const outputs: unknown[] = []
  const context = () => {
    const t = createTestContext(plugin as PluginDefinition<z.ZodType>, config)
    contexts.push(t)
    return t
  }
  const capture = async <T>(fn: () => Promise<T> | T): Promise<T> => {
    try {
      const out = await fn()
      outputs.push(out)
      return out
    } catch (error) {
      thrown.push(error)
      throw error
    }
  }

  describe(`plugin conformance: ${String(plugin?.id)}`, () => {
    beforeAll(async () => {
      server = await startFixtureServer(options.http)
      if (options.withBaseUrl) config = options.withBaseUrl(config, server.url)
      if (options.setup) {
        const env = await options.setup()
        if (env.config) config = { ...config, ...env.config }
        teardown = env.teardown
      }
    })
    afterAll(async () => {
      await server?.close()
      await teardown?.()
    })

    suite('descriptor', 'descriptor', () => {
      it('is a plugin made by definePlugin with a valid identity', () => {
        expect(isPluginDefinition(plugin)).toBe(true)
        expect(plugin.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
        expect(plugin.version).toMatch(/^\d+\.\d+\.\d+/)
        expect(['channel', 'wms', 'carrier', 'notification']).toContain(plugin.kind)
        expect(plugin.displayName.length).toBeGreaterThan(0)
        expect(sdkMajorMatches(plugin.sdk), `sdk range '${plugin.sdk}' must accept SDK ${SDK_VERSION}`).toBe(
          true,
        )
      })
      it('declares at least one capability, and only known event types', () => {
        expect(Object.keys(plugin.capabilities).length).toBeGreaterThan(0)
        for (const t of plugin.capabilities.webhook?.produces ?? []) expect(KNOWN_EVENTS.has(t)).toBe(true)
        if (plugin.kind === 'channel') {
          expect(
            plugin.capabilities.webhook?.produces.includes('order') || plugin.capabilities.ordersPoll,
            'a channel takes orders by webhook or by polling',
          ).toBeTruthy()
        }
        if (plugin.kind === 'wms') expect(plugin.capabilities.fulfilment).toBeDefined()
      })
      it('exports its config as JSON Schema with the secrets flagged', () => {
        const schema = configJsonSchema(plugin.config)
        expect(schema.type).toBe('object')
        // A field whose name says it is a credential must be marked secret, so the hub redacts it.
        const properties = Object.keys((schema.properties as Record<string, unknown>) ?? {})
        const looksSecret = properties.filter((k) =>
          /(secret|password|passphrase|token|apikey|api_key|privatekey|consumerkey)$/i.test(k),
        )
        const marked = new Set(secretFields(plugin.config))
        for (const k of looksSecret) expect(marked.has(k), `config field '${k}' must use secret()`).toBe(true)
      })
    })

    suite('config', 'config validation', () => {
      it('accepts the good config', () => {
        const parsed = plugin.config.safeParse(config)
        expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true)
      })
      it(`rejects a bad config naming '${options.invalidConfig.field}'`, () => {
        const parsed = plugin.config.safeParse(options.invalidConfig.config)
        expect(parsed.success).toBe(false)
        if (parsed.success) return
        const fields = parsed.error.issues.map((i) => formatPath(i.path))
        expect(fields).toContain(options.invalidConfig.field)
        for (const issue of parsed.error.issues) expect(issue.message.length).toBeGreaterThan(0)
      })
    })

    const webhook = plugin.capabilities.webhook
    if (webhook) {
      suite('webhook', 'webhook', () => {
        const deliveries = options.webhook?.deliveries ?? []
        it('has signed fixtures to check against', () => {
          expect(deliveries.length, 'pass webhook.deliveries').toBeGreaterThan(0)
        })
        for (const fixture of deliveries) {
          it(`accepts the signature of '${fixture.name}'`, async () => {
            const { ctx } = context()
            expect(await capture(() => webhook.verify(resolveRequest(fixture), ctx))).toEqual({ ok: true })
          })
          it(`rejects '${fixture.name}' with a tampered body or without its signature`, async () => {
            const { ctx } = context()
            const request = resolveRequest(fixture)
            if (request.rawBody.length > 0) {
              const bad = await webhook.verify({ ...request, rawBody: tamper(request.rawBody) }, ctx)
              expect(bad.ok).toBe(false)
            }
            const headers = Object.fromEntries(
              Object.entries(request.headers).filter(([k]) => !options.webhook!.signatureHeaders.includes(k)),
            )
            const unsigned = await webhook.verify({ ...request, headers }, ctx)
            expect(unsigned.ok).toBe(false)
          })
          it(`maps '${fixture.name}' to valid canonical events`, async () => {
            const { ctx } = context()
            const result = await capture(() => webhook.parse(resolveRequest(fixture), ctx))
            if (fixture.expect) expect(result.events.map((e) => e.type)).toEqual(fixture.expect)
            for (const event of result.events) {
              expect(KNOWN_EVENTS.has(event.type)).toBe(true)
              if (event.type === 'order') {
                const parsed = canonicalOrderSchema.safeParse(event.order)
                expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true)
              }
            }
            // Everything a plugin returns must cross a process boundary unchanged.
            expect(JSON.parse(JSON.stringify(result.events))).toEqual(structuredClone(result.events))
          })
          it(`treats a redelivery of '${fixture.name}' the same way (idempotent)`, async () => {
            const { ctx } = context()
            const request = resolveRequest(fixture)
            const first = await webhook.parse(request, ctx)
            const second = await webhook.parse(request, ctx)
            expect(second.dedupeKey).toEqual(first.dedupeKey)
            expect(second.events).toEqual(first.events)
          })
          if (isJson(resolveRequest(fixture).rawBody))
            it(`answers '${fixture.name}' with a body that is not JSON, or not UTF-8, as 400`, async () => {
              const { ctx } = context()
              const request = resolveRequest(fixture)
              for (const rawBody of [
                Buffer.from('{"cut short'),
                Uint8Array.of(0x7b, 0x22, 0xff, 0x22, 0x7d),
              ]) {
                const outcome = await Promise.resolve()
                  .then(() => webhook.parse({ ...request, rawBody }, ctx))
                  .catch((e: unknown) => e)
                // A delivery the plugin ignores without reading its body may pass.
                if (isPayloadError(outcome)) expect(outcome.status).toBe(400)
                else expect((outcome as WebhookResult).events?.map((e) => e.type)).toEqual(['ignored'])
              }
            })
        }
        it('refuses an empty, unsigned request without throwing', async () => {
          const { ctx } = context()
          const empty: RawRequest = {
            method: 'POST',
            path: '/',
            headers: {},
            query: {},
            rawBody: new Uint8Array(),
          }
          const verdict = await webhook.verify(empty, ctx)
          expect(verdict.ok).toBe(false)
        })
      })
    }

    const poll = plugin.capabilities.ordersPoll
    if (poll) {
      suite('poll', 'polling', () => {
        let first: Awaited<ReturnType<typeof pollAll>>
        it('yields valid canonical orders and a cursor', async () => {
          const { ctx } = context()
          first = await capture(() => pollAll(plugin, ctx, null))
          expect(orderIds(first.events).length).toBeGreaterThanOrEqual(options.poll?.minOrders ?? 1)
          expect(first.cursor).not.toBeNull()
          for (const e of first.events) {
            if (e.type !== 'order') continue
            const parsed = canonicalOrderSchema.safeParse(e.order)
            expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true)
          }
          for (const r of first.results) await poll.committed?.(r, ctx)
        })
        it('resumes from its cursor: nothing new comes back', async () => {
          expect(first, 'the first poll must have run').toBeDefined()
          const { ctx } = context()
          const again = await capture(() => pollAll(plugin, ctx, first.cursor))
          const seen = new Set(orderIds(first.events))
          // An overlap window may repeat orders (the hub dedupes them); it must never invent new ones.
          for (const id of orderIds(again.events)) expect(seen.has(id)).toBe(true)
        })
        it('yields nothing from a cursor in the future, without failing', async () => {
          const { ctx } = context()
          const future = await capture(() => pollAll(plugin, ctx, options.poll?.futureCursor ?? null))
          expect(orderIds(future.events)).toEqual([])
        })
        const malformed = options.poll?.malformedPage
        const title =
          'takes the good records of a page with a malformed one, reports the bad one and moves the cursor'
        if (!malformed) it.skip(`${title} (no poll.malformedPage fixture)`, () => {})
        else
          it(title, { timeout }, async () => {
            const own = malformed.http ? await startFixtureServer(malformed.http) : undefined
            try {
              const pageConfig = own && options.withBaseUrl ? options.withBaseUrl(config, own.url) : config
              await malformed.prepare?.(pageConfig)
              const t = createTestContext(plugin as PluginDefinition<z.ZodType>, pageConfig)
              contexts.push(t)
              const from = malformed.cursor ?? null
              const page = await capture(() => poll.poll(from, t.ctx))
              // The good ones are taken, valid, and the bad one is not among them.
              const ids = orderIds(page.events)
              expect(ids).toHaveLength(malformed.goodOrders)
              if (malformed.badExternalId) expect(ids).not.toContain(malformed.badExternalId)
              for (const e of page.events) {
                if (e.type !== 'order') continue
                const parsed = canonicalOrderSchema.safeParse(e.order)
                expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true)
              }
              // The bad one is reported once, with its payload and a reason naming a field.
              expect(page.unmapped ?? [], 'the malformed record must be reported in `unmapped`').toHaveLength(
                1,
              )
              const bad = page.unmapped![0]!
              expect(typeof bad.payload).toBe('string')
              expect(bad.payload.length).toBeGreaterThan(0)
              expect(bad.reasons.length).toBeGreaterThan(0)
              for (const r of bad.reasons) {
                expect(r.field, 'each reason names a field').toMatch(/\S/)
                expect(r.code, 'each reason has a code').toMatch(/\S/)
                expect(r.message, 'each reason says why').toMatch(/\S/)
              }
              if (malformed.badExternalId) expect(bad.externalId).toBe(malformed.badExternalId)
              // The cursor moved on: the bad record does not hold the records after it back.
              expect(page.cursor).not.toBeNull()
              expect(page.cursor).not.toBe(from)
              expect(JSON.parse(JSON.stringify(page.unmapped))).toEqual(structuredClone(page.unmapped))
              if (poll.mapRecord) {
                // A replay maps the stored record again: the bad one is refused naming its fields, and
                // a good order's own record (`raw`) maps to the same order the poll made.
                const again = await Promise.resolve()
                  .then(() => poll.mapRecord!(bad.payload, t.ctx))
                  .then(
                    () => undefined,
                    (error: unknown) => error,
                  )
                expect(
                  isPayloadError(again),
                  'mapRecord must refuse the bad record with a PayloadError',
                ).toBe(true)
                for (const e of page.events) {
                  if (e.type !== 'order' || e.order.raw === undefined) continue
                  const mapped = await poll.mapRecord(JSON.stringify(e.order.raw), t.ctx)
                  expect(mapped.type).toBe('order')
                  if (mapped.type === 'order')
                    expect(JSON.parse(JSON.stringify(mapped.order))).toEqual(
                      JSON.parse(JSON.stringify(e.order)),
                    )
                }
              }
              await poll.committed?.(page, t.ctx)
            } finally {
              await own?.close()
            }
          })
      })
    }

    suite('rate-limit', 'rate limits', () => {
      it('classifies a 429 as transient and honours Retry-After', { timeout }, async () => {
        const { ctx } = context()
        const call =
          options.rateLimitedCall ??
          ((p: PluginDefinition, c: PluginContext<unknown>) => {
            const caps = p.capabilities
            if (caps.ordersPoll) return caps.ordersPoll.poll(null, c)
            if (caps.fulfilment) return caps.fulfilment.requestFulfilment(sampleFulfilmentRequest(), c)
            if (caps.statusPush) return caps.statusPush.pushStatus(sampleShippedUpdate(), c)
            if (caps.inventoryPull) return caps.inventoryPull.pullInventory(null, c)
            throw new Error('no outbound call to try: pass rateLimitedCall or skip this check')
          })
        server.failNext(20, { status: 429, headers: { 'retry-after': '7' }, body: { errors: 'Throttled' } })
        let error: unknown
        try {
          await call(plugin, ctx)
        } catch (e) {
          error = e
        }
        server.failNext(0, {})
        expect(isPluginError(error), `expected a classified error, got ${String(error)}`).toBe(true)
        thrown.push(error)
        const e = error as PluginError
        expect(e.failure).toBe('transient')
        expect(e.retryAfterMs).toBe(7000)
      })
    })

    suite('secrets', 'secrets', () => {
      it('never puts a secret value in a log line, in state, in an error or in an output', () => {
        const names = secretFields(plugin.config)
        const parsed = plugin.config.safeParse(config)
        const values = names
          .map((k) => (parsed.success ? (parsed.data as Record<string, unknown>)[k] : undefined))
          .filter((v): v is string => typeof v === 'string' && v.length >= 4)
        expect(contexts.length, 'run after the other checks').toBeGreaterThan(0)
        const haystacks: [string, string][] = []
        for (const t of contexts) {
          for (const entry of t.logs) haystacks.push(['a log line', JSON.stringify(entry)])
          for (const [key, value] of t.state) haystacks.push([`state '${key}'`, `${key}=${value}`])
        }
        for (const error of thrown) {
          const e = error as { message?: string; details?: unknown; stack?: string }
          haystacks.push([
            'an error',
            `${e?.message} ${JSON.stringify(e?.details ?? null)} ${e?.stack ?? ''}`,
          ])
        }
        for (const out of outputs) haystacks.push(['an output', JSON.stringify(out) ?? ''])
        for (const secret of values) {
          for (const [where, text] of haystacks)
            expect(text.includes(secret), `a secret leaked into ${where}`).toBe(false)
        }
      })
    })
  })
}
