import type { DatabaseSettings } from '@switchyard/core'
import pg from 'pg'
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible'
import type { Limiter, RateLimit, Verdict } from './rate-limit'

/**
 * The API key limit shared by every hub on one PostgreSQL database (rate-limiter-flexible's
 * PostgreSQL store, table `rate_limit` from the migrations): a caller gets the configured rate in
 * total, not once per hub. A window of `burst` requests lasts burst ÷ rate seconds. Should the
 * database not answer, each hub falls back to limiting on its own rather than refusing everyone.
 * One small pool of its own, so limiting never waits behind intake for a connection.
 */
export class SharedLimiter implements Limiter {
  private readonly limiter: RateLimiterPostgres

  constructor(
    private readonly pool: pg.Pool,
    limit: RateLimit,
    schema: string | undefined,
  ) {
    const duration = Math.max(1, Math.ceil(limit.burst / limit.perSecond))
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      ...(schema ? { schemaName: schema } : {}),
      tableCreated: true,
      keyPrefix: 'key',
      points: limit.burst,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points: limit.burst, duration, keyPrefix: 'key' }),
    })
  }

  static open(database: DatabaseSettings, limit: RateLimit): SharedLimiter {
    const pool = new pg.Pool({ connectionString: database.url, max: 2 })
    // An idle connection dropped by the server (a restart, a failover) is an 'error' event on the
    // pool; unheard, it would end the process. The next request connects again; meanwhile the
    // in-memory insurance limiter answers.
    pool.on('error', () => {})
    return new SharedLimiter(pool, limit, database.schema)
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

  close(): Promise<void> {
    return this.pool.end()
  }
}
