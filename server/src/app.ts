import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { OpenAPIHono } from '@hono/zod-openapi'
import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { audit, readThrough } from './http/audit'
import { authenticate } from './http/auth'
import { bodyLimit } from './http/body-limit'
import { idempotency } from './http/idempotency'
import { jsonBodyGuard } from './http/json-guard'
import { MAX_BODY_BYTES, MAX_URI_BYTES } from './http/limits'
import { logFields } from './http/log-fields'
import { scopedPermissions } from './http/permissions'
import { problemResponse, toProblem } from './http/problem'
import { keyRateLimit } from './http/rate-limit'
import { staticFiles } from './http/static'
import { urlTextGuard } from './http/text-guard'
import { uriLimit } from './http/uri-limit'
import type { HubContext } from './hub-context'
import { traceRequests } from './observability/tracing'
import { keyRoutes, pluginRoutes } from './routes/admin'
import { auditRoutes } from './routes/audit'
import { carrierRoutes } from './routes/carriers'
import { inventoryRoutes, locationRoutes, productRoutes } from './routes/catalog'
import { docsRoutes } from './routes/docs'
import { eventRoutes } from './routes/events'
import { exceptionRoutes } from './routes/exceptions'
import { fulfilmentRoutes } from './routes/fulfilments'
import { inboundSupplyRoutes } from './routes/inbound-supplies'
import { kitRoutes } from './routes/kits'
import { meRoutes } from './routes/me'
import { metricsRoutes } from './routes/metrics'
import { orderRoutes } from './routes/orders'
import { outboxRoutes } from './routes/outbox'
import { priceListRoutes } from './routes/price-lists'
import { pricingRoutes } from './routes/pricing'
import { returnRoutes } from './routes/returns'
import { ruleRoutes } from './routes/rules'
import { skuMappingRoutes } from './routes/sku-mappings'
import { stockRoutes } from './routes/stock'
import { supplierItemRoutes } from './routes/supplier-items'
import { webhookRoutes } from './routes/webhooks'

/** The web app (the console, with the rule editor as one of its sections), built by `pnpm start`. */
const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url))

