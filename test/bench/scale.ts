import type { DbKind } from '../support/databases'
import { BENCH_SECRET, measureEcho, startBenchHubs, startSink, WARMUP_SEC } from './bench-hub'
import { type LoadResult, load } from './load'
import { orderMix, oversold } from './order-mix'

/**
 * `pnpm bench scale`: intake orders/s with the shared order mix on SQLite (one hub) and on
 * PostgreSQL with one, two and three hub processes sharing one database, beside a Hono echo
 * measured in the same run. Every hub runs its outbox worker (unless BENCH_WORKERS=0), delivering
 * to a sink peer. BENCH_CONNECTIONS (50) in all, split evenly over the hubs, BENCH_DURATION (10) s
 * per step after a BENCH_WARMUP (15) s warm-up (bench-hub.ts says why); a fresh database per step. After each step the stock is read:
 * nothing may be allocated beyond what is on hand (the hottest skus sell out part way).
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)

interface Step {
  rps: number
  p99: number
  errors: number
  oversold: number
}

async function step(kind: DbKind, hubCount: number, sinkUrl: string): Promise<Step> {
  const bench = await startBenchHubs(kind, hubCount, sinkUrl)
  try {
    const mixes = bench.hubs.map((_, i) =>
      orderMix(BENCH_SECRET, `SCALE-${kind}-${hubCount}-${i}`, 1_000 + i),
    )
    const drive = (seconds: number) =>
      Promise.all(
        bench.hubs.map((_, i) =>
          load({
            url: bench.webhook(i),
            connections: Math.max(1, Math.round(CONNECTIONS / hubCount)),
            durationSec: seconds,
            body: mixes[i]!.next,
          }),
        ),
      )
    await drive(WARMUP_SEC)
    const results: LoadResult[] = await drive(DURATION)
    return {
      rps: Math.round(results.reduce((s, r) => s + r.rps, 0)),
      p99: Math.max(...results.map((r) => r.p99Ms)),
      errors: results.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0),
      oversold: await oversold(bench.hubs[0]!.url, bench.key),
    }
  } finally {
    await bench.stop()
  }
}

export async function benchScale(): Promise<Record<string, unknown>> {
  const sink = await startSink()
  try {
    const sinkUrl = `http://127.0.0.1:${sink.port}`
    const echo = await measureEcho(orderMix(BENCH_SECRET, 'ECHO'), CONNECTIONS, DURATION)
    process.stdout.write(`hono echo: ${Math.round(echo.rps)}/s\n`)
    const steps: [string, DbKind, number][] = [
      ['sqlite', 'sqlite', 1],
      ['pg1', 'postgresql', 1],
      ['pg2', 'postgresql', 2],
      ['pg3', 'postgresql', 3],
    ]
    const out: Record<string, Step> = {}
    for (const [name, kind, hubs] of steps) {
      const s = await step(kind, hubs, sinkUrl)
      out[name] = s
      process.stdout.write(
        `${hubs} hub(s) on ${kind}: ${s.rps} orders/s, p99 ${s.p99} ms, errors ${s.errors}, oversold ${s.oversold}\n`,
      )
    }
    const get = (name: string) => out[name]!
    return {
      name: 'scale',
      sqlitePerSec: get('sqlite').rps,
      pgOneHubPerSec: get('pg1').rps,
      pgTwoHubsPerSec: get('pg2').rps,
      pgThreeHubsPerSec: get('pg3').rps,
      echoRps: Math.round(echo.rps),
      oversold: steps.reduce((sum, [name]) => sum + get(name).oversold, 0),
      pgOneHubOfSqlite: Number((get('pg1').rps / get('sqlite').rps).toFixed(3)),
      p99Ms: Object.fromEntries(steps.map(([name]) => [name, get(name).p99])),
      errors: steps.reduce((sum, [name]) => sum + get(name).errors, 0),
      connections: CONNECTIONS,
      durationSec: DURATION,
      workers: process.env.BENCH_WORKERS ?? '1',
    }
  } finally {
    await sink.stop()
  }
}
