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
 * when a change is a few per cent. Linux only. BENCH_WORKERS=0 leaves deliveries out. BENCH_HUBS
 * (PostgreSQL): that many hub processes on one database, the connections split between them and
 * the hub figures summed over them, to see what a second hub costs per order and where.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const DB: DbKind = process.env.BENCH_DB === 'postgresql' ? 'postgresql' : 'sqlite'
/** Hub processes on one database (PostgreSQL only; SQLite serves one): BENCH_HUBS, 1 by default. */
const HUBS = DB === 'postgresql' ? Math.max(1, Number(process.env.BENCH_HUBS ?? 1)) : 1
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

function read(pids: readonly number[]): Reading {
  let main = 0
  let others = 0
  let written = 0
  for (const pid of pids) {
    for (const tid of readdirSync(`/proc/${pid}/task`))
      if (Number(tid) !== pid) others += cpuSeconds(`/proc/${pid}/task/${tid}/stat`)
    main += cpuSeconds(`/proc/${pid}/task/${pid}/stat`)
    written += Number(/wchar: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0)
  }
  return { main, others, postgres: postgresCpu(), written }
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
  const bench = await startBenchHubs(DB, HUBS, `http://127.0.0.1:${sink.port}`)
  try {
    // The first hub's mix as it always was, so one-hub runs compare with those before BENCH_HUBS.
    const mixes = bench.hubs.map((_, i) =>
      i === 0 ? orderMix(BENCH_SECRET, `CPU-${DB}`) : orderMix(BENCH_SECRET, `CPU-${DB}-${i}`, 1_000 + i),
    )
    const pids = bench.hubs.map((h) => h.child.pid!)
    const drive = async (durationSec: number): Promise<LoadResult> => {
      const results = await Promise.all(
        bench.hubs.map((_, i) =>
          load({
            url: bench.webhook(i),
            connections: Math.max(1, Math.round(CONNECTIONS / HUBS)),
            durationSec,
            body: mixes[i]!.next,
          }),
        ),
      )
      const sum = (k: 'ok' | 'rps' | 'non2xx' | 'errors' | 'timeouts') =>
        results.reduce((s, x) => s + x[k], 0)
      return {
        ...results[0]!,
        ok: sum('ok'),
        rps: sum('rps'),
        non2xx: sum('non2xx'),
        errors: sum('errors'),
        timeouts: sum('timeouts'),
      }
    }
    await drive(WARMUP_SEC)
    const before = read(pids)
    const r = await drive(DURATION)
    const after = read(pids)
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
      hubs: HUBS,
      workers: process.env.BENCH_WORKERS ?? '1',
      durationSec: DURATION,
    }
  } finally {
    await bench.stop()
    await sink.stop()
  }
}