/** The hub's HTTP surface. Pure wiring: every behaviour lives in a route module or in core. */
export function createApp(hub: HubContext, options: { mount?: (app: Hono) => void } = {}): Hono {
  const app = new Hono()
  const log = hub.logger

  app.use(requestId({ headerName: 'x-request-id' }))
  app.use(traceRequests())
  app.use(async function accessLog(c, next) {
    const started = performance.now()
    await next()
    const seconds = (performance.now() - started) / 1000
    // The route pattern, not the path: ids in paths would make unbounded label values.
    const route = c.req.routePath || 'unmatched'
    const http = hub.metrics.http(c.req.method, route, String(c.res.status))
    http.requests.inc()
    http.duration.observe(seconds)
    const failed = c.res.status >= 500
    // Built only when it will be written: at the default level a 2xx line is not.
    if (!failed && !log.isLevelEnabled('debug')) return
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(seconds * 10_000) / 10,
      ...logFields(c),
    }
    if (failed) log.error(line, 'request')
    else log.debug(line, 'request')
  })
  app.use(bodyLimit(MAX_BODY_BYTES))
  app.use(uriLimit(MAX_URI_BYTES))
  app.use(urlTextGuard())
  app.onError((error, c) =>
    toProblem(c, error, (e) => log.error({ err: e, requestId: c.get('requestId') }, 'unhandled error')),
  )
  app.notFound((c) =>
    problemResponse(c, {
      status: 404,
      code: 'NOT_FOUND',
      detail: `no route for ${c.req.method} ${c.req.path}`,
    }),
  )

  app.get('/health', (c) => c.json({ status: 'ok' }))
  app.get('/ready', async (c) => {
    if (hub.lifecycle.draining)
      return problemResponse(c, { status: 503, code: 'DRAINING', detail: 'the hub is shutting down' })
    try {
      await hub.core.db.one('select 1 as ok')
      return c.json({ status: 'ready', database: hub.core.settings.dialect })
    } catch {
      return problemResponse(c, {
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
        detail: 'the database does not answer',
      })
    }
  })

  const api = new OpenAPIHono()
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key: sy_…. Each operation names the permission it needs as its scope here and in `x-permission`; ' +
      'a key whose role lacks it is refused with 403 `FORBIDDEN_ROLE`. A key scoped to a channel keeps only ' +
      `${scopedPermissions.join(', ')} (else 403 \`FORBIDDEN_SCOPE\`). ` +
      'Naming another channel is 403 `FORBIDDEN_SCOPE`; another channel’s order, return or ' +
      'reservation is 404, as a missing one is; lists hold only its channel.',
  })
  api.use('*', authenticate(hub.core.apiKeys))
  api.use('*', keyRateLimit(hub.settings.rateLimits.key, hub.metrics, hub.keyLimiter))
  api.use('*', jsonBodyGuard())
  api.use('*', idempotency(hub.core.idempotency))
  api.use(
    '*',
    audit(
      hub.core.audit,
      readThrough((path, init) => api.request(path, init)),
    ),
  )
  api.route('/orders', orderRoutes(hub))
  api.route('/products', productRoutes(hub))
  api.route('/kits', kitRoutes(hub))
  api.route('/locations', locationRoutes(hub))
  api.route('/locations', supplierItemRoutes(hub))
  api.route('/inventory', inventoryRoutes(hub))
  api.route('/inbound-supplies', inboundSupplyRoutes(hub))
  api.route('/plugins', pluginRoutes(hub))
  api.route('/keys', keyRoutes(hub))
  api.route('/outbox', outboxRoutes(hub))
  api.route('/exceptions', exceptionRoutes(hub))
  api.route('/', returnRoutes(hub))
  api.route('/', fulfilmentRoutes(hub))
  api.route('/', stockRoutes(hub))
  api.route('/rules', ruleRoutes(hub))
  api.route('/rules', carrierRoutes(hub))
  api.route('/pricing', pricingRoutes(hub))
  api.route('/pricing', priceListRoutes(hub))
  api.route('/me', meRoutes(hub))
  api.route('/audit', auditRoutes(hub))
  api.route('/channels', skuMappingRoutes(hub))
  api.route('/events', eventRoutes(hub))
  app.route('/api/v1', api)

  const document = () =>
    api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Switchyard API',
        version: '1',
        description:
          'Order management hub. Errors are application/problem+json (RFC 9457) with a stable `code`. ' +
          'Every request may also be refused before its route: 413 `BODY_TOO_LARGE` (1 MiB), 414 `URI_TOO_LONG` ' +
          '(8 KiB), 431 `HEADERS_TOO_LARGE` (16 KiB with the request line), 400 `MALFORMED_REQUEST` (not HTTP), ' +
          '400 `INVALID_UTF8` and 422 `INVALID_TEXT` (text the hub cannot store, in the path or a query parameter).',
      },
      servers: [{ url: '/api/v1' }],
    })
  app.get('/openapi.json', (c) => c.json(document()))
  app.route('/docs', docsRoutes())
  app.route('/metrics', metricsRoutes(hub, hub.settings.metricsToken))
  app.route('/webhooks', webhookRoutes(hub))

  options.mount?.(app)

  const web = existsSync(CONSOLE_DIST) ? staticFiles(CONSOLE_DIST) : undefined
  app.get('/*', (c) => {
    const path = c.req.path === '/' ? 'index.html' : c.req.path
    return web?.(path) ?? web?.('index.html') ?? c.html(PLACEHOLDER)
  })
  return app
}

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchyard</title></head>
<body style="font-family: system-ui; max-width: 40rem; margin: 4rem auto">
<h1>Switchyard</h1>
<p>The console is not built yet: run <code>pnpm start</code> (which builds it) or <code>pnpm -F @switchyard/console build</code>. The API is documented at <a href="/docs">/docs</a>.</p>
</body></html>`
