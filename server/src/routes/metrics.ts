import { safeEqual } from '@switchyard/plugin-sdk'
import { Hono } from 'hono'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { refreshOpenExceptions } from '../observability/intake-exceptions'

/**
 * `/metrics` in Prometheus text format. Open by default (the hub binds to 127.0.0.1); set
 * SWITCHYARD_METRICS_TOKEN to require `Authorization: Bearer <token>` from the scraper.
 */
export function metricsRoutes(hub: HubContext, token: string | undefined): Hono {
  const app = new Hono()
  app.get('/', async (c) => {
    if (token && !safeEqual(c.req.header('authorization') ?? '', `Bearer ${token}`)) {
      throw new ProblemError(401, 'UNAUTHENTICATED', 'the metrics endpoint needs its bearer token')
    }
    const backlog = await hub.core.outbox.backlog()
    hub.metrics.outboxBacklog.set({ status: 'pending' }, backlog.pending)
    hub.metrics.outboxBacklog.set({ status: 'in_flight' }, backlog.inFlight)
    hub.metrics.outboxBacklog.set({ status: 'dead' }, backlog.dead)
    await refreshOpenExceptions(hub)
    return c.body(await hub.metrics.registry.metrics(), 200, {
      'content-type': hub.metrics.registry.contentType,
    })
  })
  return app
}
