import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type PoolRow, StockLedger, type StockRow, type Take } from './stock-ledger'

const key = (sku: string, locationId: string) => `${sku}\u0000${locationId}`

/** The ledger as it was before per-sku totals and the no-pool fast path: the behaviour to keep. */
class ReferenceLedger {
  private readonly free = new Map<string, number>()
  private readonly pools: PoolRow[]
  private readonly openByChannel: Map<string, number>

  constructor(
    rows: readonly StockRow[],
    pools: readonly PoolRow[] = [],
    /** Open (allocated or released) units per `channel\0sku`, for caps. */
    openByChannel: ReadonlyMap<string, number> = new Map(),
  ) {
    for (const r of rows) {
      this.free.set(
        key(r.sku, r.location_id),
        Math.max(0, r.on_hand - r.allocated - r.reserved - r.safety_stock - (r.protected ?? 0)),
      )
    }
    this.pools = pools.map((p) => ({ ...p }))
    this.openByChannel = new Map(openByChannel)
  }

  /** Shared stock at a location: what anyone may take. */
  available(sku: string, locationId: string): number {
    return this.free.get(key(sku, locationId)) ?? 0
  }

  /** Shared units of a sku across all locations. */
  sharedTotal(sku: string): number {
    let n = 0
    for (const [k, v] of this.free) if (k.startsWith(`${sku}\u0000`)) n += v
    return n
  }

  /** Stock as one channel may see it: its own pools on top, others' pools and its caps taken off. */
  availableTo(channel: string, sku: string, locationId: string): number {
    const own = this.pools.filter((p) => p.sku === sku && p.channel_instance_id === channel)
    const ownHere = own.filter((p) => p.location_id === locationId).reduce((n, p) => n + p.remaining, 0)
    const ownNetwork = own.filter((p) => p.location_id === null).reduce((n, p) => n + p.remaining, 0)
    const shared = this.available(sku, locationId)
    const borrows = own.length === 0 || own.some((p) => Boolean(p.may_borrow))
    // Network-protected units sit inside some location's shared stock: the owner can use them there.
    const fromShared = borrows
      ? this.sharedAllowance(channel, sku)
      : Math.min(ownNetwork, this.sharedAllowance(channel, sku, true))
    return ownHere + Math.min(shared, fromShared)
  }

  /** How much of a sku's shared stock `channel` may still take, across all locations. */
  private sharedAllowance(channel: string, sku: string, ownNetworkOnly = false): number {
    const total = this.sharedTotal(sku)
    let allowance = total
    for (const p of this.pools) {
      if (p.sku !== sku || p.location_id !== null) continue
      if (p.channel_instance_id !== channel) allowance -= p.remaining
    }
    if (ownNetworkOnly)
      allowance = Math.min(
        allowance,
        this.pools
          .filter((p) => p.sku === sku && p.location_id === null && p.channel_instance_id === channel)
          .reduce((n, p) => n + p.remaining, 0),
      )
    for (const p of this.pools) {
      if (p.sku !== sku || p.channel_instance_id !== channel) continue
      if (p.cap_units !== null)
        allowance = Math.min(allowance, p.cap_units - (this.openByChannel.get(`${channel}\u0000${sku}`) ?? 0))
      if (p.cap_percent !== null) allowance = Math.min(allowance, Math.floor((total * p.cap_percent) / 100))
    }
    return Math.max(0, allowance)
  }

  /** Units come back to shared stock in this batch (a reservation turned into an order). */
  release(sku: string, locationId: string, quantity: number): void {
    const k = key(sku, locationId)
    this.free.set(k, (this.free.get(k) ?? 0) + quantity)
  }

  /** Shared take, for callers that are not channel-aware. */
  take(sku: string, locationId: string, quantity: number): void {
    const k = key(sku, locationId)
    const left = (this.free.get(k) ?? 0) - quantity
    if (left < 0) throw new Error(`plan over-allocates ${sku} at ${locationId}`)
    this.free.set(k, left)
  }

  /**
   * Takes `quantity` for `channel`: its location pool here first, then its network pool, then
   * shared stock. Returns what each part came from, so cancellations can give pool units back.
   */
  takeFor(channel: string, sku: string, locationId: string, quantity: number): Take[] {
    if (quantity > this.availableTo(channel, sku, locationId)) {
      throw new Error(`plan over-allocates ${sku} at ${locationId} for ${channel}`)
    }
    const takes: Take[] = []
    let left = quantity
    const own = this.pools.filter((p) => p.sku === sku && p.channel_instance_id === channel)
    for (const p of own.filter((x) => x.location_id === locationId)) {
      const t = Math.min(left, p.remaining)
      if (t <= 0) continue
      p.remaining -= t
      left -= t
      takes.push({ sku, locationId, quantity: t, poolId: p.id, locationPool: true })
    }
    if (left > 0) {
      // Network-pool units are physically in this location's shared stock.
      this.take(sku, locationId, left)
      for (const p of own.filter((x) => x.location_id === null)) {
        const t = Math.min(left, p.remaining)
        if (t <= 0) continue
        p.remaining -= t
        left -= t
        takes.push({ sku, locationId, quantity: t, poolId: p.id, locationPool: false })
      }
      if (left > 0) takes.push({ sku, locationId, quantity: left, poolId: null, locationPool: false })
    }
    const capKey = `${channel}\u0000${sku}`
    this.openByChannel.set(capKey, (this.openByChannel.get(capKey) ?? 0) + quantity)
    return takes
  }
}

const SKUS = ['A', 'B', 'C']
const LOCS = ['l1', 'l2', 'l3']
const CHANNELS = ['web', 'pos', 'b2b']

