import { describe, expect, it } from 'vitest'
import type { KitBoms } from '../catalog/kits/kit-boms'
import { type PoolRow, StockLedger, type StockRow } from './stock-ledger'

const row = (sku: string, location_id: string, on_hand: number, extra: Partial<StockRow> = {}): StockRow => ({
  sku,
  location_id,
  on_hand,
  allocated: 0,
  reserved: 0,
  safety_stock: 0,
  protected: 0,
  ...extra,
})

// A gift set: two tees and one shell.
const KITS: KitBoms = new Map([
  [
    'GIFT',
    [
      { sku: 'TEE', quantity: 2 },
      { sku: 'SHELL', quantity: 1 },
    ],
  ],
])

describe('stock ledger with kits', () => {
  const rows = [
    row('TEE', 'akl', 11),
    row('SHELL', 'akl', 9),
    row('TEE', 'wlg', 9, { allocated: 4 }),
    row('SHELL', 'wlg', 1),
    // Christchurch has shells but no tees: no kit can be made there.
    row('SHELL', 'chc', 7),
  ]

  it('makes as many kits as the scarcest component allows, floor(ATP ÷ quantity)', () => {
    const ledger = new StockLedger(rows, [], new Map(), KITS)
    expect(ledger.available('GIFT', 'akl')).toBe(5)
    expect(ledger.available('GIFT', 'wlg')).toBe(1)
    expect(ledger.available('GIFT', 'chc')).toBe(0)
    const seen: [string, number][] = []
    ledger.eachHolding('GIFT', (l, units) => seen.push([l, units]))
    expect(seen).toEqual([
      ['akl', 5],
      ['wlg', 1],
    ])
    expect(ledger.sharedTotal('GIFT')).toBe(6)
    expect(ledger.isKit('GIFT')).toBe(true)
    expect(ledger.isKit('TEE')).toBe(false)
  })

  it('a kit taken takes its components, and a component sold alone lowers the kit', () => {
    const ledger = new StockLedger(rows, [], new Map(), KITS)
    const takes = ledger.takeFor('web', 'GIFT', 'akl', 3)
    expect(takes).toEqual([
      { sku: 'GIFT', locationId: 'akl', quantity: 3, poolId: null, locationPool: false },
    ])
    expect(ledger.available('TEE', 'akl')).toBe(5)
    expect(ledger.available('SHELL', 'akl')).toBe(6)
    expect(ledger.available('GIFT', 'akl')).toBe(2)
    // Another channel sells two tees alone: one kit fewer.
    ledger.takeFor('pos', 'TEE', 'akl', 2)
    expect(ledger.available('GIFT', 'akl')).toBe(1)
    expect(() => ledger.takeFor('web', 'GIFT', 'akl', 2)).toThrow(/over-allocates/)
    ledger.takeFor('web', 'GIFT', 'akl', 1)
    expect(ledger.available('TEE', 'akl')).toBe(1)
    expect(() => ledger.takeFor('pos', 'TEE', 'akl', 2)).toThrow(/over-allocates/)
  })

  it('a kit never takes what another channel’s pool protects, nor the channel’s own pool units', () => {
    const pools: PoolRow[] = [
      // 6 tees at Auckland kept for pos (counted in protected).
      {
        id: 'p1',
        channel_instance_id: 'pos',
        sku: 'TEE',
        location_id: 'akl',
        remaining: 6,
        may_borrow: 1,
        cap_units: null,
        cap_percent: null,
      },
    ]
    const protectedRows = rows.map((r) =>
      r.sku === 'TEE' && r.location_id === 'akl' ? { ...r, protected: 6 } : r,
    )
    const ledger = new StockLedger(protectedRows, pools, new Map(), KITS)
    // 11 − 6 protected = 5 tees: 2 kits, for either channel (pos's pool is for tees sold as tees).
    expect(ledger.availableTo('web', 'GIFT', 'akl')).toBe(2)
    expect(ledger.availableTo('pos', 'GIFT', 'akl')).toBe(2)
    expect(ledger.availableTo('pos', 'TEE', 'akl')).toBe(11)
  })

  it('a channel cap on a component caps the kits that channel can take', () => {
    const pools: PoolRow[] = [
      {
        id: 'cap',
        channel_instance_id: 'web',
        sku: 'SHELL',
        location_id: null,
        remaining: 0,
        may_borrow: 1,
        cap_units: 2,
        cap_percent: null,
      },
    ]
    const ledger = new StockLedger(rows, pools, new Map(), KITS)
    expect(ledger.availableTo('web', 'GIFT', 'akl')).toBe(2)
    expect(ledger.availableTo('pos', 'GIFT', 'akl')).toBe(5)
    ledger.takeFor('web', 'GIFT', 'akl', 2)
    expect(ledger.availableTo('web', 'GIFT', 'akl')).toBe(0)
  })
})
