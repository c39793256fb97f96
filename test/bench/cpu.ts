import { readdirSync, readFileSync } from 'node:fs'
import type { DbKind } from '../support/databases'
import { BENCH_SECRET, startBenchHubs, startSink, WARMUP_SEC } from './bench-hub'
import { type LoadResult, load } from './load'
import { orderMix } from './order-mix'
import { startScript } from './processes'

/**
 * `pnpm bench cpu`: where an order's CPU goes, rather than how many orders a second. The shared
 * order mix against one hub (BENCH_DB: sqlite, the default, or postgresql) and, in the same run,
 * against the Hono echo; from /proc around the measured BENCH_DURATION (10) s: the CPU per order
 * of the hub's main thread (intake's event loop) and of its other threads (the delivery thread,
 * the WAL checkpointer, V8's helpers), of PostgreSQL's processes, the bytes the hub wrote per
 * order (`wchar`: the WAL and checkpoints on SQLite), and the echo's CPU per request. CPU per
 * order moves less with the machine's speed than a rate does, so it is the figure to compare
 * when a change is a few per cent. Linux only. BENCH_WORKERS=0 leaves deliveries out.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const DB: DbKind = process.env.BENCH_DB === 'postgresql' ? 'postgresql' : 'sqlite'
const TICKS_PER_SEC = 100

/** utime + stime in seconds of a /proc stat line. */
function cpuSeconds(statPath: string): number {
  try {
    const fields = readFileSync(statPath, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC
  } catch {
    return 0 // the process or thread ended
  }
}

interface Reading {
  main: number
  others: number
  postgres: number
  written: number
}

function read(pid: number): Reading {
  let others = 0
  for (const tid of readdirSync(`/proc/${pid}/task`))
    if (Number(tid) !== pid) others += cpuSeconds(`/proc/${pid}/task/${tid}/stat`)
  return {
    main: cpuSeconds(`/proc/${pid}/task/${pid}/stat`),
    others,
    postgres: postgresCpu(),
    written: Number(/wchar: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0),
  }
}

function postgresCpu(): number {
  let sum = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        sum += cpuSeconds(`/proc/${entry}/stat`)
    } catch {}
  }
  return sum
}

async function echoCpuPerRequest(): Promise<{ usPerRequest: number; rps: number }> {
  const echo = await startScript('./echo-server.ts')
  try {
    const mix = orderMix(BENCH_SECRET, 'CPU-ECHO')
    const body = () => ({ body: mix.next().body, headers: {} })
    const url = `http://127.0.0.1:${echo.port}/echo`
    await load({ url, connections: CONNECTIONS, durationSec: WARMUP_SEC, body })
    const before = cpuSeconds(`/proc/${echo.child.pid}/stat`)
    const r = await load({ url, connections: CONNECTIONS, durationSec: DURATION, body })
    const spent = cpuSeconds(`/proc/${echo.child.pid}/stat`) - before
    return { usPerRequest: Math.round((spent * 1e6) / r.ok), rps: Math.round(r.rps) }
  } finally {
    await echo.stop()
  }
}

export async function benchCpu(): Promise<Record<string, unknown>> {
  const echo = await echoCpuPerRequest()
  const sink = await startSink()
  const bench = await startBenchHubs(DB, 1, `http://127.0.0.1:${sink.port}`)
  try {
    const mix = orderMix(BENCH_SECRET, `CPU-${DB}`)
    const pid = bench.hubs[0]!.child.pid!
    await load({ url: bench.webhook(0), connections: CONNECTIONS, durationSec: WARMUP_SEC, body: mix.next })
    const before = read(pid)
    const r: LoadResult = await load({
      url: bench.webhook(0),
      connections: CONNECTIONS,
      durationSec: DURATION,
      body: mix.next,
    })
    const after = read(pid)
    const perOrder = (k: keyof Reading) => Math.round(((after[k] - before[k]) * 1e6) / r.ok)
    const hub = perOrder('main') + perOrder('others')
    return {
      name: 'cpu',
      db: DB,
      orders: r.ok,
      ordersPerSec: Math.round(r.rps),
      errors: r.non2xx + r.errors + r.timeouts,
      hubUsPerOrder: hub,
      mainThreadUsPerOrder: perOrder('main'),
      otherThreadsUsPerOrder: perOrder('others'),
      postgresUsPerOrder: DB === 'postgresql' ? perOrder('postgres') : null,
      writtenKbPerOrder: Math.round((after.written - before.written) / r.ok / 1024),
      echoUsPerRequest: echo.usPerRequest,
      echoRps: echo.rps,
      hubOfEcho: Number((hub / echo.usPerRequest).toFixed(1)),
      workers: process.env.BENCH_WORKERS ?? '1',
      durationSec: DURATION,
    }
  } finally {
    await bench.stop()
    await sink.stop()
  }
}
