import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqlDb, resolveDatabaseSettings } from '@switchyard/core'
import { insertRows } from '../../core/src/db/sql/insert-rows'
import type { SqlParam, SqlRunner } from '../../core/src/db/sql/sql-db'
import { createTestDb, type DbKind } from '../support/databases'
import { spawnHub } from '../support/hub-process'

/**
 * `pnpm bench orders`: the orders list on 1,000,000 orders (issue 15). Seeds the orders with
 * their lines, allocations, fulfilments, customers, returns and replayed intake exceptions by
 * direct SQL (a year of trade over three channels and the demo's four locations: old orders
 * mostly shipped, the last ten days' open), starts a real hub on the database and times the
 * first page of each filter and of the search through the HTTP API: p95 over REQUESTS requests per
 * filter, cycling through a few values each. SQLite and PostgreSQL; the PostgreSQL schema is
 * dropped afterwards. BENCH_ORDERS changes the volume.
 */
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 24)
const CUSTOMERS = Math.max(100, Math.round(ORDERS / 5))
const SKUS = 2000
const DAY = 86_400_000
const NOW = Date.now()
const START = NOW - 365 * DAY
const CHANNELS = ['web', 'market', 'edi'] as const
const LOCATIONS = ['akl-dc', 'wlg-store', 'chc-3pl', 'syd-dc'] as const
const FIRST = [
  'Aroha',
  'Ben',
  'Chloe',
  'Daniel',
  'Emma',
  'Finn',
  'Grace',
  'Hemi',
  'Isla',
  'Jack',
  'Kiri',
  'Liam',
]
// 1,000 surnames from syllables: 12,000 names over the customers, a few dozen people each.
const SYLLABLES = [
  ['Ka', 'Mo', 'Ta', 'Wi', 'Ro', 'Pe', 'Ha', 'Ne', 'Li', 'Sa'],
  ['ra', 'ne', 'ki', 'to', 'ma', 'le', 'su', 'wa', 'di', 'po'],
  ['son', 'ley', 'ford', 'wood', 'ton', 'ham', 'field', 'well', 'by', 'man'],
] as const
const HOLDS = ['Fraud score above 80', 'Address needs review: PO box', 'Contract price differs by 12 %']

/** Deterministic spread of n over [0, m): the same world every run. */
const mix = (n: number, m: number) => Math.abs((Math.imul(n, 2654435761) >>> 0) ^ (n >>> 3)) % m
const uuid = (kind: number, n: number) =>
  `00000000-${kind.toString(16).padStart(4, '0')}-7000-8000-${n.toString(16).padStart(12, '0')}`
const sku = (k: number) => `SKU-${String(k).padStart(5, '0')}`
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const customerName = (c: number) => {
  const s = Math.floor(c / FIRST.length)
  const [a, b, z] = SYLLABLES
  return `${FIRST[c % FIRST.length]} ${a[s % 10]}${b[Math.floor(s / 10) % 10]}${z[Math.floor(s / 100) % 10]}`
}
const customerEmail = (c: number) => `customer${c}@example.nz`

interface Status {
  status: string
  promised: boolean
  held: boolean
}

/** Old orders are mostly shipped; a few stayed open past their promise (the late ones). */
function statusOf(n: number, placedAt: number): Status {
  const r = mix(n, 1000)
  const pick = (status: string) => ({
    status,
    promised: !['held', 'backordered'].includes(status),
    held: status === 'held',
  })
  if (NOW - placedAt > 10 * DAY) {
    if (r < 940) return pick('shipped')
    if (r < 990) return pick('cancelled')
    if (r < 993) return pick('partially_shipped')
    if (r < 996) return pick('backordered')
    if (r < 998) return pick('held')
    return pick('released')
  }
  if (r < 400) return pick('shipped')
  if (r < 800) return pick('released')
  if (r < 850) return pick('allocated')
  if (r < 900) return pick('held')
  if (r < 950) return pick('backordered')
  if (r < 980) return pick('partially_shipped')
  return pick('cancelled')
}

