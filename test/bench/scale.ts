import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { createTestDb } from '../support/databases'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { liftLimits } from './lift-limits'
import { type LoadResult, load } from './load'
import { startScript } from './processes'

/**
 * `pnpm bench scale`: intake orders/s on PostgreSQL with one, two and three hub processes sharing
 * one database, each hub with its outbox worker on (delivering to a sink peer). 50 connections in
 * all, split evenly over the hubs, 10 s per step after a warm-up; a fresh schema per step.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const SECRET = 'bench-scale-secret'
const SKUS = [
  'TEE-MER-BLK-M',
  'TEE-MER-BLK-L',
  'HOOD-ORG-GRY-L',
  'SOCK-HIKE-3PK',
  'MUG-ENAMEL',
  'HONEY-UMF15',
  'MAP-TOPO-SET',
]

let seq = 0
const run = Date.now().toString(36)
function order() {
  const n = 1 + (seq % 3)
  const body = JSON.stringify({
    externalId: `SCALE-${run}-${++seq}`,
    currency: 'NZD',
    customer: { email: `buyer${seq % 3000}@example.nz` },
    shipTo: { line1: '1 Main Street', city: 'Wellington', country: 'NZ', lat: -41.2865, lon: 174.7762 },
    lines: Array.from({ length: n }, (_, i) => ({
      sku: SKUS[(seq + i * 2) % SKUS.length]!,
      quantity: 1 + ((seq + i) % 2),
      unitPrice: '19.90',
    })),
  })
  return { body, headers: { [SIGNATURE_HEADER]: signTimestamped(SECRET, body) } }
}

async function step(
  hubCount: number,
  sinkUrl: string,
): Promise<{ rps: number; p99: number; errors: number }> {
  const db = await createTestDb('postgresql')
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-scale-'))
  const config = join(dir, 'switchyard.config.json')
  writeFileSync(
    config,
    JSON.stringify({
      plugins: [
        { id: 'demo-web', use: '@switchyard/rest-channel', config: { secret: { $env: 'BENCH_SECRET' } } },
        {
          id: 'demo-wms',
          use: '@switchyard/rest-wms',
          config: {
            baseUrl: sinkUrl,
            apiKey: { $env: 'BENCH_SECRET' },
            webhookSecret: { $env: 'BENCH_SECRET' },
          },
        },
      ],
    }),
  )
  const env = {
    ...db.env,
    PORT: '0',
    SWITCHYARD_CONFIG: config,
    SWITCHYARD_DEMO: '1',
    BENCH_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    SWITCHYARD_RATE_LIMIT_WEBHOOK: 'off',
  }
  const hubs: HubProcess[] = []
  try {
    hubs.push(await spawnHub(env)) // the first seeds the demo world
    const key = hubs[0]!.bootstrapKey!
    await liftLimits(hubs[0]!.url, key)
    for (let i = 1; i < hubCount; i++) hubs.push(await spawnHub(env))
    const drive = (seconds: number) =>
      Promise.all(
        hubs.map((h) =>
          load({
            url: `${h.url}/webhooks/demo-web/orders`,
            connections: Math.max(1, Math.round(CONNECTIONS / hubCount)),
            durationSec: seconds,
            body: order,
          }),
        ),
      )
    await drive(2)
    const results: LoadResult[] = await drive(DURATION)
    return {
      rps: Math.round(results.reduce((s, r) => s + r.rps, 0)),
      p99: Math.max(...results.map((r) => r.p99Ms)),
      errors: results.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0),
    }
  } finally {
    for (const h of hubs) await h.stop()
    rmSync(dir, { recursive: true, force: true })
    await db.drop()
  }
}

export async function benchScale(): Promise<Record<string, unknown>> {
  const sink = await startScript('./sink-server.ts')
  try {
    const out: Record<string, { rps: number; p99: number; errors: number }> = {}
    for (const n of [1, 2, 3]) {
      out[n] = await step(n, `http://127.0.0.1:${sink.port}`)
      process.stdout.write(
        `${n} hub(s) on PostgreSQL: ${out[n]!.rps} orders/s, p99 ${out[n]!.p99} ms, errors ${out[n]!.errors}\n`,
      )
    }
    return {
      name: 'scale',
      pg1: out[1]!.rps,
      pg2: out[2]!.rps,
      pg3: out[3]!.rps,
      p99Ms: { pg1: out[1]!.p99, pg2: out[2]!.p99, pg3: out[3]!.p99 },
      errors: out[1]!.errors + out[2]!.errors + out[3]!.errors,
      connections: CONNECTIONS,
      durationSec: DURATION,
    }
  } finally {
    await sink.stop()
  }
}
