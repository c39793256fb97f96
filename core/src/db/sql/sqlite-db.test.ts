import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteDb } from './sqlite-db'

const dirs: string[] = []
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-sqlite-'))
  dirs.push(dir)
  return join(dir, 'test.db')
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function eventually(check: () => boolean, ms = 5_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (check()) return true
  return check()
}
const filler = 'x'.repeat(3_000) // about one page per row

/**
 * Pages in the WAL not yet copied into the database file, read from the WAL index (the -shm file:
 * mxFrame in its header, nBackfill in the checkpoint info after the header's two copies) without
 * taking part: a checkpoint run here to ask would copy them itself.
 */
function unCheckpointed(path: string): number {
  const shm = readFileSync(`${path}-shm`)
  return shm.readUInt32LE(16) - shm.readUInt32LE(96)
}

describe('SQLite checkpoints on their own thread', () => {
  it('copies committed pages into the database file without the writer checkpointing', async () => {
    const path = tempDb()
    const db = openSqliteDb(path, 'normal')
    await db.run('create table t (id integer primary key, body text)')
    for (let i = 0; i < 200; i++) await db.run('insert into t (body) values (?)', [filler])
    // The writer's own automatic checkpoint is far out (8,000 pages): only the thread can have
    // copied these 200 pages into the database file.
    expect(readFileSync(`${path}-shm`).readUInt32LE(16)).toBeGreaterThan(200) // mxFrame: in the WAL
    expect(await eventually(() => unCheckpointed(path) === 0)).toBe(true)
    expect(statSync(path).size).toBeGreaterThan(200 * 3_000)
    await db.close()
  })

  it('starts the WAL over under a steady stream of commits, long before the writer would', async () => {
    const path = tempDb()
    const db = openSqliteDb(path, 'normal')
    await db.run('create table t (id integer primary key, body text)')
    await sleep(200) // the thread is up
    // ~12,000 pages in small transactions, a server's pace: the WAL passes the thread's RESTART
    // mark (4,000 pages) three times over; the writer's own bound (8,000) is never reached.
    let peak = 0
    for (let i = 0; i < 1_200; i++) {
      await db.transaction(async (tx) => {
        for (let j = 0; j < 10; j++) await tx.run('insert into t (body) values (?)', [filler])
      })
      await sleep(1)
      peak = Math.max(peak, statSync(`${path}-wal`).size / 4_120)
    }
    expect(peak).toBeGreaterThan(4_000)
    expect(peak).toBeLessThan(7_000)
    expect(await eventually(() => unCheckpointed(path) === 0)).toBe(true)
    await db.close()
    const check = new Database(path, { readonly: true })
    expect(check.prepare('select count(*) as n from t').get()).toEqual({ n: 12_000 })
    check.close()
  })

  it('closes cleanly, and an in-memory database gets no thread', async () => {
    const mem = openSqliteDb(':memory:', 'normal')
    await mem.run('create table t (id integer primary key)')
    await mem.close()
    const path = tempDb()
    const db = openSqliteDb(path, 'normal')
    await db.run('create table t (id integer primary key)')
    await db.close()
    // After close, nothing holds the file: the last connection removed the WAL.
    expect(() => statSync(`${path}-wal`)).toThrow()
  })
})
