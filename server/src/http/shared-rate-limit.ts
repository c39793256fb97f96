import type { DatabaseSettings } from '@switchyard/core'
import pg from 'pg'
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible'
import type { Limiter, RateLimit, Verdict } from './rate-limit'

/**
 * A limit shared by every hub on one PostgreSQL database (rate-limiter-flexible's PostgreSQL
 * store, table `rate_limit` from the migrations): a caller gets the configured rate in total, not
 * once per hub. A window of `burst` requests lasts burst ÷ rate seconds. A caller that has used
 * its window up is refused from memory until the window ends, without asking the database again
 * (so a flood costs no round trips). Should the database not answer, each hub falls back to
 * limiting on its own rather than refusing everyone. `prefix` keeps the limits' keys apart.
 */
export class SharedLimiter implements Limiter {
  private readonly limiter: RateLimiterPostgres

  constructor(pool: pg.Pool, limit: RateLimit, schema: string | undefined, prefix: string) {
    const duration = Math.max(1, Math.ceil(limit.burst / limit.perSecond))
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      ...(schema ? { schemaName: schema } : {}),
      tableCreated: true,
      keyPrefix: prefix,
      points: limit.burst,
      duration,
      inMemoryBlockOnConsumed: limit.burst,
      insuranceLimiter: new RateLimiterMemory({ points: limit.burst, duration, keyPrefix: prefix }),
    })
  }

  async decide(key: string): Promise<Verdict> {
    try {
      const r = await this.limiter.consume(key)
      return { waitMs: 0, remaining: r.remainingPoints, resetMs: r.msBeforeNext }
    } catch (refused) {
      if (refused instanceof Error) throw refused
      const r = refused as RateLimiterRes
      return { waitMs: Math.max(1, r.msBeforeNext), remaining: 0, resetMs: r.msBeforeNext }
    }
  }
}

/** The limits hubs share on PostgreSQL; absent ones (turned off) stay per process. */
export interface SharedLimits {
  key?: Limiter
  webhook?: Limiter
  close(): Promise<void>
}

/**
 * The API key limit and the webhook limit, shared through one small pool of their own, so
 * limiting never waits behind intake for a connection. Undefined on SQLite (one hub per file):
 * each limit is then the process's own token buckets.
 */
export function openSharedLimits(
  database: DatabaseSettings,
  limits: { key: RateLimit; webhook: RateLimit },
): SharedLimits | undefined {
  if (database.dialect !== 'postgresql') return undefined
  if (limits.key.perSecond <= 0 && limits.webhook.perSecond <= 0) return undefined
  const pool = new pg.Pool({ connectionString: database.url, max: 4 })
  // An idle connection dropped by the server (a restart, a failover) is an 'error' event on the
  // pool; unheard, it would end the process. The next request connects again; meanwhile the
  // in-memory insurance limiters answer.
  pool.on('error', () => {})
  const shared: SharedLimits = { close: () => pool.end() }
  if (limits.key.perSecond > 0) shared.key = new SharedLimiter(pool, limits.key, database.schema, 'key')
  if (limits.webhook.perSecond > 0)
    shared.webhook = new SharedLimiter(pool, limits.webhook, database.schema, 'webhook')
  return shared
}
