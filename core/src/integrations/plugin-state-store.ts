import { printable, type StateStore } from '@switchyard/plugin-sdk'
import type { RowOf } from '../db/row-of'
import type { SqlDb } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import type { PluginInstanceSchema } from './plugin-instance.entity'

/** The per-instance key-value store plugins keep cursors and tokens in. */
export function pluginStateStore(db: SqlDb, instanceId: string): StateStore {
  return {
    async get<T>(key: string) {
      const row = await db.one<{ value: unknown }>(
        'select value from plugin_state where instance_id = ? and key = ?',
        [instanceId, key],
      )
      if (!row) return undefined
      // PostgreSQL hands jsonb back parsed, so a stored string arrives as a string: parsing it again
      // (what readJson does with any string) would break on every string value a plugin keeps.
      return db.dialect === 'postgresql' ? (row.value as T) : readJson<T>(row.value)
    },
    async set(key: string, value: unknown) {
      await db.run(
        `insert into plugin_state (instance_id, key, value, updated_at) values (?, ?, ?, ?)
         on conflict (instance_id, key) do update set value = excluded.value, updated_at = excluded.updated_at`,
        [instanceId, key, JSON.stringify(value ?? null), Date.now()],
      )
    },
    async delete(key: string) {
      await db.run('delete from plugin_state where instance_id = ? and key = ?', [instanceId, key])
    },
    async increment(key: string, by = 1) {
      // One upsert: concurrent callers in any number of processes each get their own number.
      const sql =
        db.dialect === 'postgresql'
          ? `insert into plugin_state (instance_id, key, value, updated_at) values (?, ?, to_jsonb(?::bigint), ?)
             on conflict (instance_id, key) do update
               set value = to_jsonb((plugin_state.value #>> '{}')::bigint + excluded.value::bigint), updated_at = excluded.updated_at
             returning value`
          : `insert into plugin_state (instance_id, key, value, updated_at) values (?, ?, ?, ?)
             on conflict (instance_id, key) do update
               set value = cast(plugin_state.value as integer) + cast(excluded.value as integer), updated_at = excluded.updated_at
             returning value`
      const row = await db.one<{ value: unknown }>(sql, [instanceId, key, by, Date.now()])
      return Number(row?.value)
    },
  }
}

/** Webhook deliveries already handled, so a redelivery is acknowledged without effect. */
export class WebhookReceipts {
  constructor(private readonly db: SqlDb) {}

  async seen(instanceId: string, key: string): Promise<boolean> {
    return (
      (await this.db.one('select 1 as x from webhook_receipt where instance_id = ? and dedupe_key = ?', [
        instanceId,
        key,
      ])) !== undefined
    )
  }

  /** Recorded after the delivery's effects commit: a crash in between means one harmless, idempotent replay. */
  async record(instanceId: string, key: string, now = Date.now()): Promise<void> {
    await this.db.run(
      'insert into webhook_receipt (instance_id, dedupe_key, received_at) values (?, ?, ?) on conflict do nothing',
      [instanceId, key, now],
    )
  }
}

export interface InstanceHealthRow {
  id: string
  plugin: string
  kind: string
  version: string
  status: string
  lastSuccessAt: string | null
  lastErrorAt: string | null
  lastError: string | null
  consecutiveFailures: number
  /** Last written: at start-up from the config, and with every call's outcome. */
  updatedAt: string
}

/** Plugin instance rows: written at start-up from the config file, then kept current with call outcomes. */
export class PluginInstances {
  constructor(private readonly db: SqlDb) {}

  async sync(
    instances: readonly { id: string; plugin: string; kind: string; version: string }[],
    now = Date.now(),
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const i of instances) {
        await tx.run(
          `insert into plugin_instance (id, plugin, kind, version, status, consecutive_failures, created_at, updated_at)
           values (?, ?, ?, ?, 'active', 0, ?, ?)
           on conflict (id) do update set plugin = excluded.plugin, kind = excluded.kind, version = excluded.version,
             status = 'active', updated_at = excluded.updated_at`,
          [i.id, i.plugin, i.kind, i.version, now, now],
        )
      }
    })
  }

  async success(id: string, now = Date.now()): Promise<void> {
    await this.db.run(
      `update plugin_instance set status = 'active', last_success_at = ?, consecutive_failures = 0, updated_at = ? where id = ?`,
      [now, now, id],
    )
  }

  async failure(id: string, error: string, degradedAfter = 3, now = Date.now()): Promise<void> {
    await this.db.run(
      `update plugin_instance set last_error_at = ?, last_error = ?, consecutive_failures = consecutive_failures + 1,
         status = case when consecutive_failures + 1 >= ? then 'degraded' else status end, updated_at = ? where id = ?`,
      // A message may quote what a peer sent (an order id with a NUL in it): stored as printable text.
      // `degradedAfter` is compared with an INTEGER column: PostgreSQL refuses a larger parameter.
      [now, printable(error.slice(0, 1000)), Math.min(degradedAfter, 2 ** 31 - 1), now, id],
    )
  }

  async list(): Promise<InstanceHealthRow[]> {
    const rows = await this.db.all<RowOf<typeof PluginInstanceSchema>>(
      'select * from plugin_instance order by id',
    )
    const iso = (v: number | null) => (v === null ? null : new Date(Number(v)).toISOString())
    return rows.map((r) => ({
      id: r.id,
      plugin: r.plugin,
      kind: r.kind,
      version: r.version,
      status: r.status,
      lastSuccessAt: iso(r.last_success_at),
      lastErrorAt: iso(r.last_error_at),
      lastError: r.last_error,
      consecutiveFailures: r.consecutive_failures,
      updatedAt: iso(r.updated_at)!,
    }))
  }
}
