import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDb, type DbKind, type TestDb } from '../support/databases'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { type LoadResult, load } from './load'
import { type OrderMix, seedMix } from './order-mix'
import { startScript } from './processes'

export const BENCH_SECRET = 'bench-channel-secret'
/** Outbox workers in every hub unless BENCH_WORKERS=0 (what SWITCHYARD_WORKERS reads). */
export const WORKERS = process.env.BENCH_WORKERS ?? '1'
/**
 * Seconds of load before anything is measured (BENCH_WARMUP, 15). A fresh hub spends its first
 * ten or so seconds under load compiling: perf showed V8's compiler threads at 39 % of a hub's CPU
 * 8-13 s after start and 9 % (the garbage collector alone) after 40 s. Each hub process and each
 * delivery thread compiles for itself, so with 2 s, `bench scale` measured two and three hubs'
 * start-up on two cores (two hubs 0.47 of one; 0.88 after 15 s, same run of the code).
 */
export const WARMUP_SEC = Number(process.env.BENCH_WARMUP ?? 15)
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean)

export interface BenchHubs {
  hubs: HubProcess[]
  key: string
  db: TestDb
  /** The orders webhook of hub `i`. */
  webhook(i: number): string
  stop(): Promise<void>
}

/**
 * `count` hub processes on one fresh database (SQLite: one hub only), the rest-channel taking the
 * mix's signed orders and the rest-wms delivering fulfilment requests (and the channel its status
 * updates) to `sinkUrl`; the mix's catalogue seeded. Every intake benchmark starts its hubs here,
 * so they differ only in what they measure.
 */
export async function startBenchHubs(
  kind: DbKind,
  count: number,
  sinkUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<BenchHubs> {
  const db = await createTestDb(kind)
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
  const env = {
    ...db.env,
    PORT: '0',
    SWITCHYARD_CONFIG: config,
    SWITCHYARD_DEMO: '1',
    // The demo's catalogue, locations and rules only: its own channels would add work to measure.
    SWITCHYARD_DEMO_PLUGINS: '0',
    BENCH_SECRET,
    LOG_LEVEL: 'warn',
    SWITCHYARD_WORKERS: WORKERS,
    SWITCHYARD_RATE_LIMIT_WEBHOOK: 'off',
    SWITCHYARD_RATE_LIMIT_KEY: 'off',
    ...extraEnv,
  }
  const hubs: HubProcess[] = []
  const stop = async () => {
    for (const h of hubs) await h.stop()
    // BENCH_KEEP_DB=1 leaves the database for a look at what intake wrote.
    if (process.env.BENCH_KEEP_DB) process.stderr.write(`kept the database: ${JSON.stringify(db.env)}\n`)
    else await db.drop()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    // The first hub migrates and seeds the demo world; the others join the seeded database.
    hubs.push(await spawnHub(env, { nodeArgs: NODE_ARGS, timeoutMs: 120_000 }))
    const key = hubs[0]!.bootstrapKey!
    await seedMix(hubs[0]!.url, key)
    for (let i = 1; i < count; i++)
      hubs.push(await spawnHub(env, { nodeArgs: NODE_ARGS, timeoutMs: 120_000 }))
    return { hubs, key, db, webhook: (i) => `${hubs[i]!.url}/webhooks/demo-web/orders`, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** The sink peer (WMS and storefront stand-in) every intake benchmark delivers to. */
export const startSink = () => startScript('./sink-server.ts')

/**
 * The baseline: a bare Hono JSON echo taking the same bodies with the same connections, measured
 * in the same run as the hub it is compared with.
 */
export async function measureEcho(
  mix: OrderMix,
  connections: number,
  durationSec: number,
): Promise<LoadResult> {
  const echo = await startScript('./echo-server.ts')
  try {
    const url = `http://127.0.0.1:${echo.port}/echo`
    const body = () => ({ body: mix.next().body, headers: {} })
    await load({ url, connections, durationSec: WARMUP_SEC, body })
    return await load({ url, connections, durationSec, body })
  } finally {
    await echo.stop()
  }
}

/** Outbox messages by status, read from the hub's /metrics (pending and in flight: the backlog). */
export async function outboxBacklog(
  hubUrl: string,
): Promise<{ pending: number; inFlight: number; dead: number }> {
  const text = await (await fetch(`${hubUrl}/metrics`)).text()
  const get = (status: string) =>
    Number(new RegExp(`switchyard_outbox_messages\\{status="${status}"\\} (\\d+)`).exec(text)?.[1] ?? 0)
  return { pending: get('pending'), inFlight: get('in_flight'), dead: get('dead') }
}
