import type { ChannelInventoryLevel, ChannelPrice, OrderStatusUpdate } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../../core'
import type { DatabaseSettings } from '../../db/database-settings'
import { freshDatabase } from '../../db/fresh-database'
import { localChangeFeed } from '../../db/sql/change-feed'
import { readJson } from '../../db/sql/sql-db'
import { ValidationError } from '../../errors'
import { SKU_MAPPINGS_TOPIC, SkuMappingCache } from './sku-mapping-cache'

const open = (settings: DatabaseSettings) =>
  openCore({ settings, directory: { accepts: () => true }, workerId: 'test-worker' })

const order = (externalId: string, lines: { sku: string; quantity: number; unitPrice?: string }[]) => ({
  externalId,
  currency: 'NZD',
  serviceLevel: 'standard' as const,
  shipTo: { name: 'Ana', line1: '1 Queen St', city: 'Auckland', postcode: '1010', country: 'NZ' },
  lines: lines.map((l, i) => ({ externalLineId: `L${i + 1}`, ...l })),
})

function issuesOf(error: unknown): { code: string; fields: string[] } {
  expect(error).toBeInstanceOf(ValidationError)
  const e = error as ValidationError
  return { code: e.code, fields: e.issues.map((i) => i.field) }
}

describe.each(['sqlite', 'postgresql'] as const)('channel sku mappings on %s', (dialect) => {
  let core: Core
  let drop: () => Promise<void>
  let settings: DatabaseSettings
  beforeAll(async () => {
    ;({ settings, drop } = await freshDatabase(dialect, 'sku-mappings'))
    core = await open(settings)
    await core.catalog.upsertProducts([
      { sku: 'TEE', name: 'Merino tee' },
      { sku: 'SOCK', name: 'Wool sock' },
    ])
    await core.catalog.upsertLocation({
      id: 'akl',
      name: 'Auckland DC',
      type: 'warehouse',
      country: 'NZ',
      lat: -36.9069,
      lon: 174.8447,
      timezone: 'Pacific/Auckland',
    })
    await core.inventory.upsert([
      { sku: 'TEE', locationId: 'akl', onHand: 20 },
      { sku: 'SOCK', locationId: 'akl', onHand: 9 },
    ])
  }, 60_000)
  afterAll(async () => {
    await core.close()
    await drop()
  })

  it('writes, lists in pages, replaces and removes mappings per instance', async () => {
    const put = await core.skuMappings.put('shop-a', [
      { channelSku: 'TEE-6PK', hubSku: 'TEE', multiplier: 6 },
      { channelSku: 'tee single', hubSku: 'TEE' },
      { channelSku: 'SOCK/3', hubSku: 'SOCK', multiplier: 3 },
    ])
    expect(put).toEqual({ upserted: 3, removed: 0 })
    await core.skuMappings.put('shop-b', [{ channelSku: 'TEE-6PK', hubSku: 'SOCK', multiplier: 2 }])

    const first = await core.skuMappings.list('shop-a', { limit: 2 })
    expect(first.items.map((m) => [m.channelSku, m.hubSku, m.multiplier])).toEqual([
      ['SOCK/3', 'SOCK', 3],
      ['TEE-6PK', 'TEE', 6],
    ])
    const second = await core.skuMappings.list('shop-a', { limit: 2, cursor: first.nextCursor! })
    expect(second.items.map((m) => m.channelSku)).toEqual(['tee single'])
    expect(second.nextCursor).toBeNull()

    // Replaced in place, and removed by `hubSku: null`, in one write.
    expect(
      await core.skuMappings.put('shop-a', [
        { channelSku: 'TEE-6PK', hubSku: 'TEE', multiplier: 12 },
        { channelSku: 'tee single', hubSku: null },
      ]),
    ).toEqual({ upserted: 1, removed: 1 })
    const all = await core.skuMappings.list('shop-a')
    expect(all.items.map((m) => [m.channelSku, m.multiplier])).toEqual([
      ['SOCK/3', 3],
      ['TEE-6PK', 12],
    ])
    expect((await core.skuMappings.list('shop-b')).items).toHaveLength(1)
    // Several by name, as stored: the instance's own, a sku without a mapping left out.
    const some = await core.skuMappings.getMany('shop-a', ['TEE-6PK', 'tee single', 'SOCK/3'])
    expect([...some.keys()].sort()).toEqual(['SOCK/3', 'TEE-6PK'])
    expect(some.get('TEE-6PK')).toEqual(all.items.find((m) => m.channelSku === 'TEE-6PK'))
    expect(await core.skuMappings.remove('shop-a', ['SOCK/3', 'never-there'])).toBe(1)
    expect(await core.skuMappings.put('shop-a', [{ channelSku: 'TEE-6PK', hubSku: null }])).toEqual({
      upserted: 0,
      removed: 1,
    })
  })

  it('refuses bad entries naming each field, and writes nothing', async () => {
    const bad = await core.skuMappings
      .put('shop-c', [
        { channelSku: 'OK', hubSku: 'TEE' },
        { channelSku: 'X', hubSku: 'TEE', multiplier: 0 },
        { channelSku: '', hubSku: 'TEE' },
        { channelSku: 'OK', hubSku: 'TEE', multiplier: 1.5 },
      ])
      .catch((e: unknown) => e)
    expect(issuesOf(bad)).toEqual({
      code: 'VALIDATION_FAILED',
      fields: [
        'mappings[1].multiplier',
        'mappings[2].channelSku',
        'mappings[3].multiplier',
        'mappings[3].channelSku',
      ],
    })
    const unknown = await core.skuMappings
      .put('shop-c', [
        { channelSku: 'A', hubSku: 'TEE' },
        { channelSku: 'B', hubSku: 'NOPE' },
      ])
      .catch((e: unknown) => e)
    expect(issuesOf(unknown)).toEqual({ code: 'UNKNOWN_REFERENCE', fields: ['mappings[1].hubSku'] })
    expect((await core.skuMappings.list('shop-c')).items).toEqual([])
    await expect(core.skuMappings.list('shop-c', { cursor: '!!' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    })
  })

  it('takes a 6-pack as six hub units, and tells the channel its own sku and quantity', async () => {
    await core.skuMappings.put('shop-d', [{ channelSku: 'TEE-6PK', hubSku: 'TEE', multiplier: 6 }])
    const r = await core.intake.submit(
      'shop-d',
      order('D-1', [
        { sku: 'TEE-6PK', quantity: 2, unitPrice: '10.00' },
        { sku: 'SOCK', quantity: 1, unitPrice: '4.00' },
      ]),
    )
    expect(r.status).toBe('allocated')
    const lines = await core.db.all<{
      sku: string
      quantity: number
      unit_price_minor: number
      discount_minor: number
      allocated_qty: number
      channel_sku: string | null
      channel_multiplier: number
    }>(
      'select sku, quantity, unit_price_minor, discount_minor, allocated_qty, channel_sku, channel_multiplier from order_line where order_id = ? order by line_no',
      [r.orderId],
    )
    expect(
      lines.map((l) => ({ ...l, quantity: Number(l.quantity), allocated_qty: Number(l.allocated_qty) })),
    ).toEqual([
      // 10.00 a pack is 1.67 a unit (rounded up), 0.02 a pack given back as discount: 2 × 10.00 exactly.
      {
        sku: 'TEE',
        quantity: 12,
        unit_price_minor: 167,
        discount_minor: 4,
        allocated_qty: 12,
        channel_sku: 'TEE-6PK',
        channel_multiplier: 6,
      },
      {
        sku: 'SOCK',
        quantity: 1,
        unit_price_minor: 400,
        discount_minor: 0,
        allocated_qty: 1,
        channel_sku: null,
        channel_multiplier: 1,
      },
    ])
    const orderRow = await core.db.one<{ subtotal_minor: number }>(
      'select subtotal_minor from orders where id = ?',
      [r.orderId],
    )
    expect(Number(orderRow!.subtotal_minor)).toBe(2400)
    const allocated = await core.db.one<{ n: number }>(
      `select sum(quantity) as n from allocation where order_id = ? and sku = 'TEE'`,
      [r.orderId],
    )
    expect(Number(allocated!.n)).toBe(12)

    const status = await core.db.one<{ payload: unknown }>(
      `select payload from outbox_message where topic = 'order.status' and order_id = ?`,
      [r.orderId],
    )
    const update = readJson<OrderStatusUpdate>(status!.payload)
    expect(update.lines).toEqual([
      {
        externalLineId: 'L1',
        sku: 'TEE-6PK',
        quantity: 2,
        allocated: 2,
        backordered: 0,
        shipped: 0,
        cancelled: 0,
        unitPrice: '10.00',
      },
      {
        externalLineId: 'L2',
        sku: 'SOCK',
        quantity: 1,
        allocated: 1,
        backordered: 0,
        shipped: 0,
        cancelled: 0,
        unitPrice: '4.00',
      },
    ])
    // A later status update, built from the stored lines, says the same.
    await core.cancellations.cancel({ orderId: r.orderId, reason: 'test', actor: 'test' })
    const later = await core.db.all<{ payload: unknown }>(
      `select payload from outbox_message where topic = 'order.status' and order_id = ? order by id`,
      [r.orderId],
    )
    const last = readJson<OrderStatusUpdate>(later[later.length - 1]!.payload)
    expect(last.status).toBe('cancelled')
    expect(last.lines.map((l) => [l.sku, l.quantity, l.cancelled])).toEqual([
      ['TEE-6PK', 2, 2],
      ['SOCK', 1, 1],
    ])
  })

  it('names the line when its mapping points at nothing the catalogue has', async () => {
    const e = await core.intake
      .submit('shop-e', order('E-1', [{ sku: 'GONE', quantity: 1 }]))
      .catch((x: unknown) => x)
    expect(issuesOf(e)).toEqual({ code: 'UNKNOWN_SKU', fields: ['lines[0].sku'] })
  })

  it('pushes stock in the channel units, under its own sku', async () => {
    await core.skuMappings.put('shop-f', [
      { channelSku: 'TEE-6PK', hubSku: 'TEE', multiplier: 6 },
      { channelSku: 'SOCK', hubSku: 'SOCK', multiplier: 4 },
    ])
    const atp = await core.db.one<{ n: number }>(
      `select on_hand - allocated - reserved - safety_stock as n from inventory_level where sku = 'TEE'`,
    )
    await core.stockSync.run(['shop-f'])
    const pushed = await core.db.all<{ payload: unknown }>(
      `select payload from outbox_message where topic = 'inventory.push' and instance_id = 'shop-f'`,
    )
    const levels = pushed.flatMap((m) => readJson<ChannelInventoryLevel[]>(m.payload))
    const told = Object.fromEntries(levels.map((l) => [l.sku, l.available]))
    expect(told).toEqual({ TEE: Number(atp!.n), 'TEE-6PK': Math.floor(Number(atp!.n) / 6), SOCK: 2 })
  })

  it('prices a pack at the hub price × multiplier', async () => {
    await core.pricingStore.upsertPriceList({ id: 'retail', name: 'Retail', currency: 'NZD' })
    await core.pricingStore.setPrices('retail', [
      { sku: 'TEE', price: '1.50' },
      { sku: 'SOCK', price: '4.00' },
    ])
    core.pricing.invalidate()
    await core.skuMappings.put('shop-g', [{ channelSku: 'TEE-6PK', hubSku: 'TEE', multiplier: 6 }])
    const prices: ChannelPrice[] = await core.pricing.channelPrices('shop-g', 'NZD')
    expect(prices.map((p) => [p.sku, p.price]).sort()).toEqual([
      ['SOCK', '4.00'],
      ['TEE', '1.50'],
      ['TEE-6PK', '9.00'],
    ])
    expect(
      (await core.pricing.channelPrices('shop-g', 'NZD', ['TEE-6PK'])).map((p) => [p.sku, p.price]),
    ).toEqual([['TEE-6PK', '9.00']])
  })

  it('keeps a copy until the feed says it changed, or for at most its lifetime', async () => {
    // A cache on a feed of its own: writes through `core` are another process to it.
    const feed = localChangeFeed()
    const cache = new SkuMappingCache(core.db, feed, 5_000)
    await core.skuMappings.put('shop-i', [{ channelSku: 'P', hubSku: 'TEE', multiplier: 2 }])
    const t0 = 1_000_000
    expect((await cache.forInstance('shop-i', t0)).get('P')?.multiplier).toBe(2)
    await core.skuMappings.put('shop-i', [{ channelSku: 'P', hubSku: 'TEE', multiplier: 4 }])
    expect((await cache.forInstance('shop-i', t0 + 4_000)).get('P')?.multiplier).toBe(2)
    expect((await cache.forInstance('shop-i', t0 + 5_001)).get('P')?.multiplier).toBe(4)
    await core.skuMappings.put('shop-i', [{ channelSku: 'P', hubSku: 'TEE', multiplier: 5 }])
    await feed.publish(SKU_MAPPINGS_TOPIC)
    expect((await cache.forInstance('shop-i', t0 + 5_002)).get('P')?.multiplier).toBe(5)
    expect((await cache.forInstance('nobody', t0)).size).toBe(0)
  })

  it('reaches a second hub on the same database as soon as it is written', async () => {
    if (dialect === 'sqlite') return // one SQLite file is served by one hub process
    const other = await open(settings)
    try {
      await core.skuMappings.put('shop-h', [{ channelSku: 'TEE-2', hubSku: 'TEE', multiplier: 2 }])
      expect((await other.skuMappings.forInstance('shop-h')).get('TEE-2')).toEqual({
        hubSku: 'TEE',
        multiplier: 2,
      })
      await core.skuMappings.put('shop-h', [{ channelSku: 'TEE-2', hubSku: 'TEE', multiplier: 3 }])
      await expect
        .poll(async () => (await other.skuMappings.forInstance('shop-h')).get('TEE-2')?.multiplier, {
          timeout: 1_500,
        })
        .toBe(3)
    } finally {
      await other.close()
    }
  })
})