async function seed(db: SqlRunner & { transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> }) {
  const t0 = Date.now()
  const now = Date.now()
  await db.transaction(async (tx) => {
    const products: SqlParam[][] = []
    for (let k = 0; k < SKUS; k++) products.push([sku(k), `Product ${k}`, 500, 0, 0, '{}', now, now])
    await insertRows(
      tx,
      'product',
      ['sku', 'name', 'weight_grams', 'hazmat', 'high_value', 'attributes', 'created_at', 'updated_at'],
      products,
    )
    const levels: SqlParam[][] = []
    for (let k = 0; k < SKUS; k++) for (const l of LOCATIONS) levels.push([sku(k), l, 1_000_000, now])
    await insertRows(tx, 'inventory_level', ['sku', 'location_id', 'on_hand', 'updated_at'], levels)
    const customers: SqlParam[][] = []
    const identities: SqlParam[][] = []
    for (let c = 0; c < CUSTOMERS; c++) {
      customers.push([uuid(1, c), customerEmail(c), customerName(c), now, now])
      identities.push([customerEmail(c), 'email', '', uuid(1, c), now])
    }
    await insertRows(tx, 'customer', ['id', 'email', 'name', 'created_at', 'updated_at'], customers)
    await insertRows(
      tx,
      'customer_identity',
      ['value', 'kind', 'channel_instance_id', 'customer_id', 'created_at'],
      identities,
    )
  })
  const BATCH = 10_000
  let line = 0
  for (let from = 0; from < ORDERS; from += BATCH) {
    const orders: SqlParam[][] = []
    const lines: SqlParam[][] = []
    const allocations: SqlParam[][] = []
    const fulfilments: SqlParam[][] = []
    const returns: SqlParam[][] = []
    const exceptions: SqlParam[][] = []
    for (let n = from; n < Math.min(ORDERS, from + BATCH); n++) {
      const id = uuid(2, n)
      const placedAt = START + Math.floor((n * (NOW - START - 3_600_000)) / ORDERS)
      const s = statusOf(n, placedAt)
      const channel = CHANNELS[mix(n, 10) < 6 ? 0 : mix(n, 10) < 9 ? 1 : 2]!
      const c = mix(n + 17, CUSTOMERS)
      const location = LOCATIONS[mix(n + 5, 7) % 4]!
      const shipped = s.status === 'shipped'
      const updatedAt = placedAt + (shipped ? 2 * DAY : 3_600_000)
      orders.push([
        id,
        channel,
        `${channel.toUpperCase()}-${n}`,
        `#${100000 + n}`,
        s.status,
        'NZD',
        uuid(1, c),
        customerEmail(c),
        JSON.stringify({ name: customerName(c), line1: '1 Main Street', city: 'Wellington', country: 'NZ' }),
        'standard',
        4990,
        '[]',
        s.held ? HOLDS[n % HOLDS.length]! : null,
        s.promised ? day(placedAt + 3 * DAY) : null,
        placedAt,
        placedAt + 1000,
        updatedAt,
      ])
      const lineCount = 1 + mix(n + 3, 3)
      const fulfilmentId = uuid(4, n)
      const allocated = !s.held && s.status !== 'backordered' && s.status !== 'cancelled'
      const fulfilmentStatus = shipped
        ? 'shipped'
        : s.status === 'released' && n % 97 === 0
          ? 'cancelling'
          : 'requested'
      if (allocated) fulfilments.push([fulfilmentId, id, location, fulfilmentStatus, placedAt, updatedAt])
      for (let i = 0; i < lineCount; i++) {
        const lineId = uuid(3, line)
        const k = mix(n * 3 + i, SKUS)
        lines.push([
          lineId,
          id,
          i + 1,
          sku(k),
          1,
          1990,
          allocated ? 1 : 0,
          s.status === 'backordered' ? 1 : 0,
          shipped ? 1 : 0,
          s.status === 'cancelled' ? 1 : 0,
        ])
        if (allocated)
          allocations.push([
            uuid(5, line),
            id,
            lineId,
            sku(k),
            location,
            1,
            shipped ? 'shipped' : 'allocated',
            fulfilmentId,
            placedAt,
            updatedAt,
          ])
        line++
      }
      if (shipped && n % 50 === 0)
        returns.push([
          uuid(6, n),
          id,
          `RMA-${n}`,
          n % 200 === 0 ? 'authorised' : 'received',
          location,
          '{}',
          'bench',
          updatedAt,
          updatedAt,
        ])
      if (n % 2000 === 1)
        exceptions.push([
          uuid(7, n),
          channel,
          `${channel.toUpperCase()}-${n}`,
          'replayed',
          'webhook',
          'payload',
          'utf8',
          '[]',
          placedAt,
          placedAt,
          id,
          placedAt,
          placedAt,
        ])
    }
    await db.transaction(async (tx) => {
      await insertRows(
        tx,
        'orders',
        [
          'id',
          'channel_instance_id',
          'external_order_id',
          'order_number',
          'status',
          'currency',
          'customer_id',
          'email',
          'ship_to',
          'service_level',
          'total_minor',
          'tags',
          'hold_reason',
          'promise_date',
          'placed_at',
          'received_at',
          'updated_at',
        ],
        orders,
      )
      await insertRows(
        tx,
        'order_line',
        [
          'id',
          'order_id',
          'line_no',
          'sku',
          'quantity',
          'unit_price_minor',
          'allocated_qty',
          'backordered_qty',
          'shipped_qty',
          'cancelled_qty',
        ],
        lines,
      )
      await insertRows(
        tx,
        'fulfilment',
        ['id', 'order_id', 'location_id', 'status', 'created_at', 'updated_at'],
        fulfilments,
      )
      await insertRows(
        tx,
        'allocation',
        [
          'id',
          'order_id',
          'line_id',
          'sku',
          'location_id',
          'quantity',
          'status',
          'fulfilment_id',
          'created_at',
          'updated_at',
        ],
        allocations,
      )
      await insertRows(
        tx,
        'return_request',
        [
          'id',
          'order_id',
          'rma_number',
          'status',
          'location_id',
          'decision',
          'actor',
          'created_at',
          'updated_at',
        ],
        returns,
      )
      await insertRows(
        tx,
        'intake_exception',
        [
          'id',
          'channel_instance_id',
          'external_order_id',
          'status',
          'source',
          'payload',
          'payload_encoding',
          'reasons',
          'first_seen_at',
          'last_seen_at',
          'order_id',
          'replayed_at',
          'updated_at',
        ],
        exceptions,
      )
    })
    if ((from / BATCH) % 20 === 0)
      process.stdout.write(`  seeded ${from + BATCH} orders (${Math.round((Date.now() - t0) / 1000)} s)\n`)
  }
  return Date.now() - t0
}

