import { BroadcastChannel } from 'node:worker_threads'
import pg from 'pg'
import type { DatabaseSettings } from '../database-settings'
import type { SqlRunner } from './sql-db'

/**
 * Tells every hub process on one database that something it may cache has changed (API keys:
 * a revocation or a role change must not wait for a cache to expire on the other hubs).
 */
export interface ChangeFeed {
  /** Tells every process, this one included, that `topic` changed. */
  publish(topic: string): Promise<void>
  /**
   * Calls `listener` when `topic` changes in any process, and also whenever changes may have been
   * missed (the listening connection was lost and is back), so a subscriber drops what it cached.
   */
  subscribe(topic: string, listener: () => void): () => void
  close(): Promise<void>
}

/** Subscribers by topic, and the fan-out to them. */
class Subscribers {
  private readonly byTopic = new Map<string, Set<() => void>>()

  add(topic: string, listener: () => void): () => void {
    const set = this.byTopic.get(topic) ?? new Set()
    this.byTopic.set(topic, set)
    set.add(listener)
    return () => set.delete(listener)
  }

  tell(topic: string): void {
    for (const l of this.byTopic.get(topic) ?? []) l()
  }

  tellAll(): void {
    for (const set of this.byTopic.values()) for (const l of set) l()
  }
}

/**
 * One SQLite file is served by one hub process: a change only has to reach this process, its
 * threads included (the delivery thread's core keeps caches too). With `name` (the database file),
 * a BroadcastChannel carries each change to every thread's feed of that name.
 */
export function localChangeFeed(name?: string): ChangeFeed {
  const subscribers = new Subscribers()
  const channel = name ? new BroadcastChannel(`switchyard-changes:${name}`) : undefined
  if (channel) {
    channel.onmessage = (event) => subscribers.tell(String((event as { data: unknown }).data))
    // A feed must not keep a process alive that has nothing else to do.
    channel.unref()
  }
  return {
    async publish(topic) {
      subscribers.tell(topic)
      channel?.postMessage(topic)
    },
    subscribe: (topic, listener) => subscribers.add(topic, listener),
    async close() {
      channel?.close()
    },
  }
}

/** The PostgreSQL channel every Switchyard hub listens on; the payload is `<schema>:<topic>`. */
export const CHANGE_CHANNEL = 'switchyard_changes'
const RETRY_MIN_MS = 100
const RETRY_MAX_MS = 2_000

/**
 * LISTEN/NOTIFY on its own connection (a pooled one may be handed to anyone; LISTEN lives as long
 * as its session). Hubs on other schemas of the same database hear the notification too and ignore
 * it by its schema prefix. A lost connection is reopened with backoff, and every subscriber is told
 * on each (re)connect, since notifications sent while it was down are gone.
 */
export function postgresChangeFeed(url: string, schema: string, db: SqlRunner): ChangeFeed {
  const subscribers = new Subscribers()
  const prefix = `${schema}:`
  let client: pg.Client | undefined
  let closed = false
  let retryMs = RETRY_MIN_MS
  let timer: NodeJS.Timeout | undefined
  let connecting: Promise<void> | undefined

  const reconnectLater = () => {
    if (closed || timer) return
    timer = setTimeout(() => {
      timer = undefined
      connecting = connect()
    }, retryMs)
    timer.unref()
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 5_000,
      // Names the connection in pg_stat_activity: an operator can tell what holds it open.
      application_name: `switchyard-changes:${schema}`,
    })
    const lost = () => {
      if (client === c) client = undefined
      c.end().catch(() => {})
      reconnectLater()
    }
    c.on('error', lost)
    c.on('end', lost)
    c.on('notification', (n) => {
      if (n.channel === CHANGE_CHANNEL && n.payload?.startsWith(prefix))
        subscribers.tell(n.payload.slice(prefix.length))
    })
    try {
      await c.connect()
      await c.query(`listen ${CHANGE_CHANNEL}`)
    } catch {
      lost()
      return
    }
    if (closed) {
      await c.end().catch(() => {})
      return
    }
    client = c
    retryMs = RETRY_MIN_MS
    subscribers.tellAll()
  }

  connecting = connect()
  return {
    async publish(topic) {
      // This process first: its cache must not depend on the round trip through the server.
      subscribers.tell(topic)
      await db.run('select pg_notify(?, ?)', [CHANGE_CHANNEL, `${prefix}${topic}`])
    },
    subscribe: (topic, listener) => subscribers.add(topic, listener),
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      await connecting
      const c = client
      client = undefined
      await c?.end().catch(() => {})
    },
  }
}

export function openChangeFeed(settings: DatabaseSettings, db: SqlRunner): ChangeFeed {
  return settings.dialect === 'postgresql'
    ? postgresChangeFeed(settings.url!, settings.schema ?? 'public', db)
    : localChangeFeed(settings.sqlitePath)
}
