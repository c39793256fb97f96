import { createHash } from 'node:crypto'
import type { ChannelInventoryLevel } from '@switchyard/plugin-sdk'
import { NO_MAPPINGS, type SkuMappingSet, toChannelAvailability } from '../channels/sku-mappings'
import type { SqlDb } from '../db/sql/sql-db'
import { nameUuid, uuidv7 } from '../ids'
import { writeOutbox } from '../outbox/outbox-writer'
import type { NewOutboxMessage } from '../outbox/topics'
import { availability } from './availability'

const PAGE = 500
const PER_MESSAGE = 100
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/**
 * Tells channels what they may still sell. Each run compares every sku's available-to-promise for
 * each channel (its pools and caps applied) with what the channel was last told, and queues the
 * changes as inventory.push messages: batched, debounced by the run interval, absolute values, in
 * order per channel (so the newest value is the last one delivered). One process at a time syncs
 * (a transaction-scoped advisory lock on PostgreSQL). A channel with sku mappings is told in its
 * own terms: each mapped listing under its own sku, as floor(available ÷ multiplier) of the hub
 * sku it stands for (channels/sku-mappings).
 */
export class ChannelStockSync {
  constructor(
    private readonly db: SqlDb,
    private readonly skuMappings?: { forInstance(channel: string): Promise<SkuMappingSet> },
  ) {}

  async run(channels: readonly string[], now = Date.now()): Promise<number> {
    if (channels.length === 0) return 0
    // Read before the transaction opens: on SQLite a read beside it would wait for it.
    const mappings = new Map<string, SkuMappingSet>()
    for (const channel of channels)
      mappings.set(channel, (await this.skuMappings?.forInstance(channel)) ?? NO_MAPPINGS)
    return this.db.transaction(async (tx) => {
      if (tx.dialect === 'postgresql') {
        const got = await tx.one<{ ok: boolean }>('select pg_try_advisory_xact_lock(727274002) as ok')
        if (!got?.ok) return 0
      }
      const skus =
        // Kits too: a kit's availability moves with its components', and is re-pushed when it does.
        (
          await tx.all<{ sku: string }>(
            'select sku from inventory_level union select kit_sku as sku from kit_component order by sku',
          )
        ).map((r) => r.sku)
      const outbox: NewOutboxMessage[] = []
      for (const channel of channels) {
        const told = new Map(
          (
            await tx.all<{ sku: string; available: number }>(
              'select sku, available from channel_stock_pushed where channel_instance_id = ?',
              [channel],
            )
          ).map((r) => [r.sku, Number(r.available)]),
        )
        const hubAvailable = new Map<string, number>()
        for (let i = 0; i < skus.length; i += PAGE) {
          for (const a of await availability(tx, skus.slice(i, i + PAGE), channel))
            hubAvailable.set(a.sku, a.channel?.total ?? 0)
        }
        const changed: ChannelInventoryLevel[] = []
        for (const [sku, value] of toChannelAvailability(hubAvailable, mappings.get(channel)!)) {
          if (told.get(sku) !== value)
            changed.push({ sku, available: value, asOf: new Date(now).toISOString() })
        }
        for (const level of changed) {
          await tx.run(
            `insert into channel_stock_pushed (channel_instance_id, sku, available, pushed_at) values (?, ?, ?, ?)
             on conflict (channel_instance_id, sku) do update set available = excluded.available, pushed_at = excluded.pushed_at`,
            [channel, level.sku, level.available, now],
          )
        }
        for (let i = 0; i < changed.length; i += PER_MESSAGE) {
          const id = uuidv7(now)
          outbox.push({
            id,
            topic: 'inventory.push',
            instanceId: channel,
            // One stream per channel: the outbox delivers a stream's messages in order.
            orderId: nameUuid('channel-stock', channel, sha256),
            idempotencyKey: `inventory.push:${channel}:${id}`,
            payload: changed.slice(i, i + PER_MESSAGE),
            createdAt: now,
          })
        }
      }
      await writeOutbox(tx, outbox)
      return outbox.length
    })
  }
}
