/** The files of a new plugin package, by path. Kept as plain strings: what you see is what is written. */
export interface TemplateInput {
  name: string
  kind: 'channel' | 'wms'
  /** A channel whose orders are only polled (no webhook): pager, window cursor, unmapped records. */
  poll?: boolean
  /** Inside this repository's plugins/ folder (workspace links) or anywhere else. */
  inWorkspace: boolean
}

const title = (name: string) =>
  name
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ')

const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase())

export function pluginFiles(input: TemplateInput): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': packageJson(input),
    'tsconfig.json': tsconfig(input),
    'vitest.config.ts': vitestConfig(),
    'README.md': readme(input),
    'src/config.ts': configTs(input),
    ...(input.kind === 'wms' ? wmsFiles(input) : input.poll ? pollChannelFiles(input) : channelFiles(input)),
  }
  return files
}

function packageJson({ name, kind, poll, inWorkspace }: TemplateInput): string {
  // The poll template uses the SDK's pager and window cursor (1.3).
  const published = poll ? '^1.3.0' : '^1.1.0'
  const sdk = inWorkspace ? 'workspace:^' : published
  return `${JSON.stringify(
    {
      name: inWorkspace ? `@switchyard/${name}` : `switchyard-plugin-${name}`,
      version: '0.1.0',
      description: `${title(name)} ${kind === 'channel' ? 'channel' : 'WMS'} plugin for Switchyard`,
      type: 'module',
      keywords: ['switchyard-plugin'],
      exports: { '.': './src/index.ts', './package.json': './package.json' },
      scripts: { typecheck: 'tsc --noEmit -p .', test: 'vitest run' },
      peerDependencies: { '@switchyard/plugin-sdk': sdk },
      devDependencies: {
        '@switchyard/plugin-sdk': inWorkspace ? 'workspace:*' : published,
        vitest: '^4.1.0',
      },
      dependencies: { zod: '^4.1.0' },
    },
    null,
    2,
  )}\n`
}

/**
 * The plugin's own test config: `pnpm test` in its folder runs its tests, inside this repository
 * too (vitest takes the nearest config; without one it took the root's, whose globs found nothing
 * from here). The repository's root config runs them as well, as unit tests.
 */
function vitestConfig(): string {
  return `import { defineConfig } from 'vitest/config'

export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 } })
`
}

