import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../core'
import { openTestCore, refusal } from '../../testing/test-core'

describe.each(['sqlite', 'postgresql'] as const)("a drop-ship supplier's items on %s", (dialect) => {
  let core: Core
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ core, close } = await openTestCore(dialect, 'supplier_items', {
      products: [
        { sku: 'TEE', name: 'Tee' },
        { sku: 'CAP', name: 'Cap' },
      ],
      warehouses: [{ id: 'akl' }],
    }))
    await core.catalog.upsertLocation({
      id: 'sup',
      name: 'Supplier',
      type: 'dropship',
      country: 'NZ',
      lat: -36.9,
      lon: 174.8,
      timezone: 'Pacific/Auckland',
    })
  }, 60_000)
  afterAll(() => close())

  it('keeps unit costs in minor units and part numbers, the last entry of a sku winning', async () => {
    expect(
      await core.supplierItems.set('sup', [
        { sku: 'TEE', unitCost: '9.99', currency: 'NZD', supplierPartNumber: 'T-1' },
        { sku: 'CAP', supplierPartNumber: 'C-1' },
        { sku: 'TEE', unitCost: '12.5', currency: 'NZD', supplierPartNumber: 'T-2' },
      ]),
    ).toBe(2)
    expect(await core.supplierItems.list('sup')).toEqual([
      {
        sku: 'CAP',
        unitCost: null,
        currency: null,
        supplierPartNumber: 'C-1',
        updatedAt: expect.any(String),
      },
      {
        sku: 'TEE',
        unitCost: '12.50',
        currency: 'NZD',
        supplierPartNumber: 'T-2',
        updatedAt: expect.any(String),
      },
    ])
    // Routing and the fulfilment plan see them on the location at once.
    const sup = (await core.catalogCache.activeLocations()).find((l) => l.id === 'sup')!
    expect(sup.supplierItems?.get('TEE')).toEqual({ unitCostMinor: 1250, currency: 'NZD', partNumber: 'T-2' })
  })

  it('reads stock reported by a part number as the hub sku, leaving hub skus and unknown names alone', async () => {
    const read = await core.supplierItems.inHubSkus([
      { locationId: 'sup', sku: 'T-2', onHand: 3 },
      { locationId: 'sup', sku: 'CAP', onHand: 1 },
      { locationId: 'sup', sku: 'X-9', onHand: 1 },
      { locationId: 'akl', sku: 'T-2', onHand: 1 },
    ])
    expect(read.map((s) => s.sku)).toEqual(['TEE', 'CAP', 'X-9', 'T-2'])
  })

  it('refuses a warehouse, an unknown location or sku, and a cost without its currency, naming the field', async () => {
    expect(await refusal(core.supplierItems.set('akl', [{ sku: 'TEE' }]))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['id'],
    })
    expect(await refusal(core.supplierItems.list('nowhere'))).toMatchObject({ code: 'LOCATION_NOT_FOUND' })
    expect(await refusal(core.supplierItems.set('sup', [{ sku: 'TEE' }, { sku: 'NOPE' }]))).toEqual({
      code: 'UNKNOWN_SKU',
      fields: ['items[1].sku'],
    })
    expect(await refusal(core.supplierItems.set('sup', [{ sku: 'TEE', unitCost: '1.00' }]))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['items[0].currency'],
    })
  })
})
