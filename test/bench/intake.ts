import { BENCH_SECRET, measureEcho, outboxBacklog, startBenchHubs, startSink, WARMUP_SEC } from './bench-hub'
import { type LoadResult, load } from './load'
import { orderMix } from './order-mix'

/**
 * `pnpm bench intake`: the shared order mix (order-mix.ts) as signed rest-channel orders against a
 * hub on SQLite with the demo world, beside a bare Hono JSON echo measured in the same run. The hub
 * runs with its outbox workers on (unless BENCH_WORKERS=0), delivering every fulfilment request and
 * status update to a sink peer. Once with synchronous=NORMAL (the default), once with FULL.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)

/** Outbox messages by status when the load stopped: shows whether delivery kept up with intake. */
const backlog: Record<string, Record<string, number>> = {}

async function measureHub(sync: 'normal' | 'full', sinkUrl: string): Promise<LoadResult> {
  const bench = await startBenchHubs('sqlite', 1, sinkUrl, { SWITCHYARD_SQLITE_SYNC: sync })
  try {
    const mix = orderMix(BENCH_SECRET, `INTAKE-${sync}`)
    const url = bench.webhook(0)
    await load({ url, connections: CONNECTIONS, durationSec: WARMUP_SEC, body: mix.next })
    const result = await load({ url, connections: CONNECTIONS, durationSec: DURATION, body: mix.next })
    backlog[sync] = await outboxBacklog(bench.hubs[0]!.url)
    return result
  } finally {
    await bench.stop()
  }
}

export async function benchIntake(): Promise<Record<string, unknown>> {
  const sink = await startSink()
  try {
    const echoResult = await measureEcho(orderMix(BENCH_SECRET, 'ECHO'), CONNECTIONS, DURATION)
    const sinkUrl = `http://127.0.0.1:${sink.port}`
    const normal = await measureHub('normal', sinkUrl)
    const full = await measureHub('full', sinkUrl)
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
      workers: process.env.BENCH_WORKERS ?? '1',
      mix: 'order-mix.ts',
    }
  } finally {
    await sink.stop()
  }
}