function tsconfig({ inWorkspace }: TemplateInput): string {
  if (inWorkspace) return '{ "extends": "../../tsconfig.base.json", "include": ["src", "*.ts"] }\n'
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2023',
        lib: ['ES2023', 'DOM'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        resolveJsonModule: true,
        strict: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
      },
      include: ['src'],
    },
    null,
    2,
  )}\n`
}

function configTs({ name, kind, poll }: TemplateInput): string {
  if (poll) return pollConfigTs(name)
  return `import { secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'

/**
 * The instance config. Fields made with secret() must come from the environment in
 * switchyard.config.json ({ "$env": "NAME" }); the hub redacts them from every log line and error.
 */
export const ${camel(name)}Config = z.object({
  /** The ${kind === 'channel' ? 'shop' : 'warehouse'}'s API root, e.g. https://api.example.com/v1. */
  baseUrl: z.url(),
  /** Sent as a bearer token on every call. */
  apiKey: secret('API key'),
  /** Verifies webhooks: base64 HMAC-SHA256 of the raw body in X-Signature. */
  webhookSecret: secret('Webhook signing secret'),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
})

export type ${title(name).replace(/ /g, '')}Config = z.output<typeof ${camel(name)}Config>
`
}

function channelFiles({ name }: TemplateInput): Record<string, string> {
  const cfg = `${camel(name)}Config`
  return {
    'src/map-order.ts': `import { type CanonicalOrder, canonicalOrderSchema, PayloadError, zodIssues } from '@switchyard/plugin-sdk'

/** The order as the channel sends it. Replace with the real API's shape. */
export interface ChannelOrder {
  id: string | number
  number?: string
  updated_at?: string
  currency: string
  ship_to: { name?: string; address1: string; address2?: string; city?: string; region?: string; postcode?: string; country: string }
  lines: { id: string | number; sku: string; quantity: number; price?: string }[]
}

/** Maps one channel order to the canonical order; a PayloadError names the fields that are wrong. */
export function toCanonicalOrder(order: ChannelOrder): CanonicalOrder {
  const parsed = canonicalOrderSchema.safeParse({
    externalId: String(order.id),
    orderNumber: order.number ?? String(order.id),
    currency: order.currency,
    shipTo: {
      name: order.ship_to?.name,
      line1: order.ship_to?.address1,
      line2: order.ship_to?.address2,
      city: order.ship_to?.city,
      region: order.ship_to?.region,
      postcode: order.ship_to?.postcode,
      country: order.ship_to?.country,
    },
    lines: (order.lines ?? []).map((l) => ({
      externalLineId: String(l.id),
      sku: l.sku,
      quantity: l.quantity,
      ...(l.price ? { unitPrice: l.price } : {}),
    })),
    raw: order,
  })
  if (!parsed.success) throw new PayloadError(\`order \${String(order.id)} is invalid\`, zodIssues(parsed.error))
  return parsed.data
}
`,
    'src/index.ts': `/**
 * @module ${name}
 * ${title(name)} as a sales channel.
 * - In: POST /webhooks/<instance>/orders, signed with X-Signature (base64 HMAC-SHA256 of the raw
 *   body), deduplicated on X-Delivery-Id; plus a reconciliation poll of GET <baseUrl>/orders?updated_after=…
 * - Out: order status (and tracking, once shipped) to POST <baseUrl>/orders/<id>/status.
 */
import { definePlugin, parseJsonBody, verifyBase64Hmac } from '@switchyard/plugin-sdk'
import { ${cfg} } from './config'
import { type ChannelOrder, toCanonicalOrder } from './map-order'

export default definePlugin({
  id: '${name}',
  kind: 'channel',
  version: '0.1.0',
  sdk: '^1.1.0',
  displayName: '${title(name)}',
  description: 'Orders from ${title(name)} by webhook and reconciliation poll; status back.',
  config: ${cfg},
  capabilities: {
    webhook: {
      produces: ['order'],
      verify(request, ctx) {
        return verifyBase64Hmac({
          secrets: [ctx.config.webhookSecret],
          rawBody: request.rawBody,
          signature: request.headers['x-signature'],
        })
          ? { ok: true }
          : { ok: false, reason: 'X-Signature does not match the body' }
      },
      parse(request) {
        const delivery = request.headers['x-delivery-id']
        if (request.path !== '/orders') return { events: [{ type: 'ignored', reason: \`no route \${request.path}\` }] }
        return {
          ...(delivery ? { dedupeKey: delivery } : {}),
          events: [{ type: 'order', order: toCanonicalOrder(parseJsonBody(request) as ChannelOrder) }],
        }
      },
    },
    ordersPoll: {
      intervalMs: 5 * 60_000,
      async poll(cursor, ctx) {
        const since = cursor ?? new Date(ctx.clock.now().getTime() - 24 * 3600_000).toISOString()
        const res = await ctx.http.request(
          \`\${ctx.config.baseUrl.replace(/\\/$/, '')}/orders?updated_after=\${encodeURIComponent(since)}\`,
          { timeoutMs: ctx.config.timeoutMs, headers: { authorization: \`Bearer \${ctx.config.apiKey}\` } },
        )
        const { orders } = res.json<{ orders: ChannelOrder[] }>()
        let next = since
        for (const o of orders) if (o.updated_at && o.updated_at > next) next = o.updated_at
        return { events: orders.map((o) => ({ type: 'order' as const, order: toCanonicalOrder(o) })), cursor: next }
      },
    },
    statusPush: {
      async pushStatus(update, ctx) {
        await ctx.http.request(
          \`\${ctx.config.baseUrl.replace(/\\/$/, '')}/orders/\${encodeURIComponent(update.externalOrderId)}/status\`,
          {
            method: 'POST',
            timeoutMs: ctx.config.timeoutMs,
            headers: {
              'content-type': 'application/json',
              authorization: \`Bearer \${ctx.config.apiKey}\`,
              'idempotency-key': ctx.idempotencyKey ?? \`\${update.orderId}:\${update.status}\`,
            },
            body: JSON.stringify({ status: update.status, shipments: update.shipments }),
          },
        )
        return { status: 'accepted' }
      },
    },
  },
})

export { ${cfg} } from './config'
`,
    'src/conformance.test.ts': `import { createHmac } from 'node:crypto'
import { describePluginConformance, rawRequest } from '@switchyard/plugin-sdk/testing'
import plugin from './index'

// Fixtures: replace with payloads recorded from the real API (ids and secrets made up).
const webhookSecret = 'fixture-webhook-secret'
const apiKey = 'fixture-api-key-0001'
const order = {
  id: 1001,
  number: '#1001',
  // Within the first poll's default window (the last 24 hours).
  updated_at: new Date(Date.now() - 3600_000).toISOString(),
  currency: 'NZD',
  ship_to: { name: 'Jane Doe', address1: '1 Queen St', city: 'Auckland', postcode: '1010', country: 'NZ' },
  lines: [{ id: 1, sku: 'SKU-A', quantity: 2, price: '12.50' }],
}

function signed(path: string, body: string, delivery: string) {
  return rawRequest({
    path,
    headers: {
      'content-type': 'application/json',
      'x-signature': createHmac('sha256', webhookSecret).update(body).digest('base64'),
      'x-delivery-id': delivery,
    },
    body,
  })
}

describePluginConformance(plugin, {
  config: { baseUrl: 'http://127.0.0.1:9', apiKey, webhookSecret },
  invalidConfig: { config: { baseUrl: 'not a url', apiKey, webhookSecret }, field: 'baseUrl' },
  withBaseUrl: (config, url) => ({ ...config, baseUrl: url }),
  http: (req) => {
    if (req.headers.authorization !== \`Bearer \${apiKey}\`) return { status: 401, body: { error: 'unauthorised' } }
    if (req.path === '/orders') {
      const after = req.query.get('updated_after') ?? ''
      return { status: 200, body: { orders: [order].filter((o) => o.updated_at > after) } }
    }
    return { status: 202, body: {} }
  },
  webhook: {
    signatureHeaders: ['x-signature'],
    deliveries: [{ name: 'order', request: signed('/orders', JSON.stringify(order), 'd-1'), expect: ['order'] }],
  },
  poll: { futureCursor: '2999-01-01T00:00:00Z' },
})
`,
  }
}

function pollConfigTs(name: string): string {
  return `import { secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'

/**
 * The instance config. Fields made with secret() must come from the environment in
 * switchyard.config.json ({ "$env": "NAME" }); the hub redacts them from every log line and error.
 */
export const ${camel(name)}Config = z.object({
  /** The marketplace's API root, e.g. https://api.example.com/v1. */
  baseUrl: z.url(),
  /** Sent as a bearer token on every call (an OAuth 2 API: see oauth2Client in docs/plugins.md). */
  apiKey: secret('API key'),
  /** Where the first poll starts; later polls resume from the stored cursor. */
  reconcileFrom: z.iso.datetime({ offset: true }).optional(),
  /** Each poll window reaches back this far, for orders the marketplace writes late. */
  lookbackSec: z.number().int().min(0).max(3600).default(300),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
})

export type ${title(name).replace(/ /g, '')}Config = z.output<typeof ${camel(name)}Config>
`
}

/** A channel taken by polling only: the marketplace is asked what changed, page by page. */
function pollChannelFiles(input: TemplateInput): Record<string, string> {
  const { name } = input
  const cfg = `${camel(name)}Config`
  const Config = `${title(name).replace(/ /g, '')}Config`
  return {
    'src/map-order.ts': channelFiles(input)
      ['src/map-order.ts']!.replace(
        '/** Maps one channel order',
        `/** What the poll makes of one order (and a replay of a stored one): an order event. */
export function orderEvent(order: ChannelOrder): InboundEvent {
  return { type: 'order', order: toCanonicalOrder(order) }
}

/** Maps one channel order`,
      )
      .replace(
        "import { type CanonicalOrder, canonicalOrderSchema, PayloadError, zodIssues } from '@switchyard/plugin-sdk'",
        "import {\n  type CanonicalOrder,\n  canonicalOrderSchema,\n  type InboundEvent,\n  PayloadError,\n  zodIssues,\n} from '@switchyard/plugin-sdk'",
      ),
    'src/index.ts': `/**
 * @module ${name}
 * ${title(name)} as a sales channel, taken by polling only (no webhooks).
 * - In: GET <baseUrl>/orders?modified_since=…&offset=…&limit=… , one page per poll, in a window that
 *   reaches back lookbackSec; an order the mapping refuses is reported as unmapped (an intake exception).
 * - Out: order status (and tracking, once shipped) to POST <baseUrl>/orders/<id>/status.
 */
import {
  definePlugin,
  mapStoredRecord,
  pager,
  type PluginContext,
  type PollResult,
  windowCursor,
  windowPollResult,
} from '@switchyard/plugin-sdk'
import { type ${Config}, ${cfg} } from './config'
import { type ChannelOrder, orderEvent } from './map-order'

const orders = pager<ChannelOrder>({ style: 'offset', limit: 100, records: 'orders', total: 'total' })

async function poll(cursor: string | null, ctx: PluginContext<${Config}>): Promise<PollResult> {
  const c = ctx.config
  const now = ctx.clock.now()
  const windows = windowCursor({ overlapMs: c.lookbackSec * 1000, ...(c.reconcileFrom ? { start: c.reconcileFrom } : {}) })
  const state = windows.read(cursor, now)
  const from = windows.from(state)
  if (Date.parse(from) > now.getTime()) return { events: [], cursor: windows.advance(state, [], undefined, now) }
  const url = \`\${c.baseUrl.replace(/\\/$/, '')}/orders?modified_since=\${encodeURIComponent(from)}\`
  const page = await orders.fetch(
    (u) => ctx.http.request(u, { timeoutMs: c.timeoutMs, headers: { authorization: \`Bearer \${c.apiKey}\` } }),
    url,
    state.page,
  )
  // The overlap's unchanged orders left out, the others mapped (a refused one reported as unmapped).
  return windowPollResult({
    page,
    windows,
    state,
    now: ctx.clock.now(),
    identify: (o) => ({ id: String(o?.id ?? ''), modifiedAt: o?.updated_at }),
    map: orderEvent,
    logger: ctx.logger,
    what: '${title(name)} order',
  })
}

export default definePlugin({
  id: '${name}',
  kind: 'channel',
  version: '0.1.0',
  sdk: '^1.3.0',
  displayName: '${title(name)}',
  description: 'Orders from ${title(name)} by polling; status back.',
  config: ${cfg},
  capabilities: {
    ordersPoll: {
      intervalMs: 2 * 60_000,
      poll,
      mapRecord: (payload) => mapStoredRecord(payload, orderEvent),
    },
    statusPush: {
      async pushStatus(update, ctx) {
        await ctx.http.request(
          \`\${ctx.config.baseUrl.replace(/\\/$/, '')}/orders/\${encodeURIComponent(update.externalOrderId)}/status\`,
          {
            method: 'POST',
            timeoutMs: ctx.config.timeoutMs,
            headers: {
              'content-type': 'application/json',
              authorization: \`Bearer \${ctx.config.apiKey}\`,
              'idempotency-key': ctx.idempotencyKey ?? \`\${update.orderId}:\${update.status}\`,
            },
            body: JSON.stringify({ status: update.status, shipments: update.shipments }),
          },
        )
        return { status: 'accepted' }
      },
    },
  },
})

export { ${cfg} } from './config'
`,
    'src/conformance.test.ts': `import { describePluginConformance, type FixtureRequest } from '@switchyard/plugin-sdk/testing'
import plugin from './index'

// Fixtures: replace with payloads recorded from the real API (ids and secrets made up).
const apiKey = 'fixture-api-key-0001'
const order = (id: number) => ({
  id,
  number: \`#\${id}\`,
  // Within the first poll's default window (the last 24 hours).
  updated_at: new Date(Date.now() - 3600_000 + id).toISOString(),
  currency: 'NZD',
  ship_to: { name: 'Jane Doe', address1: '1 Queen St', city: 'Auckland', postcode: '1010', country: 'NZ' },
  lines: [{ id: 1, sku: 'SKU-A', quantity: 2, price: '12.50' }],
})
const broken = { ...order(1002), lines: [{ id: 1, sku: '', quantity: 2 }] }

/** The marketplace's order list: modified since, paged by offset and limit, with a total. */
const answer = (list: unknown[]) => (req: FixtureRequest) => {
  if (req.headers.authorization !== \`Bearer \${apiKey}\`) return { status: 401, body: { error: 'unauthorised' } }
  if (req.path !== '/orders') return { status: 202, body: {} }
  const since = Date.parse(req.query.get('modified_since') ?? '')
  const matching = (list as { updated_at: string }[]).filter((o) => Date.parse(o.updated_at) >= since)
  const offset = Number(req.query.get('offset') ?? 0)
  const limit = Number(req.query.get('limit') ?? 100)
  return { status: 200, body: { total: matching.length, orders: matching.slice(offset, offset + limit) } }
}

describePluginConformance(plugin, {
  config: { baseUrl: 'http://127.0.0.1:9', apiKey },
  invalidConfig: { config: { baseUrl: 'not a url', apiKey }, field: 'baseUrl' },
  withBaseUrl: (config, url) => ({ ...config, baseUrl: url }),
  http: answer([order(1001)]),
  poll: {
    futureCursor: JSON.stringify({ since: '2999-01-01T00:00:00.000Z', seen: [] }),
    malformedPage: { http: answer([order(1001), broken, order(1003)]), goodOrders: 2, badExternalId: '1002' },
  },
})
`,
  }
}

function wmsFiles({ name }: TemplateInput): Record<string, string> {
  const cfg = `${camel(name)}Config`
  return {
    'src/index.ts': `/**
 * @module ${name}
 * ${title(name)} as a warehouse.
 * - Out: fulfilment requests to POST <baseUrl>/fulfilment-orders (Idempotency-Key = the hub's
 *   fulfilment id, so a retry never ships twice); cancellations to POST …/fulfilment-orders/<ref>/cancel.
 * - In: POST /webhooks/<instance>/shipments, signed with X-Signature (base64 HMAC-SHA256 of the body).
 */
import {
  definePlugin,
  PayloadError,
  parseJsonBody,
  shipmentConfirmationSchema,
  verifyBase64Hmac,
  zodIssues,
} from '@switchyard/plugin-sdk'
import { ${cfg} } from './config'

export default definePlugin({
  id: '${name}',
  kind: 'wms',
  version: '0.1.0',
  sdk: '^1.1.0',
  displayName: '${title(name)}',
  description: 'Fulfilment requests to ${title(name)}; shipments back by signed webhook.',
  config: ${cfg},
  capabilities: {
    webhook: {
      produces: ['shipment'],
      verify(request, ctx) {
        return verifyBase64Hmac({
          secrets: [ctx.config.webhookSecret],
          rawBody: request.rawBody,
          signature: request.headers['x-signature'],
        })
          ? { ok: true }
          : { ok: false, reason: 'X-Signature does not match the body' }
      },
      parse(request) {
        const delivery = request.headers['x-delivery-id']
        if (request.path !== '/shipments') return { events: [{ type: 'ignored', reason: \`no route \${request.path}\` }] }
        const parsed = shipmentConfirmationSchema.safeParse(parseJsonBody(request))
        if (!parsed.success) throw new PayloadError('shipment is invalid', zodIssues(parsed.error))
        return { ...(delivery ? { dedupeKey: delivery } : {}), events: [{ type: 'shipment', shipment: parsed.data }] }
      },
    },
    fulfilment: {
      async requestFulfilment(request, ctx) {
        const res = await ctx.http.request(\`\${ctx.config.baseUrl.replace(/\\/$/, '')}/fulfilment-orders\`, {
          method: 'POST',
          timeoutMs: ctx.config.timeoutMs,
          headers: {
            'content-type': 'application/json',
            authorization: \`Bearer \${ctx.config.apiKey}\`,
            'idempotency-key': ctx.idempotencyKey ?? request.fulfilmentId,
          },
          body: JSON.stringify(request),
        })
        const answer = res.text ? res.json<{ id?: unknown }>() : {}
        return { status: 'accepted', ...(typeof answer.id === 'string' ? { externalRef: answer.id } : {}) }
      },
      async cancelFulfilment(request, ctx) {
        const ref = encodeURIComponent(request.externalRef ?? request.fulfilmentId)
        await ctx.http.request(\`\${ctx.config.baseUrl.replace(/\\/$/, '')}/fulfilment-orders/\${ref}/cancel\`, {
          method: 'POST',
          timeoutMs: ctx.config.timeoutMs,
          headers: { 'content-type': 'application/json', authorization: \`Bearer \${ctx.config.apiKey}\` },
          body: JSON.stringify({ reason: request.reason ?? null }),
        })
        return { status: 'accepted' }
      },
    },
  },
})

export { ${cfg} } from './config'
`,
    'src/conformance.test.ts': `import { createHmac } from 'node:crypto'
import { describePluginConformance, rawRequest } from '@switchyard/plugin-sdk/testing'
import plugin from './index'

// Fixtures: replace with payloads recorded from the real API (ids and secrets made up).
const webhookSecret = 'fixture-webhook-secret'
const apiKey = 'fixture-api-key-0001'
const shipment = JSON.stringify({ fulfilmentId: 'f-1', carrier: 'NZ Post', trackingNumber: 'NZ123456789' })

describePluginConformance(plugin, {
  config: { baseUrl: 'http://127.0.0.1:9', apiKey, webhookSecret },
  invalidConfig: { config: { baseUrl: 'not a url', apiKey, webhookSecret }, field: 'baseUrl' },
  withBaseUrl: (config, url) => ({ ...config, baseUrl: url }),
  http: (req) =>
    req.headers.authorization === \`Bearer \${apiKey}\`
      ? { status: 201, body: { id: 'WH-1' } }
      : { status: 401, body: { error: 'unauthorised' } },
  webhook: {
    signatureHeaders: ['x-signature'],
    deliveries: [
      {
        name: 'shipment',
        request: rawRequest({
          path: '/shipments',
          headers: {
            'x-signature': createHmac('sha256', webhookSecret).update(shipment).digest('base64'),
            'x-delivery-id': 'd-1',
          },
          body: shipment,
        }),
        expect: ['shipment'],
      },
    ],
  },
})
`,
  }
}

function readme({ name, kind, poll, inWorkspace }: TemplateInput): string {
  const use = inWorkspace ? `./plugins/${name}` : '<path or package name>'
  return `# ${title(name)} (${kind} plugin for Switchyard)

Scaffolded by \`pnpm create-plugin ${name} --kind ${kind}${poll ? ' --poll' : ''}\`. It compiles, loads and passes the
conformance kit as it is; now make it talk to the real API:

1. \`src/config.ts\`: the settings an operator gives; mark credentials with \`secret()\`.
2. ${kind === 'channel' ? "`src/map-order.ts`: map the channel's order to the canonical order." : "`src/index.ts`: map the fulfilment request to the WMS's order shape."}
3. \`src/index.ts\`: ${poll ? 'the list call and its paging (pager), the window (windowCursor), outbound calls' : 'signature scheme, routes, outbound calls'}.
4. \`src/conformance.test.ts\`: replace the fixtures with payloads recorded from the real API.

Run the kit with \`npx vitest run ${inWorkspace ? `plugins/${name}` : '.'}\`, then load it in the hub:

\`\`\`json
{ "plugins": [{ "id": "${name}", "use": "${use}",
  "config": { "baseUrl": "https://api.example.com", "apiKey": { "$env": "${name.toUpperCase().replace(/-/g, '_')}_API_KEY" },
              ${poll ? '"reconcileFrom": "2026-01-01T00:00:00Z"' : `"webhookSecret": { "$env": "${name.toUpperCase().replace(/-/g, '_')}_WEBHOOK_SECRET" }`} } }] }
\`\`\`

See docs/plugins.md in the Switchyard repository.
`
}
