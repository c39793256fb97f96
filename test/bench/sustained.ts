import autocannon from 'autocannon'
import type { DbKind } from '../support/databases'
import {
  BENCH_SECRET,
  type BenchHubs,
  measureEcho,
  outboxBacklog,
  startBenchHubs,
  startSink,
  WARMUP_SEC,
  WORKERS,
} from './bench-hub'
import { type OrderMix, orderMix, restockHot } from './order-mix'

/**
 * `pnpm bench sustained`: the highest constant offered rate of the shared order mix whose outbox
 * backlog (fulfilment requests and status updates waiting for the sink peer) stays bounded while it
 * is held, on SQLite and on PostgreSQL with one and with two hubs; a Hono echo measured in the same
 * run is the yardstick. End to end: an order counts once it is acknowledged *and* what it sends
 * the warehouse is delivered, not just taken in.
 *
 * A rate holds when, over `HOLD` seconds at that rate (autocannon's overall rate, split over the
 * hubs): every request is answered 2xx, at least 95 % of the offered rate is taken, and the
 * backlog (sampled every second from /metrics) in the last third of the hold is no larger than
 * 1.25 × the largest of the middle third, or than the messages of two seconds' worth of orders. The search starts
 * at BENCH_SUSTAIN_START (300/s), raises the rate by a quarter while it holds, then halves the gap
 * between the last rate that held and the first that did not, twice. Before each try the backlog
 * is left to drain (up to BENCH_DRAIN_CAP_SEC, 300 s; what is left is printed with the try).
 *
 * BENCH_SUSTAIN_SHORT=1 is a quick check: 15 s holds, steps of a half, no halving; its numbers are
 * not the benchmark's. BENCH_SUSTAIN_SEC sets the hold (60 s unless short).
 */
const SHORT = process.env.BENCH_SUSTAIN_SHORT === '1'
const HOLD = Number(process.env.BENCH_SUSTAIN_SEC ?? (SHORT ? 15 : 60))
const START = Number(process.env.BENCH_SUSTAIN_START ?? 300)
const STEP = SHORT ? 1.5 : 1.25
const HALVINGS = SHORT ? 0 : 2
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)
const DRAIN_CAP_SEC = Number(process.env.BENCH_DRAIN_CAP_SEC ?? 300)
/**
 * The backlog counts messages, the rate orders: each order of the mix sends at least a
 * fulfilment request and a status update. Until 2026-12-07 the bound compared messages with
 * orders, one second's worth instead of two, and a backlog of about a thousand messages (a round
 * or two in flight) failed rates of 375/s.
 */
const MESSAGES_PER_ORDER = 2

interface Try {
  offered: number
  taken: number
  held: boolean
  why: string
  backlogEnd: number
  backlogMax: number
  p99Ms: number
}

/** Drives each hub at its part of `rate` for `seconds`, sampling the backlog every second. */
async function hold(bench: BenchHubs, mixes: OrderMix[], rate: number, seconds: number): Promise<Try> {
  const samples: number[] = []
  const sampler = setInterval(() => {
    outboxBacklog(bench.hubs[0]!.url)
      .then((b) => samples.push(b.pending + b.inFlight))
      .catch(() => {})
  }, 1_000)
  const per = rate / bench.hubs.length
  let results: autocannon.Result[]
  try {
    results = await Promise.all(
      bench.hubs.map((_, i) =>
        autocannon({
          url: bench.webhook(i),
          connections: Math.max(1, Math.round(CONNECTIONS / bench.hubs.length)),
          duration: seconds,
          overallRate: per,
          method: 'POST',
          requests: [
            {
              setupRequest: ((req: Record<string, unknown>) => {
                const { body, headers } = mixes[i]!.next()
                return {
                  ...req,
                  method: 'POST',
                  body,
                  headers: { 'content-type': 'application/json', ...headers },
                }
              }) as unknown as (request: autocannon.Request, context: object) => autocannon.Request,
            },
          ],
        }),
      ),
    )
  } finally {
    clearInterval(sampler)
  }
  const taken = results.reduce((s, r) => s + r['2xx'] / seconds, 0)
  const failed = results.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0)
  const third = Math.max(1, Math.floor(samples.length / 3))
  const middle = Math.max(0, ...samples.slice(third, 2 * third))
  const late = Math.max(0, ...samples.slice(2 * third))
  const backlogEnd = samples[samples.length - 1] ?? 0
  const base = {
    offered: Math.round(rate),
    taken: Math.round(taken),
    backlogEnd,
    backlogMax: Math.max(0, ...samples),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
  }
  if (failed > 0) return { ...base, held: false, why: `${failed} requests failed` }
  if (taken < 0.95 * rate)
    return { ...base, held: false, why: `took ${Math.round(taken)}/s of ${Math.round(rate)}/s` }
  if (late > Math.max(1.25 * middle, 2 * rate * MESSAGES_PER_ORDER))
    return { ...base, held: false, why: `backlog grew: ${middle} → ${late}` }
  return { ...base, held: true, why: 'bounded' }
}