const rowArb: fc.Arbitrary<StockRow> = fc.record({
  sku: fc.constantFrom(...SKUS),
  location_id: fc.constantFrom(...LOCS),
  on_hand: fc.integer({ min: 0, max: 30 }),
  allocated: fc.integer({ min: 0, max: 10 }),
  reserved: fc.integer({ min: 0, max: 5 }),
  safety_stock: fc.integer({ min: 0, max: 3 }),
  protected: fc.integer({ min: 0, max: 5 }),
})
const poolArb: fc.Arbitrary<PoolRow> = fc.record({
  id: fc.uuid(),
  channel_instance_id: fc.constantFrom(...CHANNELS),
  sku: fc.constantFrom(...SKUS),
  location_id: fc.option(fc.constantFrom(...LOCS), { nil: null }),
  remaining: fc.integer({ min: 0, max: 8 }),
  may_borrow: fc.constantFrom(0, 1, true, false),
  cap_units: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  cap_percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
})
const opArb = fc.record({
  kind: fc.constantFrom('takeFor', 'take', 'release'),
  channel: fc.constantFrom(...CHANNELS),
  sku: fc.constantFrom(...SKUS, 'Z'),
  location: fc.constantFrom(...LOCS, 'l9'),
  quantity: fc.integer({ min: 1, max: 6 }),
})

/** Everything a caller can observe of a ledger, for every channel, sku and location. */
function observe(l: StockLedger | ReferenceLedger): unknown {
  const out: unknown[] = []
  for (const sku of [...SKUS, 'Z']) {
    out.push(l.sharedTotal(sku))
    for (const loc of [...LOCS, 'l9']) {
      out.push(l.available(sku, loc))
      for (const ch of CHANNELS) out.push(l.availableTo(ch, sku, loc))
    }
  }
  return out
}

type Op = typeof opArb extends fc.Arbitrary<infer O> ? O : never

function apply(l: StockLedger | ReferenceLedger, op: Op): unknown {
  try {
    if (op.kind === 'takeFor') return l.takeFor(op.channel, op.sku, op.location, op.quantity)
    if (op.kind === 'take') return l.take(op.sku, op.location, op.quantity)
    return l.release(op.sku, op.location, op.quantity)
  } catch (error) {
    return `threw: ${(error as Error).message}`
  }
}

describe('StockLedger', () => {
  it('answers and takes exactly as the reference ledger, pools and caps or none', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 12 }),
        fc.oneof(fc.constant([] as PoolRow[]), fc.array(poolArb, { maxLength: 6 })),
        fc.array(
          fc.tuple(fc.constantFrom(...CHANNELS), fc.constantFrom(...SKUS), fc.integer({ min: 0, max: 15 })),
          {
            maxLength: 4,
          },
        ),
        fc.array(opArb, { maxLength: 25 }),
        (rows, pools, open, ops) => {
          const openMap = new Map(open.map(([c, s, n]) => [`${c}\u0000${s}`, n]))
          const ledger = new StockLedger(rows, pools, openMap)
          const reference = new ReferenceLedger(rows, pools, openMap)
          expect(observe(ledger)).toEqual(observe(reference))
          for (const op of ops) {
            expect(apply(ledger, op)).toEqual(apply(reference, op))
            expect(observe(ledger)).toEqual(observe(reference))
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  it('visits, as the sku → location index routing starts from, every location a channel may take a sku at', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 12 }),
        fc.oneof(fc.constant([] as PoolRow[]), fc.array(poolArb, { maxLength: 6 })),
        fc.array(opArb, { maxLength: 25 }),
        (rows, pools, ops) => {
          const ledger = new StockLedger(rows, pools)
          const check = () => {
            for (const sku of [...SKUS, 'Z'])
              for (const ch of CHANNELS) {
                const listed = new Map<string, number>()
                ledger.forChannel(ch).eachHolding!(sku, (loc, units) => listed.set(loc, units))
                for (const loc of [...LOCS, 'l9']) {
                  const units = ledger.availableTo(ch, sku, loc)
                  if (units > 0) expect(listed.get(loc)).toBe(units)
                  if (listed.has(loc)) expect(listed.get(loc)).toBe(units)
                }
                // The same index as arrays, where the view gives them: the same locations and units.
                const h = ledger.forChannel(ch).holdings!(sku)
                if (h) expect(new Map(h.locations.map((k, i) => [h.ids[k]!, h.units[i]!]))).toEqual(listed)
                else expect(pools.some((p) => p.sku === sku)).toBe(true)
              }
          }
          check()
          for (const op of ops) {
            apply(ledger, op)
            check()
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('gives a sku without pools its shared stock at the location, to every channel', () => {
    const ledger = new StockLedger([
      { sku: 'A', location_id: 'l1', on_hand: 10, allocated: 2, reserved: 1, safety_stock: 1, protected: 0 },
      { sku: 'A', location_id: 'l2', on_hand: 4, allocated: 0, reserved: 0, safety_stock: 0, protected: 0 },
    ])
    expect(ledger.availableTo('web', 'A', 'l1')).toBe(6)
    expect(ledger.forChannel('web').available('A', 'l1')).toBe(6)
    expect(ledger.sharedTotal('A')).toBe(10)
    expect(ledger.takeFor('web', 'A', 'l1', 6)).toEqual([
      { sku: 'A', locationId: 'l1', quantity: 6, poolId: null, locationPool: false },
    ])
    expect(ledger.sharedTotal('A')).toBe(4)
    expect(() => ledger.takeFor('pos', 'A', 'l1', 1)).toThrow(/over-allocates/)
  })
})
