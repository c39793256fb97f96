import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqlDb, resolveDatabaseSettings } from '@switchyard/core'
import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { spawnHub } from '../support/hub-process'
import { liftLimits } from './lift-limits'
import { type LoadResult, load } from './load'
import { startScript } from './processes'

/**
 * `pnpm bench intake`: signed rest-channel orders of 1–3 lines against a hub on SQLite with the demo
 * world, beside a bare Hono JSON echo measured in the same run. The hub runs with its outbox
 * workers on, delivering every fulfilment request and status update to a sink peer.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const SECRET = 'bench-channel-secret'

const SKUS = [
  'TEE-MER-BLK-M',
  'TEE-MER-BLK-L',
  'TEE-MER-NAV-M',
  'HOOD-ORG-GRY-L',
  'JKT-RAIN-RED-M',
  'SOCK-HIKE-3PK',
  'BEANIE-POSS',
  'PACK-DAY-25L',
  'BOTTLE-STEEL-1L',
  'MUG-ENAMEL',
  'HONEY-UMF15',
  'COFFEE-BEANS-1K',
  'TEA-KAWAKAWA',
  'MAP-TOPO-SET',
]
const PLACES = [
  { city: 'Auckland', postcode: '1010', lat: -36.8485, lon: 174.7633 },
  { city: 'Hamilton', postcode: '3204', lat: -37.787, lon: 175.2793 },
  { city: 'Wellington', postcode: '6011', lat: -41.2865, lon: 174.7762 },
  { city: 'Christchurch', postcode: '8011', lat: -43.5321, lon: 172.6362 },
  { city: 'Dunedin', postcode: '9016', lat: -45.8788, lon: 170.5028 },
]

let seq = 0
const run = `${Date.now().toString(36)}`
function order(): { body: string; headers: Record<string, string> } {
  const n = 1 + (seq % 3)
  const place = PLACES[seq % PLACES.length]!
  const lines = Array.from({ length: n }, (_, i) => ({
    externalLineId: `${i + 1}`,
    sku: SKUS[(seq * 7 + i * 3) % SKUS.length]!,
    quantity: 1 + ((seq + i) % 3),
    unitPrice: '24.90',
  }))
  const body = JSON.stringify({
    externalId: `BENCH-${run}-${++seq}`,
    currency: 'NZD',
    customer: { email: `buyer${seq % 5000}@example.nz`, name: 'Bench Buyer' },
    shipTo: { name: 'Bench Buyer', line1: '1 Main Street', country: 'NZ', ...place },
    lines,
  })
  return { body, headers: { [SIGNATURE_HEADER]: signTimestamped(SECRET, body) } }
}

/** Outbox messages by status when the load stopped: shows whether delivery kept up with intake. */
const backlog: Record<string, Record<string, number>> = {}

async function measureHub(sync: 'normal' | 'full', sinkUrl: string): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-'))
  const config = join(dir, 'switchyard.config.json')
  writeFileSync(
    config,
    JSON.stringify({
      plugins: [
        {
          id: 'demo-web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'BENCH_SECRET' }, callbackUrl: `${sinkUrl}/callback` },
        },
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
  const hub = await spawnHub(
    {
      PORT: '0',
      SWITCHYARD_DATA_DIR: dir,
      SWITCHYARD_CONFIG: config,
      SWITCHYARD_DEMO: '1',
      SWITCHYARD_SQLITE_SYNC: sync,
      BENCH_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      SWITCHYARD_WORKERS: process.env.BENCH_WORKERS ?? '1',
    },
    { nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) },
  )
  try {
    // Plenty of stock and no daily capacity, so every order allocates and releases: the full path.
    await liftLimits(hub.url, hub.bootstrapKey!)
    const url = `${hub.url}/webhooks/demo-web/orders`
    await load({ url, connections: CONNECTIONS, durationSec: 2, body: order }) // warm-up
    const result = await load({ url, connections: CONNECTIONS, durationSec: DURATION, body: order })
    await hub.stop()
    const db = openSqlDb(resolveDatabaseSettings({ SWITCHYARD_DATA_DIR: dir }))
    const rows = await db.all<{ status: string; n: number }>(
      'select status, count(*) as n from outbox_message group by status',
    )
    await db.close()
    backlog[sync] = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
    return result
  } finally {
    await hub.stop()
    // BENCH_KEEP_DB=1 leaves the database for a look at what intake wrote (sqlite3 dbstat).
    if (process.env.BENCH_KEEP_DB) process.stderr.write(`kept ${sync} database in ${dir}\n`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchIntake(): Promise<Record<string, unknown>> {
  const sink = await startScript('./sink-server.ts')
  const echo = await startScript('./echo-server.ts')
  try {
    const echoUrl = `http://127.0.0.1:${echo.port}/echo`
    const sample = () => ({ body: order().body, headers: {} })
    await load({ url: echoUrl, connections: CONNECTIONS, durationSec: 2, body: sample })
    const echoResult = await load({
      url: echoUrl,
      connections: CONNECTIONS,
      durationSec: DURATION,
      body: sample,
    })
    await echo.stop()
    const normal = await measureHub('normal', `http://127.0.0.1:${sink.port}`)
    const full = await measureHub('full', `http://127.0.0.1:${sink.port}`)
    const row = (name: string, r: LoadResult) =>
      `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(8)}/s  p50 ${String(r.p50Ms).padStart(4)} ms  p99 ${String(r.p99Ms).padStart(4)} ms  2xx ${r.ok}  non-2xx ${r.non2xx}  errors ${r.errors + r.timeouts}`
    process.stdout.write(
      `${row('hono echo', echoResult)}\n${row('intake (synchronous=NORMAL)', normal)}\n${row('intake (synchronous=FULL)', full)}\n`,
    )
    return {
      name: 'intake',
      ordersPerSec: Math.round(normal.rps),
      p99Ms: normal.p99Ms,
      echoRps: Math.round(echoResult.rps),
      ratio: Number((normal.rps / echoResult.rps).toFixed(3)),
      errors: normal.non2xx + normal.errors + normal.timeouts,
      fullSync: {
        ordersPerSec: Math.round(full.rps),
        p99Ms: full.p99Ms,
        ratio: Number((full.rps / echoResult.rps).toFixed(3)),
        errors: full.non2xx + full.errors + full.timeouts,
      },
      outboxAtEnd: backlog,
      connections: CONNECTIONS,
      durationSec: DURATION,
    }
  } finally {
    await sink.stop()
    if (echo.child.exitCode === null) await echo.stop()
  }
}