/** Each filter with a few values; the request cycles through them. */
function filters(): Record<string, string[]> {
  const recent = (days: number) => new Date(NOW - days * DAY).toISOString()
  const some = (f: (i: number) => string, count = 4) => Array.from({ length: count }, (_, i) => f(i))
  return {
    none: [''],
    channel: ['channel=web', 'channel=market', 'channel=edi', 'channel=market,edi'],
    status: ['status=held', 'status=backordered', 'status=partially_shipped', 'status=released,allocated'],
    location: LOCATIONS.map((l) => `location=${l}`),
    placed: some((i) => `placedFrom=${recent(30 * (i + 1))}&placedTo=${recent(30 * i + 20)}`),
    updatedSince: [1, 3, 7].map((d) => `updatedSince=${recent(d)}`),
    promiseBefore: some((i) => `promiseBefore=${day(NOW - (i * 60 + 5) * DAY)}`),
    late: ['late=true', 'late=true&sort=promise', 'late=true&sort=-promise'],
    holdReason: ['holdReason=fraud', 'holdReason=po%20box', 'holdReason=contract'],
    hasExceptions: ['hasExceptions=true'],
    cancelRequested: ['cancelRequested=true'],
    returnsOpen: ['returnsOpen=true'],
    sortPromise: ['sort=promise', 'sort=-promise'],
    channelStatus: ['channel=web&status=held', 'channel=edi&status=backordered&sort=promise'],
    qOrderNumber: some((i) => `q=${encodeURIComponent(`#${100000 + mix(i, ORDERS)}`)}`),
    qExternalId: some((i) => `q=WEB-${mix(i + 9, ORDERS)}`),
    qEmail: some((i) => `q=customer${mix(i + 1, CUSTOMERS)}%40example.nz`),
    // A whole name, a name less its last letters, and a first name with a surname's first letters.
    qName: [
      `q=${encodeURIComponent(customerName(mix(1, CUSTOMERS)))}`,
      `q=${encodeURIComponent(customerName(mix(2, CUSTOMERS)).slice(0, -2).toLowerCase())}`,
      'q=grace%20tara',
      'q=Kiri%20Mo',
    ],
    qSku: some((i) => `q=${sku(mix(i, SKUS))}`),
  }
}

async function timeFilters(url: string, key: string) {
  const out: Record<string, { p95Ms: number; maxMs: number }> = {}
  for (const [name, values] of Object.entries(filters())) {
    const times: number[] = []
    for (let i = 0; i < REQUESTS + 2; i++) {
      const query = values[i % values.length]!
      const started = performance.now()
      const res = await fetch(`${url}/api/v1/orders?limit=50${query ? `&${query}` : ''}`, {
        headers: { authorization: `Bearer ${key}` },
      })
      const body = await res.text()
      if (res.status !== 200) throw new Error(`${name} (${query}): ${res.status} ${body}`)
      if (i >= 2) times.push(performance.now() - started) // the first two warm the statement cache
    }
    times.sort((a, b) => a - b)
    out[name] = {
      p95Ms: Math.round(times[Math.ceil(times.length * 0.95) - 1]! * 10) / 10,
      maxMs: Math.round(times[times.length - 1]! * 10) / 10,
    }
    process.stdout.write(`  ${name}: p95 ${out[name]!.p95Ms} ms\n`)
  }
  const countTimes: number[] = []
  for (let i = 0; i < 10; i++) {
    const started = performance.now()
    const res = await fetch(`${url}/api/v1/orders/counts${i % 2 ? '?channel=web' : ''}`, {
      headers: { authorization: `Bearer ${key}` },
    })
    await res.text()
    countTimes.push(performance.now() - started)
  }
  countTimes.sort((a, b) => a - b)
  return { filters: out, countsP95Ms: Math.round(countTimes[countTimes.length - 1]!) }
}

async function onDatabase(kind: DbKind) {
  const db = await createTestDb(kind)
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-orders-bench-'))
  const config = join(dir, 'switchyard.config.json')
  writeFileSync(
    config,
    JSON.stringify({
      plugins: CHANNELS.map((id) => ({
        id,
        use: '@switchyard/rest-channel',
        config: { secret: { $env: 'BENCH_SECRET' } },
      })),
    }),
  )
  const env = {
    ...db.env,
    PORT: '0',
    SWITCHYARD_CONFIG: config,
    SWITCHYARD_DEMO: '1',
    SWITCHYARD_DEMO_PLUGINS: '0',
    LOG_LEVEL: 'warn',
    BENCH_SECRET: 'bench-orders',
  }
  try {
    // The first start migrates, seeds the demo world (its locations) and prints the admin key.
    const first = await spawnHub(env)
    const key = first.bootstrapKey!
    await first.stop()
    const sql = openSqlDb(resolveDatabaseSettings({ ...process.env, ...db.env }))
    let seedMs: number
    try {
      seedMs = await seed(sql)
      // PostgreSQL: what autovacuum does after a bulk insert in its own time (statistics for the
      // planner, the visibility map for index-only scans), done now. SQLite is measured as the hub
      // runs it, without ANALYZE.
      if (kind === 'postgresql') await sql.run('vacuum analyze')
    } finally {
      await sql.close()
    }
    process.stdout.write(`${kind}: seeded ${ORDERS} orders in ${Math.round(seedMs / 1000)} s\n`)
    const hub = await spawnHub(env, { timeoutMs: 120_000 })
    try {
      const timed = await timeFilters(hub.url, key)
      const worst = Object.entries(timed.filters).sort((a, b) => b[1].p95Ms - a[1].p95Ms)[0]!
      return {
        p95Ms: worst[1].p95Ms,
        worstFilter: worst[0],
        seedSec: Math.round(seedMs / 1000),
        countsMaxMs: timed.countsP95Ms,
        filters: Object.fromEntries(Object.entries(timed.filters).map(([k, v]) => [k, v.p95Ms])),
      }
    } finally {
      await hub.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    // BENCH_KEEP=1 leaves the seeded database for a look at the query plans.
    if (process.env.BENCH_KEEP) process.stdout.write(`kept: ${JSON.stringify(db.env)}\n`)
    else await db.drop()
  }
}

export async function benchOrders(): Promise<Record<string, unknown>> {
  const only = process.env.BENCH_DB as DbKind | undefined
  const result: Record<string, unknown> = { name: 'orders', orders: ORDERS }
  for (const kind of ['sqlite', 'postgresql'] as const) {
    if (only && only !== kind) continue
    result[kind === 'postgresql' ? 'postgres' : 'sqlite'] = await onDatabase(kind)
  }
  return result
}
