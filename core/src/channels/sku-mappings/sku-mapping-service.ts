import { textProblem } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../../catalog/catalog-cache'
import type { ChangeFeed } from '../../db/sql/change-feed'
import type { SqlDb } from '../../db/sql/sql-db'
import { type FieldIssue, ValidationError } from '../../errors'
import { encodeCursor, type Page } from '../../pagination'
import { SKU_MAPPINGS_TOPIC, type SkuMappingCache, type SkuMappingSet } from './sku-mapping-cache'
import {
  deleteMappings,
  oneMapping,
  pageOfMappings,
  type StoredSkuMapping,
  someMappings,
  upsertMappings,
} from './sku-mapping-store'

/** One entry of a bulk write: `hubSku: null` removes the channel sku's mapping. */
export interface SkuMappingEntry {
  channelSku: string
  hubSku: string | null
  /** Hub units per channel unit; 1 when left out. */
  multiplier?: number
}

export interface SkuMappingView {
  channelSku: string
  hubSku: string
  multiplier: number
  updatedAt: string
}

export const MAX_SKU_LENGTH = 120
/** Hub units per channel unit: a pallet of 10,000 is plausible, a million is a typo. */
export const MAX_MULTIPLIER = 100_000

const view = (m: StoredSkuMapping): SkuMappingView => ({
  channelSku: m.channelSku,
  hubSku: m.hubSku,
  multiplier: m.multiplier,
  updatedAt: new Date(m.updatedAt).toISOString(),
})

/**
 * What is wrong with the entries' shape, each issue named by `<prefix>[i].<field>` (`mappings[3].multiplier`):
 * an empty or too long sku, text the hub cannot store, a multiplier that is not a whole number
 * from 1 to MAX_MULTIPLIER, a channel sku named twice. Whether the hub skus exist is checked by
 * `SkuMappingService.put`, against the catalogue.
 */
export function malformedEntries(entries: readonly SkuMappingEntry[], prefix = 'mappings'): FieldIssue[] {
  const issues: FieldIssue[] = []
  const seen = new Map<string, number>()
  entries.forEach((e, i) => {
    const at = `${prefix}[${i}]`
    const sku = (value: unknown, field: string) => {
      if (typeof value !== 'string' || value.length === 0)
        issues.push({ field: `${at}.${field}`, message: 'must be a non-empty sku' })
      else if (value.length > MAX_SKU_LENGTH)
        issues.push({ field: `${at}.${field}`, message: `must be at most ${MAX_SKU_LENGTH} characters` })
      else {
        const problem = textProblem(value)
        if (problem) issues.push({ field: `${at}.${field}`, message: problem })
      }
    }
    sku(e.channelSku, 'channelSku')
    if (e.hubSku !== null) sku(e.hubSku, 'hubSku')
    const m = e.multiplier
    if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > MAX_MULTIPLIER))
      issues.push({
        field: `${at}.multiplier`,
        message: `must be a whole number from 1 to ${MAX_MULTIPLIER} (hub units per channel unit)`,
      })
    const first = seen.get(e.channelSku)
    if (first !== undefined)
      issues.push({ field: `${at}.channelSku`, message: `repeats ${prefix}[${first}].channelSku` })
    else seen.set(e.channelSku, i)
  })
  return issues
}

/**
 * Channel sku mappings: per channel instance, the channel's sku (or listing id) → the hub's sku and
 * how many hub units one channel unit is. Intake applies them to every order, the stock and price
 * pushes in reverse (channel-units.ts). Every write reaches the in-memory copy of every hub at once
 * through the change feed.
 */
export class SkuMappingService {
  constructor(
    private readonly deps: {
      db: SqlDb
      catalog: CatalogCache
      cache: SkuMappingCache
      changes: ChangeFeed
      clock?: () => number
    },
  ) {}

  /** The instance's mappings as intake applies them (from memory). */
  forInstance(instance: string): Promise<SkuMappingSet> {
    return this.deps.cache.forInstance(instance)
  }

  /** One mapping as stored (not intake's copy, which may lag another hub's write), or undefined. */
  async get(instance: string, channelSku: string): Promise<SkuMappingView | undefined> {
    const stored = await oneMapping(this.deps.db, instance, channelSku)
    return stored && view(stored)
  }

