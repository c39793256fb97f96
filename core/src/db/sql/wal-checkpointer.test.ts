import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { startWalCheckpointer } from './wal-checkpointer'

const dirs: string[] = []
const open: { close(): unknown }[] = []
afterEach(async () => {
  for (const x of open.splice(0)) await x.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A WAL database whose writer never checkpoints by itself, as the hub's intake connection. */
function writer(): { db: Database.Database; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-wal-'))
  dirs.push(dir)
  const path = join(dir, 'w.db')
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('wal_autocheckpoint = 0')
  db.exec('create table t (id integer primary key, body text)')
  open.push(db)
  return { db, path }
}

const ROUNDS = 8
const PER_ROUND = 150

/**
 * Rounds of one-page commits with a pause after each; the WAL file's size at the end in rounds'
 * worth. A WAL that is never checkpointed only grows; once a checkpoint has copied every frame, the
 * next commit writes the file from its start again, so its size stays near one round's.
 */
async function walRoundsAfterWriting(db: Database.Database, path: string): Promise<number> {
  const insert = db.prepare('insert into t (body) values (?)')
  let oneRound = 0
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < PER_ROUND; i++) db.transaction(() => insert.run('x'.repeat(3_000)))()
    if (round === 0) oneRound = statSync(`${path}-wal`).size
    await new Promise((r) => setTimeout(r, 150))
  }
  expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: ROUNDS * PER_ROUND })
  return statSync(`${path}-wal`).size / oneRound
}

describe('WAL checkpointer', () => {
  it('keeps the WAL from growing while the writer keeps committing', async () => {
    const { db, path } = writer()
    open.push(startWalCheckpointer(path, 'NORMAL', { intervalMs: 10, restartPages: 100 }))
    expect(await walRoundsAfterWriting(db, path)).toBeLessThan(3)
  })

  it('without it the WAL grows with every commit (the control)', async () => {
    const { db, path } = writer()
    expect(await walRoundsAfterWriting(db, path)).toBeGreaterThan(ROUNDS - 1)
  })
})