/**
 * Waits for the outbox to drain, so a try does not inherit the last one's backlog: an inherited
 * backlog both slows the try (deliveries compete with intake) and hides growth from the bounded
 * check (a large start makes the last third look like the middle one). Gives up after DRAIN_CAP_SEC
 * and returns what was left, which the try then reports.
 */
async function drained(bench: BenchHubs): Promise<number> {
  const until = Date.now() + DRAIN_CAP_SEC * 1_000
  for (;;) {
    const b = await outboxBacklog(bench.hubs[0]!.url)
    const left = b.pending + b.inFlight
    if (left < 50 || Date.now() >= until) return left
    await new Promise((r) => setTimeout(r, 1_000))
  }
}

async function search(
  kind: DbKind,
  hubCount: number,
  sinkUrl: string,
): Promise<{ ordersPerSec: number; tries: Try[] }> {
  const bench = await startBenchHubs(kind, hubCount, sinkUrl)
  const label = `${kind}${hubCount > 1 ? ` × ${hubCount} hubs` : ''}`
  try {
    const mixes = bench.hubs.map((_, i) => orderMix(BENCH_SECRET, `SUST-${kind}-${hubCount}-${i}`, 2_000 + i))
    const tries: Try[] = []
    const attempt = async (rate: number) => {
      const inherited = await drained(bench)
      await restockHot(bench.hubs[0]!.url, bench.key)
      const t = await hold(bench, mixes, rate, HOLD)
      tries.push(t)
      process.stdout.write(
        `${label}: ${t.offered}/s offered, ${t.taken}/s taken, p99 ${t.p99Ms} ms, backlog at start ${inherited} max ${t.backlogMax} end ${t.backlogEnd}: ${t.held ? 'held' : `missed (${t.why})`}\n`,
      )
      return t
    }
    // Warm-up: the JIT, the caches and the connections, at the starting rate.
    await hold(bench, mixes, START, WARMUP_SEC)
    let good = 0
    let bad = 0
    let rate = START
    const first = await attempt(rate)
    if (first.held) {
      good = first.taken
      for (;;) {
        rate *= STEP
        const t = await attempt(rate)
        if (!t.held) {
          bad = rate
          break
        }
        good = t.taken
      }
    } else {
      // Not even the start holds: halve until a rate does (or it is too low to matter).
      bad = rate
      while (rate > 20) {
        rate /= 2
        const t = await attempt(rate)
        if (t.held) {
          good = t.taken
          break
        }
        bad = rate
      }
    }
    let low = good > 0 ? rate / (first.held ? STEP : 1) : 0
    for (let i = 0; i < HALVINGS && low > 0; i++) {
      const mid = (low + bad) / 2
      const t = await attempt(mid)
      if (t.held) {
        low = mid
        good = Math.max(good, t.taken)
      } else bad = mid
    }
    return { ordersPerSec: Math.round(good), tries }
  } finally {
    await bench.stop()
  }
}

export async function benchSustained(): Promise<Record<string, unknown>> {
  if (WORKERS === '0')
    throw new Error(
      'pnpm bench sustained measures deliveries: it needs the outbox workers (BENCH_WORKERS unset or 1)',
    )
  const sink = await startSink()
  try {
    const sinkUrl = `http://127.0.0.1:${sink.port}`
    const echo = await measureEcho(orderMix(BENCH_SECRET, 'ECHO'), 50, 10)
    const echoRps = Math.round(echo.rps)
    process.stdout.write(`hono echo: ${echoRps}/s\n`)
    const sqlite = await search('sqlite', 1, sinkUrl)
    const pg1 = await search('postgresql', 1, sinkUrl)
    const pg2 = await search('postgresql', 2, sinkUrl)
    const ratio = (n: number) => Number((n / echoRps).toFixed(3))
    return {
      name: 'sustained',
      sqlite: { ordersPerSec: sqlite.ordersPerSec, ratio: ratio(sqlite.ordersPerSec) },
      postgres: {
        ordersPerSec: pg1.ordersPerSec,
        ratio: ratio(pg1.ordersPerSec),
        twoHubs: { ordersPerSec: pg2.ordersPerSec, ratio: ratio(pg2.ordersPerSec) },
      },
      echoRps,
      holdSec: HOLD,
      short: SHORT,
      tries: {
        sqlite: sqlite.tries.map((t) => [t.offered, t.held]),
        pg1: pg1.tries.map((t) => [t.offered, t.held]),
        pg2: pg2.tries.map((t) => [t.offered, t.held]),
      },
    }
  } finally {
    await sink.stop()
  }
}
