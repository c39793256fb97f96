import type { IntakeObserver } from '@switchyard/core'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/**
 * The hub's Prometheus metrics, one registry per hub (tests run several hubs in one process).
 * Label values are bounded: channel and plugin instance ids come from the config file, routes are
 * route patterns, never raw paths.
 */
function baseMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'switchyard_' })
  const ms = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
  return {
    registry,
    httpRequests: new Counter({
      name: 'switchyard_http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'switchyard_http_request_duration_seconds',
      help: 'HTTP request duration by method and route pattern',
      labelNames: ['method', 'route'] as const,
      buckets: ms,
      registers: [registry],
    }),
    ordersReceived: new Counter({
      name: 'switchyard_orders_received_total',
      help: 'Orders received, by channel instance and whether they were new or redeliveries',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    ordersRouted: new Counter({
      name: 'switchyard_orders_routed_total',
      help: 'New orders by channel instance and the status routing left them in (released, allocated, backordered, held)',
      labelNames: ['channel', 'status'] as const,
      registers: [registry],
    }),
    ordersBackordered: new Counter({
      name: 'switchyard_orders_backordered_total',
      help: 'New orders that could not be fully allocated, by channel instance',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    intakeBatch: new Histogram({
      name: 'switchyard_intake_batch_seconds',
      help: 'Time to route, allocate and commit one intake batch (routing decisions included)',
      buckets: ms,
      registers: [registry],
    }),
    intakeBatches: new Counter({
      name: 'switchyard_intake_batches_total',
      help: 'Intake batches committed, by how they were written: one-statement (PostgreSQL, no locks held across round trips) or locked',
      labelNames: ['way'] as const,
      registers: [registry],
    }),
    intakeBatchSize: new Histogram({
      name: 'switchyard_intake_batch_orders',
      help: 'Orders committed together in one intake transaction',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    routingDecision: new Histogram({
      name: 'switchyard_routing_decision_seconds',
      help: 'Time to route and plan the allocation of one new order (rules, candidates, split), inside its intake transaction',
      buckets: [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
      registers: [registry],
    }),
    allocationRetries: new Counter({
      name: 'switchyard_allocation_retries_total',
      help: 'Intake transactions retried after a conflict, by reason (stock, capacity, duplicate, lock, deadlock, serialization)',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    outboxDeliveries: new Counter({
      name: 'switchyard_outbox_deliveries_total',
      help: 'Outbox delivery attempts by plugin instance, topic and outcome (delivered, retry, dead)',
      labelNames: ['instance', 'topic', 'outcome'] as const,
      registers: [registry],
    }),
    outboxDeliverySeconds: new Histogram({
      name: 'switchyard_outbox_delivery_seconds',
      help: 'Duration of successful deliveries by plugin instance and topic',
      labelNames: ['instance', 'topic'] as const,
      buckets: ms,
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'switchyard_outbox_messages',
      help: 'Outbox messages waiting (pending), being delivered (in_flight) or given up on (dead), read at scrape time',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    pluginCalls: new Counter({
      name: 'switchyard_plugin_calls_total',
      help: 'Plugin calls by instance, operation and outcome (ok, or the failure class)',
      labelNames: ['instance', 'operation', 'outcome'] as const,
      registers: [registry],
    }),
    pluginCallSeconds: new Histogram({
      name: 'switchyard_plugin_call_seconds',
      help: 'Plugin call duration by instance and operation',
      labelNames: ['instance', 'operation'] as const,
      buckets: ms,
      registers: [registry],
    }),
    intakeExceptionsCreated: new Counter({
      name: 'switchyard_intake_exceptions_created_total',
      help: 'Intake exceptions opened (a channel order kept because it could not be taken), by instance and reason code',
      labelNames: ['instance', 'reason'] as const,
      registers: [registry],
    }),
    intakeExceptionsOpen: new Gauge({
      name: 'switchyard_intake_exceptions_open',
      help: 'Open intake exceptions by instance and reason code (one with two codes counts under each), read at scrape time',
      labelNames: ['instance', 'reason'] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'switchyard_rate_limited_total',
      help: 'Requests refused with 429, by kind of limit (key, webhook)',
      labelNames: ['limit'] as const,
      registers: [registry],
    }),
  }
}

export type Metrics = ReturnType<typeof baseMetrics> & {
  /** The request counter's and duration histogram's children for (method, route, status). */
  http(
    method: string,
    route: string,
    status: string,
  ): { requests: { inc(): void }; duration: { observe(v: number): void } }
  /** The plugin call counter's and duration histogram's children for (instance, operation, outcome). */
  pluginCall(
    instance: string,
    operation: string,
    outcome: string,
  ): { calls: { inc(): void }; seconds: { observe(v: number): void } }
}

/** The hub's metrics with the per-request label sets cached (`http`, `pluginCall`). */
export function createMetrics(): Metrics {
  const m = baseMetrics()
  return {
    ...m,
    http: cachedChildren((method, route, status) => ({
      requests: m.httpRequests.labels(method, route, status),
      duration: m.httpDuration.labels(method, route),
    })),
    pluginCall: cachedChildren((instance, operation, outcome) => ({
      calls: m.pluginCalls.labels(instance, operation, outcome),
      seconds: m.pluginCallSeconds.labels(instance, operation),
    })),
  }
}

/**
 * A metric child per label values, made once. prom-client hashes a label object on every inc and
 * observe (sorting its keys); on the webhook path that cost about 10 us per order. Label values are
 * bounded (see baseMetrics), so the map is too. Only for metrics that are never reset.
 */
function cachedChildren<C>(
  make: (a: string, b: string, c: string) => C,
): (a: string, b: string, c: string) => C {
  const children = new Map<string, C>()
  return (a, b, c) => {
    const key = `${a}\u0000${b}\u0000${c}`
    let child = children.get(key)
    if (child === undefined) {
      child = make(a, b, c)
      children.set(key, child)
    }
    return child
  }
}

/** Feeds core's intake observer into the hub's metrics. */
export function intakeMetrics(metrics: Metrics): IntakeObserver {
  return {
    batchCommitted(seconds, orders, way) {
      metrics.intakeBatch.observe(seconds)
      metrics.intakeBatchSize.observe(orders)
      metrics.intakeBatches.inc({ way })
    },
    routed: (seconds) => metrics.routingDecision.observe(seconds),
    retried: (reason) => metrics.allocationRetries.inc({ reason }),
    // Received (new or redelivered), and where routing left a new order.
    answered(channel, result) {
      metrics.ordersReceived.inc({ channel, outcome: result.created ? 'created' : 'duplicate' })
      if (!result.created) return
      metrics.ordersRouted.inc({ channel, status: result.status })
      if (result.status === 'backordered') metrics.ordersBackordered.inc({ channel })
    },
  }
}
