import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqlDb, resolveDatabaseSettings } from '@switchyard/core'
import { BENCH_SECRET, startBenchHubs, startSink, WARMUP_SEC } from './bench-hub'
import { load } from './load'
import { orderMix } from './order-mix'

/**
 * `pnpm bench wal-pages`: which tables and indexes SQLite intake's commits write. The shared mix
 * against one SQLite hub (outbox workers per BENCH_WORKERS); at the end of the measured
 * BENCH_DURATION (10) s the database and its WAL are copied, every frame the WAL holds since its
 * last reset (whole commits only) is mapped to its B-tree with `dbstat`, and the frames per commit
 * are printed by B-tree. A commit writes every page its batch dirtied, so this is where intake's
 * write volume comes from: a key that lands in a different leaf for each row costs a page a row.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const FRAME_HEADER = 24
const WAL_HEADER = 32

/** The page numbers of the WAL's frames up to its last commit frame, and how many commits. */
export function walFrames(wal: Buffer): { pages: number[]; commits: number } {
  if (wal.length < WAL_HEADER) return { pages: [], commits: 0 }
  const pageSize = wal.readUInt32BE(8)
  const salt = [wal.readUInt32BE(16), wal.readUInt32BE(20)]
  const pages: number[] = []
  let committed = 0
  let commits = 0
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
    // A frame of an earlier generation (before the WAL was reset) carries the old salts.
    if (wal.readUInt32BE(at + 8) !== salt[0] || wal.readUInt32BE(at + 12) !== salt[1]) break
    pages.push(wal.readUInt32BE(at))
    if (wal.readUInt32BE(at + 4) !== 0) {
      committed = pages.length
      commits++
    }
  }
  return { pages: pages.slice(0, committed), commits }
}

/** Frames per commit by B-tree name, largest first. */
export async function framesByTree(dbPath: string): Promise<{ commits: number; byTree: [string, number][] }> {
  const { pages, commits } = walFrames(readFileSync(`${dbPath}-wal`))
  const db = openSqlDb(resolveDatabaseSettings({ SWITCHYARD_DATA_DIR: join(dbPath, '..') }), {
    secondary: true,
  })
  try {
    const owner = new Map<number, string>()
    for (const r of await db.all<{ name: string; pageno: number }>('select name, pageno from dbstat'))
      owner.set(r.pageno, r.name)
    const counts = new Map<string, number>()
    for (const p of pages) {
      const tree = owner.get(p) ?? '(free or new)'
      counts.set(tree, (counts.get(tree) ?? 0) + 1)
    }
    const byTree = [...counts].sort((a, b) => b[1] - a[1]).map(([t, n]): [string, number] => [t, n / commits])
    return { commits, byTree }
  } finally {
    await db.close()
  }
}

export async function benchWalPages(): Promise<Record<string, unknown>> {
  const sink = await startSink()
  const bench = await startBenchHubs('sqlite', 1, `http://127.0.0.1:${sink.port}`)
  const copy = mkdtempSync(join(tmpdir(), 'switchyard-wal-'))
  try {
    const mix = orderMix(BENCH_SECRET, 'WAL-PAGES')
    const drive = (durationSec: number) =>
      load({ url: bench.webhook(0), connections: CONNECTIONS, durationSec, body: mix.next })
    await drive(WARMUP_SEC)
    const measured = drive(DURATION)
    await new Promise((r) => setTimeout(r, (DURATION * 1000) / 2))
    // The WAL first: frames the database file lacks are in it, and its last whole commit bounds the count.
    const dir = bench.db.env.SWITCHYARD_DATA_DIR!
    copyFileSync(join(dir, 'switchyard.db-wal'), join(copy, 'switchyard.db-wal'))
    copyFileSync(join(dir, 'switchyard.db'), join(copy, 'switchyard.db'))
    const r = await measured
    const { commits, byTree } = await framesByTree(join(copy, 'switchyard.db'))
    const total = byTree.reduce((s, [, n]) => s + n, 0)
    return {
      name: 'wal-pages',
      ordersPerSec: Math.round(r.rps),
      commits,
      framesPerCommit: Math.round(total),
      top: Object.fromEntries(byTree.slice(0, 15).map(([t, n]) => [t, Number(n.toFixed(1))])),
      workers: process.env.BENCH_WORKERS ?? '1',
    }
  } finally {
    rmSync(copy, { recursive: true, force: true })
    await bench.stop()
    await sink.stop()
  }
}
