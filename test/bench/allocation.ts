import { createTestDb, type DbKind } from '../support/databases'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { apiClient, hubEnv, writeConfig } from '../support/test-hub'
import { seedWorld } from '../support/world'
import { type LoadResult, load } from './load'

/**
 * `pnpm bench allocation`: allocations per second on one hot sku, 50 concurrent clients, on SQLite
 * and on PostgreSQL with one and with two hub processes (clients split evenly, round-robin).
 * Every order is one unit of the same sku from one location, so each allocation contends for the
 * same stock row. After the run the ledger is checked: allocated never exceeds on hand.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)

let seq = 0
const run = Date.now().toString(36)
const order = () => ({
  body: JSON.stringify({
    channel: 'web',
    order: {
      externalId: `HOT-${run}-${++seq}`,
      currency: 'NZD',
      shipTo: { line1: '1 Hot Lane', city: 'Auckland', country: 'NZ', lat: -36.85, lon: 174.76 },
      lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: '10.00' }],
    },
  }),
  headers: {} as Record<string, string>,
})

async function step(
  kind: DbKind,
  hubCount: number,
): Promise<{ perSec: number; p99: number; errors: number; oversold: number }> {
  const db = await createTestDb(kind)
  const config = writeConfig([
    { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'S' } } },
  ])
  const env = hubEnv(db, config.path, {
    S: 'bench-alloc',
    LOG_LEVEL: 'warn',
    SWITCHYARD_RATE_LIMIT_KEY: 'off',
  })
  const hubs: HubProcess[] = []
  try {
    hubs.push(...(await Promise.all(Array.from({ length: hubCount }, () => spawnHub(env)))))
    const key = hubs.find((h) => h.bootstrapKey)!.bootstrapKey!
    const api = apiClient(hubs[0]!.url, key)
    // Only Auckland holds the sku: every allocation takes the same row.
    await seedWorld(api, { stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 10_000_000 }] })
    const drive = (seconds: number) =>
      Promise.all(
        hubs.map((h) =>
          load({
            url: `${h.url}/api/v1/orders`,
            connections: Math.max(1, Math.round(CONNECTIONS / hubCount)),
            durationSec: seconds,
            body: () => {
              const o = order()
              return { body: o.body, headers: { authorization: `Bearer ${key}` } }
            },
          }),
        ),
      )
    await drive(2)
    const results: LoadResult[] = await drive(DURATION)
    const level = (await api('/api/v1/inventory?sku=SKU-A')).body.items[0] as {
      onHand: number
      allocated: number
    }
    return {
      perSec: Math.round(results.reduce((s, r) => s + r.rps, 0)),
      p99: Math.max(...results.map((r) => r.p99Ms)),
      errors: results.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0),
      oversold: Math.max(0, level.allocated - level.onHand),
    }
  } finally {
    for (const h of hubs) await h.stop()
    config.cleanup()
    await db.drop()
  }
}

export async function benchAllocation(): Promise<Record<string, unknown>> {
  const sqlite = await step('sqlite', 1)
  process.stdout.write(
    `SQLite, 1 hub: ${sqlite.perSec} allocations/s, p99 ${sqlite.p99} ms, errors ${sqlite.errors}\n`,
  )
  const pg1 = await step('postgresql', 1)
  process.stdout.write(
    `PostgreSQL, 1 hub: ${pg1.perSec} allocations/s, p99 ${pg1.p99} ms, errors ${pg1.errors}\n`,
  )
  const pg2 = await step('postgresql', 2)
  process.stdout.write(
    `PostgreSQL, 2 hubs: ${pg2.perSec} allocations/s, p99 ${pg2.p99} ms, errors ${pg2.errors}\n`,
  )
  return {
    name: 'allocation',
    sqlitePerSec: sqlite.perSec,
    pgOneNodePerSec: pg1.perSec,
    pgTwoNodesPerSec: pg2.perSec,
    oversold: sqlite.oversold + pg1.oversold + pg2.oversold,
    p99Ms: { sqlite: sqlite.p99, pg1: pg1.p99, pg2: pg2.p99 },
    errors: sqlite.errors + pg1.errors + pg2.errors,
    twoNodesVsOne: Number((pg2.perSec / Math.max(1, pg1.perSec)).toFixed(2)),
  }
}
