import {
  type Attributes,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import type { IntakeObserver } from '@switchyard/core'
import type { MiddlewareHandler } from 'hono'

/**
 * OpenTelemetry tracing, off by default. With an OTLP endpoint set, the hub exports spans for each
 * request, intake batch, routing decision, outbox delivery and plugin call, takes W3C trace context
 * (`traceparent`) from callers and passes it on to partners through the plugins' HTTP client. Off,
 * the API is a no-op and costs next to nothing.
 */
// Asked each time, not kept from module load: a tracer taken before a provider is registered (by
// another copy of the API, as an embedding process or a test may load) would stay a no-op.
const tracer = () => trace.getTracer('switchyard')

/**
 * Whether spans are recorded at all: decided once at start. Off, every hook below returns at
 * once: even the no-op API's context switching cost intake about a tenth of its throughput.
 */
let enabled = false

/** A tracer provider someone registered globally (an embedding process, a test's exporter). */
function providerRegistered(): boolean {
  const proxy = trace.getTracerProvider() as { getDelegate?: () => object }
  const delegate = proxy.getDelegate?.() ?? proxy
  return delegate.constructor.name !== 'NoopTracerProvider'
}

/** Registers the exporting tracer provider when an endpoint is given; returns how to flush it. */
export function startTracing(endpoint: string | undefined): () => Promise<void> {
  enabled = Boolean(endpoint) || providerRegistered()
  if (!endpoint) return async () => {}
  const provider = new NodeTracerProvider({
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` })),
    ],
  })
  provider.register()
  return () => provider.shutdown()
}

/** A span per request, continuing the caller's trace when it sends `traceparent`. */
export function traceRequests(): MiddlewareHandler {
  return async function traceRequest(c, next) {
    if (!enabled) return next()
    const carrier: Record<string, string> = {}
    c.req.raw.headers.forEach((value, key) => {
      carrier[key] = value
    })
    const parent = propagation.extract(context.active(), carrier)
    await tracer().startActiveSpan(
      c.req.method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': c.req.method, 'url.path': c.req.path } },
      parent,
      async (span) => {
        try {
          await next()
        } finally {
          const route = c.req.routePath || 'unmatched'
          span.updateName(`${c.req.method} ${route}`)
          span.setAttributes({ 'http.route': route, 'http.response.status_code': c.res.status })
          if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR })
          span.end()
        }
      },
    )
  }
}

/** Runs `work` in a span of its own (an outbox delivery): plugin calls inside are its children. */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span?: Span) => Promise<T>,
): Promise<T> {
  if (!enabled) return work()
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span)
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message ?? String(error) })
      throw error
    } finally {
      span.end()
    }
  })
}

/**
 * A span for work measured after the fact (a plugin call, an intake batch, a routing decision),
 * under the span active where it was measured.
 */
export function recordSpan(name: string, seconds: number, attributes: Attributes, failed = false): void {
  if (!enabled) return
  const end = Date.now()
  const span = tracer().startSpan(name, { startTime: end - seconds * 1000, attributes })
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR })
  span.end(end)
}

/** The W3C trace headers of the active span, for a request to a partner. */
export function traceHeaders(): Record<string, string> {
  if (!enabled) return {}
  const headers: Record<string, string> = {}
  propagation.inject(context.active(), headers)
  return headers
}

/** The ids a log line carries while a span is active (pino `mixin`). */
export function traceIds(): { traceId?: string; spanId?: string } {
  if (!enabled) return {}
  const span = trace.getActiveSpan()
  if (!span) return {}
  const { traceId, spanId } = span.spanContext()
  return { traceId, spanId }
}

/** Intake's observer with a span for each batch and each routing decision. */
export function tracedIntake(inner: IntakeObserver): IntakeObserver {
  return {
    ...inner,
    batchCommitted(seconds, orders, way) {
      inner.batchCommitted?.(seconds, orders, way)
      recordSpan('intake batch', seconds, { 'switchyard.orders': orders, 'switchyard.intake_way': way })
    },
    routed(seconds) {
      inner.routed?.(seconds)
      recordSpan('routing decision', seconds, {})
    },
  }
}
