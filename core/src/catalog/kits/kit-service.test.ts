import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../core'
import { allocateStockBatch, releaseStock, shipStock } from '../../inventory/stock-writer'
import { openTestCore, refusal } from '../../testing/test-core'
import { readKitBoms } from './kit-boms'

describe.each(['sqlite', 'postgresql'] as const)('kits on %s', (dialect) => {
  let core: Core
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ core, close } = await openTestCore(dialect, 'kits', {
      products: [
        { sku: 'TEE', name: 'Tee' },
        { sku: 'SHELL', name: 'Shell' },
        { sku: 'GIFT', name: 'Gift set' },
        { sku: 'BIG', name: 'Big set' },
        { sku: 'STOCKED', name: 'Has stock' },
      ],
      warehouses: [{ id: 'akl', lat: -36.9, lon: 174.8 }],
      stock: [
        { sku: 'TEE', locationId: 'akl', onHand: 10 },
        { sku: 'SHELL', locationId: 'akl', onHand: 4 },
        { sku: 'STOCKED', locationId: 'akl', onHand: 1 },
      ],
    }))
  }, 60_000)
  afterAll(() => close())

  it('defines a kit once; the same bill again changes nothing, another is refused', async () => {
    const bill = [
      { sku: 'TEE', quantity: 2 },
      { sku: 'SHELL', quantity: 1 },
    ]
    const first = await core.kits.define('GIFT', bill)
    expect(first.created).toBe(true)
    expect(first.kit).toMatchObject({
      sku: 'GIFT',
      name: 'Gift set',
      components: [
        { sku: 'SHELL', name: 'Shell', quantity: 1 },
        { sku: 'TEE', name: 'Tee', quantity: 2 },
      ],
    })
    expect((await core.kits.define('GIFT', [...bill].reverse())).created).toBe(false)
    expect(await refusal(core.kits.define('GIFT', [{ sku: 'TEE', quantity: 3 }]))).toMatchObject({
      code: 'KIT_IMMUTABLE',
    })
    expect((await core.kits.list()).items.map((k) => k.sku)).toEqual(['GIFT'])
    // Intake reads a product's bill with it.
    const { found } = await core.catalogCache.products(['GIFT', 'TEE'])
    expect(found.get('GIFT')?.components).toEqual([
      { sku: 'SHELL', quantity: 1 },
      { sku: 'TEE', quantity: 2 },
    ])
    expect(found.get('TEE')?.components).toBeUndefined()
  })

  it('refuses bills that nest, repeat, name themselves or unknown skus, naming the field', async () => {
    expect(await refusal(core.kits.define('BIG', [{ sku: 'GIFT', quantity: 1 }]))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['components[0].sku'],
    })
    expect(await refusal(core.kits.define('BIG', [{ sku: 'BIG', quantity: 1 }]))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['components[0].sku'],
    })
    expect(
      await refusal(
        core.kits.define('BIG', [
          { sku: 'TEE', quantity: 1 },
          { sku: 'TEE', quantity: 0 },
        ]),
      ),
    ).toEqual({ code: 'VALIDATION_FAILED', fields: ['components[1].sku', 'components[1].quantity'] })
    expect(await refusal(core.kits.define('BIG', [{ sku: 'NOPE', quantity: 1 }]))).toEqual({
      code: 'UNKNOWN_REFERENCE',
      fields: ['components[0].sku'],
    })
    expect(await refusal(core.kits.define('NOPE', [{ sku: 'TEE', quantity: 1 }]))).toMatchObject({
      code: 'PRODUCT_NOT_FOUND',
    })
    // A sku with stock of its own, or one that is a component, cannot become a kit.
    expect(await refusal(core.kits.define('STOCKED', [{ sku: 'TEE', quantity: 1 }]))).toMatchObject({
      code: 'KIT_SKU_IN_USE',
    })
    expect(await refusal(core.kits.define('SHELL', [{ sku: 'TEE', quantity: 1 }]))).toMatchObject({
      code: 'KIT_SKU_IN_USE',
    })
    // And a kit takes no stock of its own.
    expect(await refusal(core.inventory.upsert([{ sku: 'GIFT', locationId: 'akl', onHand: 3 }]))).toEqual({
      code: 'KIT_HAS_NO_STOCK',
      fields: ['items[0].sku'],
    })
  })

  it('allocates, releases and ships a kit as its components, never below zero', async () => {
    const levels = async () =>
      (
        await core.db.all<{ sku: string; on_hand: number; allocated: number }>(
          `select sku, on_hand, allocated from inventory_level where sku in ('TEE', 'SHELL') order by sku`,
        )
      ).map((r) => `${r.sku} ${Number(r.on_hand)}/${Number(r.allocated)}`)
    const kits = await readKitBoms(core.db, ['GIFT'])
    const now = Date.now()
    await core.db.transaction((tx) =>
      allocateStockBatch(
        tx,
        [
          { sku: 'GIFT', locationId: 'akl', quantity: 3, fromPool: 0 },
          { sku: 'TEE', locationId: 'akl', quantity: 1, fromPool: 0 },
        ],
        now,
        kits,
      ),
    )
    expect(await levels()).toEqual(['SHELL 4/3', 'TEE 10/7'])
    // Two more kits need 2 shells; there is 1.
    await expect(
      core.db.transaction((tx) =>
        allocateStockBatch(tx, [{ sku: 'GIFT', locationId: 'akl', quantity: 2, fromPool: 0 }], now, kits),
      ),
    ).rejects.toMatchObject({ code: 'ALLOCATION_CONFLICT' })
    expect(await levels()).toEqual(['SHELL 4/3', 'TEE 10/7'])
    await core.db.transaction((tx) => releaseStock(tx, 'GIFT', 'akl', 1, now))
    expect(await levels()).toEqual(['SHELL 4/2', 'TEE 10/5'])
    await core.db.transaction((tx) => shipStock(tx, 'GIFT', 'akl', 2, now))
    expect(await levels()).toEqual(['SHELL 2/0', 'TEE 6/1'])
  })
})
