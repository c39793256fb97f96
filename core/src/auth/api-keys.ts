import { createHash, randomBytes } from 'node:crypto'
import type { RowOf } from '../db/row-of'
import type { ChangeFeed } from '../db/sql/change-feed'
import type { SqlDb } from '../db/sql/sql-db'
import { NotFoundError, ValidationError } from '../errors'
import { uuidv7 } from '../ids'
import { type ApiKeySchema, type Role, roles } from './api-key.entity'

export interface Principal {
  keyId: string
  name: string
  role: Role
  /** Set when the key may only act for this channel instance. */
  channelInstanceId: string | null
}

export interface CreatedKey extends Principal {
  /** The whole key. Shown once; only its hash is stored. */
  token: string
}

type KeyRow = Pick<
  RowOf<typeof ApiKeySchema>,
  'id' | 'name' | 'hash' | 'role' | 'channel_instance_id' | 'revoked_at'
>

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const TOKEN = /^sy_([a-f0-9]{12})_([A-Za-z0-9_-]{32,64})$/

/** The change-feed topic of API keys: published on every revocation and role change. */
export const API_KEYS_TOPIC = 'api_keys'

/**
 * API keys: `sy_<prefix>_<secret>`. The prefix finds the row, the SHA-256 of the whole key is
 * compared. Keys are 192-bit random, so a fast hash is enough (no password stretching needed).
 * Lookups are cached briefly so a busy client does not cost a query per request. A revocation or a
 * role change empties the cache of every hub on the database at once (the change feed: LISTEN/NOTIFY
 * on PostgreSQL); the short lifetime of an entry bounds what a lost notification can keep alive.
 */
export class ApiKeys {
  private cache = new Map<string, { row: KeyRow | undefined; at: number }>()
  /** Moves on each invalidation, so a lookup that started before it does not cache what it read. */
  private generation = 0

  constructor(
    private readonly db: SqlDb,
    private readonly changes: ChangeFeed,
    private readonly cacheMs = 500,
  ) {
    changes.subscribe(API_KEYS_TOPIC, () => this.invalidate())
  }

  private invalidate(): void {
    this.generation++
    this.cache.clear()
  }

  /** Forgets cached lookups here at once, then on every other hub. */
  private async changed(): Promise<void> {
    this.invalidate()
    await this.changes.publish(API_KEYS_TOPIC)
  }

  async create(
    input: { name: string; role: Role; channelInstanceId?: string | null },
    now = Date.now(),
  ): Promise<CreatedKey> {
    if (!roles.includes(input.role)) {
      throw new ValidationError('invalid role', [
        { field: 'role', message: `must be one of ${roles.join(', ')}` },
      ])
    }
    const prefix = randomBytes(6).toString('hex')
    const token = `sy_${prefix}_${randomBytes(24).toString('base64url')}`
    const id = uuidv7(now)
    await this.db.run(
      'insert into api_key (id, name, prefix, hash, role, channel_instance_id, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      [id, input.name, prefix, sha256(token), input.role, input.channelInstanceId ?? null, now],
    )
    return {
      keyId: id,
      name: input.name,
      role: input.role,
      channelInstanceId: input.channelInstanceId ?? null,
      token,
    }
  }

  async verify(token: string, now = Date.now()): Promise<Principal | null> {
    const match = TOKEN.exec(token)
    if (!match) return null
    const prefix = match[1]!
    let cached = this.cache.get(prefix)
    if (!cached || now - cached.at > this.cacheMs) {
      const generation = this.generation
      const row = await this.db.one<KeyRow>(
        'select id, name, hash, role, channel_instance_id, revoked_at from api_key where prefix = ?',
        [prefix],
      )
      cached = { row, at: now }
      if (generation === this.generation) this.cache.set(prefix, cached)
    }
    const row = cached.row
    // A revocation may lie in the future: the grace period of a rotation.
    if (!row || (row.revoked_at !== null && Number(row.revoked_at) <= now)) return null
    const presented = Buffer.from(sha256(token))
    if (!presented.equals(Buffer.from(row.hash))) return null
    return { keyId: row.id, name: row.name, role: row.role, channelInstanceId: row.channel_instance_id }
  }

  /**
   * Issues a new key with the same name, role and scope, and revokes the old one after
   * `graceSeconds` (0: at once), so a client can switch over without an outage.
   */
  async rotate(id: string, graceSeconds: number, now = Date.now()): Promise<CreatedKey> {
    const old = await this.db.one<KeyRow & { revoked_at: number | null }>(
      'select id, name, hash, role, channel_instance_id, revoked_at from api_key where id = ?',
      [id],
    )
    if (!old || (old.revoked_at !== null && Number(old.revoked_at) <= now))
      throw new NotFoundError('api key', id)
    const created = await this.create(
      { name: old.name, role: old.role, channelInstanceId: old.channel_instance_id },
      now,
    )
    await this.db.run('update api_key set revoked_at = ? where id = ?', [now + graceSeconds * 1000, id])
    await this.changed()
    return created
  }

  async revoke(id: string, now = Date.now()): Promise<void> {
    const changed = await this.db.run(
      'update api_key set revoked_at = ? where id = ? and (revoked_at is null or revoked_at > ?)',
      [now, id, now],
    )
    if (changed === 0) throw new NotFoundError('api key', id)
    await this.changed()
  }

  /** Gives a live key another role; every hub answers with the new role within a second. */
  async setRole(id: string, role: Role, now = Date.now()): Promise<Principal> {
    if (!roles.includes(role)) {
      throw new ValidationError('invalid role', [
        { field: 'role', message: `must be one of ${roles.join(', ')}` },
      ])
    }
    const changed = await this.db.run(
      'update api_key set role = ? where id = ? and (revoked_at is null or revoked_at > ?)',
      [role, id, now],
    )
    if (changed === 0) throw new NotFoundError('api key', id)
    await this.changed()
    const row = (await this.db.one<KeyRow>(
      'select id, name, hash, role, channel_instance_id, revoked_at from api_key where id = ?',
      [id],
    ))!
    return { keyId: row.id, name: row.name, role: row.role, channelInstanceId: row.channel_instance_id }
  }

  async count(): Promise<number> {
    const row = await this.db.one<{ n: number }>('select count(*) as n from api_key')
    return Number(row?.n ?? 0)
  }

  async list(): Promise<(Principal & { createdAt: string; revokedAt: string | null })[]> {
    const rows = await this.db.all<KeyRow & { created_at: number }>(
      'select id, name, hash, role, channel_instance_id, revoked_at, created_at from api_key order by created_at',
    )
    return rows.map((r) => ({
      keyId: r.id,
      name: r.name,
      role: r.role,
      channelInstanceId: r.channel_instance_id,
      createdAt: new Date(Number(r.created_at)).toISOString(),
      revokedAt: r.revoked_at === null ? null : new Date(Number(r.revoked_at)).toISOString(),
    }))
  }
}
