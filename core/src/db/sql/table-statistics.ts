import { PLAN_EACH_CALL, type SqlDb } from './sql-db'

/** autovacuum's own defaults: analyze once 50 rows plus a tenth of the table changed since the last. */
const BASE_ROWS = 50
const SHARE = 0.1
/** One hub at a time analyzes; the others skip their turn. */
const LOCK = 727274003
const LOCK_NOT_AVAILABLE = '55P03'

/**
 * PostgreSQL: fresh planner statistics for this schema's tables whose rows changed by autovacuum's
 * analyze threshold since their last analyze, by whoever analyzed them (autovacuum or a hub), and
 * the names of those it analyzed. Autovacuum does this where it runs; where it is off (the
 * project's CI machine turns it off) or has not come round yet (a fresh database filling fast),
 * a table never analyzed is planned from its size alone, as if each row were as wide as its
 * widest columns allow: customer_identity looked ten times smaller than it was, and intake's reads
 * scanned it whole for every batch instead of probing its key. Analyzing also invalidates the
 * plans connections kept, so they are made again from the new figures. SQLite plans by its
 * indexes without statistics: nothing to do.
 */
export async function analyzeStaleTables(db: SqlDb): Promise<string[]> {
  if (db.dialect !== 'postgresql') return []
  return db.transaction(async (tx) => {
    const got = await tx.one<{ ok: boolean }>('select pg_try_advisory_xact_lock(?) as ok', [LOCK])
    if (!got?.ok) return []
    // An autovacuum analyzing the same table has the lock ANALYZE needs: skip it, it is being done.
    await tx.run("set local lock_timeout = '1s'")
    const stale = await tx.all<{ relname: string }>(
      `${PLAN_EACH_CALL}select relname from pg_stat_user_tables
        where schemaname = current_schema() and n_mod_since_analyze > ?::int + ?::float8 * greatest(n_live_tup, 0)
        order by relname`,
      [BASE_ROWS, SHARE],
    )
    const analyzed: string[] = []
    for (const { relname } of stale) {
      try {
        await tx.run('savepoint analyze_one')
        await tx.run(`analyze "${relname.replaceAll('"', '""')}"`)
        await tx.run('release savepoint analyze_one')
        analyzed.push(relname)
      } catch (error) {
        if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error
        await tx.run('rollback to savepoint analyze_one')
      }
    }
    return analyzed
  })
}
