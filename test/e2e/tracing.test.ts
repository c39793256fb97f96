import { trace } from '@opentelemetry/api'
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpPeer, waitFor } from '../peers/http-peer'
import { sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { spawnHub } from '../support/hub-process'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { seedWorld } from '../support/world'

/**
 * Traces: a channel's request continues the caller's trace (W3C traceparent) through the hub's
 * spans (request, plugin calls, intake batch, routing), and a delivery to a warehouse carries its
 * own span's trace to the partner. Spans are read with an in-memory exporter in this process.
 */
describe('OpenTelemetry traces', () => {
  const exporter = new InMemorySpanExporter()
  let db: TestDb
  let rest: RestHub

  beforeAll(async () => {
    new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register()
    db = await createTestDb('sqlite')
    rest = await startRestHub(db)
    await seedWorld(rest.hub.api, { wms: 'dc' })
  })

  afterAll(async () => {
    await rest?.stop()
    await db?.drop()
    trace.disable()
  })

  it("continues the caller's trace in the hub and passes a trace on to the warehouse", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
    const order = sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }])
    const posted = await rest.channel.postOrder(rest.hub.url, 'web', order, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    })
    expect(posted.status).toBe(201)
    const orderId = (posted.body.results as { orderId: string }[])[0]!.orderId
    const received = await waitFor(
      () => rest.wms.http.requests.find((r) => r.body.includes(orderId) && r.headers.traceparent),
      10_000,
      'the fulfilment request at the warehouse',
    )
    await waitFor(
      () => exporter.getFinishedSpans().find((s) => s.name.startsWith('outbox deliver')),
      5_000,
      'the delivery span',
    )
    const spans = exporter.getFinishedSpans()
    const request = spans.find(
      (s) => s.name === 'POST /webhooks/:instance/*' && s.spanContext().traceId === traceId,
    )
    expect(request, spans.map((s) => s.name).join(', ')).toBeDefined()
    // The plugin's verify and parse ran inside the request: its trace, under its span.
    const pluginSpans = spans.filter(
      (s) => s.name.startsWith('plugin ') && s.spanContext().traceId === traceId,
    )
    expect(pluginSpans.length).toBeGreaterThan(0)
    expect(spans.some((s) => s.name === 'intake batch')).toBe(true)
    expect(spans.some((s) => s.name === 'routing decision')).toBe(true)
    // The delivery is its own trace (the order was acknowledged long before) and the warehouse hears it.
    const delivery = spans.find((s) => s.name === 'outbox deliver fulfilment.request')!
    const [, sentTrace] = received.headers.traceparent!.split('-')
    expect(sentTrace).toBe(delivery.spanContext().traceId)
  })
})

/** With OTEL_EXPORTER_OTLP_ENDPOINT set, a hub process sends its spans there (OTLP over HTTP). */
describe('the OTLP exporter', () => {
  it('sends spans to the endpoint', async () => {
    const collector = await HttpPeer.start((_req, res) => {
      res.statusCode = 200
      res.end()
    })
    const db = await createTestDb('sqlite')
    const hub = await spawnHub({
      ...db.env,
      PORT: '0',
      SWITCHYARD_DEMO: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    })
    try {
      for (let i = 0; i < 3; i++) await fetch(`${hub.url}/health`)
      await hub.stop() // flushes the batch of spans
      const posts = collector.requests.filter((r) => r.path === '/v1/traces')
      expect(posts.length).toBeGreaterThan(0)
      expect(posts.some((r) => r.body.includes('GET /health'))).toBe(true)
    } finally {
      await hub.stop().catch(() => {})
      await collector.close()
      await db.drop()
    }
  })
})