  /** The named channel skus' mappings as stored, by channel sku (a sku without one is absent). */
  async getMany(instance: string, channelSkus: readonly string[]): Promise<Map<string, SkuMappingView>> {
    const stored = await someMappings(this.deps.db, instance, channelSkus)
    return new Map(stored.map((m) => [m.channelSku, view(m)]))
  }

  /** A page in channel-sku order; `updatedSince` (epoch ms) keeps those written at or after it. */
  async list(
    instance: string,
    options: {
      cursor?: string | undefined
      limit?: number | undefined
      updatedSince?: number | undefined
    } = {},
  ): Promise<Page<SkuMappingView>> {
    const limit = options.limit ?? 100
    const after = options.cursor ? decodeCursorText(options.cursor) : undefined
    const rows = await pageOfMappings(this.deps.db, instance, {
      afterChannelSku: after,
      updatedSince: options.updatedSince,
      limit: limit + 1,
    })
    const items = rows.slice(0, limit).map(view)
    return {
      items,
      nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.channelSku) : null,
    }
  }

  /**
   * Writes the entries in one transaction, all or nothing: each maps its channel sku (replacing an
   * earlier mapping of it), or removes it when `hubSku` is null. A malformed entry is a
   * `ValidationError`; a hub sku the catalogue does not have is one with `UNKNOWN_REFERENCE`;
   * either names every bad field and writes nothing.
   */
  async put(
    instance: string,
    entries: readonly SkuMappingEntry[],
    options: { prefix?: string } = {},
  ): Promise<{ upserted: number; removed: number }> {
    const prefix = options.prefix ?? 'mappings'
    const malformed = malformedEntries(entries, prefix)
    if (malformed.length > 0) throw new ValidationError('invalid sku mappings', malformed)
    const hubSkus = [...new Set(entries.flatMap((e) => (e.hubSku === null ? [] : [e.hubSku])))]
    const { missing } = await this.deps.catalog.products(hubSkus)
    if (missing.length > 0) {
      const unknown = new Set(missing)
      throw new ValidationError(
        'sku mappings name unknown hub skus',
        entries.flatMap((e, i) =>
          e.hubSku !== null && unknown.has(e.hubSku)
            ? [{ field: `${prefix}[${i}].hubSku`, message: `unknown hub sku '${e.hubSku}'` }]
            : [],
        ),
        'UNKNOWN_REFERENCE',
      )
    }
    const now = (this.deps.clock ?? Date.now)()
    const upserts = entries.flatMap((e) =>
      e.hubSku === null
        ? []
        : [{ channelSku: e.channelSku, hubSku: e.hubSku, multiplier: e.multiplier ?? 1 }],
    )
    const removals = entries.flatMap((e) => (e.hubSku === null ? [e.channelSku] : []))
    const removed = await this.deps.db.transaction(async (tx) => {
      if (upserts.length > 0) await upsertMappings(tx, instance, upserts, now)
      return removals.length > 0 ? deleteMappings(tx, instance, removals) : 0
    })
    await this.changed()
    return { upserted: upserts.length, removed }
  }

  /** Removes the channel skus' mappings; returns how many there were. */
  async remove(instance: string, channelSkus: readonly string[]): Promise<number> {
    const removed = await this.deps.db.transaction((tx) => deleteMappings(tx, instance, channelSkus))
    await this.changed()
    return removed
  }

  /** Drops this hub's copy at once, then every other hub's. */
  private async changed(): Promise<void> {
    this.deps.cache.invalidate()
    await this.deps.changes.publish(SKU_MAPPINGS_TOPIC)
  }
}

/**
 * A cursor is the last channel sku seen. Channel skus hold characters `decodeCursor`'s id pattern
 * refuses (spaces, slashes), so the text is checked here: the hub's own cursors decode to acceptable
 * text of at most MAX_SKU_LENGTH characters.
 */
function decodeCursorText(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  if (text.length === 0 || text.length > MAX_SKU_LENGTH || textProblem(text) || encodeCursor(text) !== cursor)
    throw new ValidationError(
      'invalid cursor',
      [{ field: 'cursor', message: 'is not a cursor this API issued' }],
      'INVALID_CURSOR',
    )
  return text
}
