import { type KitBoms, type KitPart, kitsAt, NO_KITS } from '../catalog/kits/kit-boms'
import type { RowOf } from '../db/row-of'
import type { Holdings, StockView } from '../routing/router'
import type { ChannelPoolSchema } from './channel-pool.entity'
import type { InventoryLevelSchema } from './inventory-level.entity'
import { LocationNumbering, SkuStock } from './sku-stock'

export type StockRow = Pick<
  RowOf<typeof InventoryLevelSchema>,
  'sku' | 'location_id' | 'on_hand' | 'allocated' | 'reserved' | 'safety_stock' | 'protected'
>

/** A channel pool as the ledger sees it (see pools.ts). */
export type PoolRow = Omit<RowOf<typeof ChannelPoolSchema>, 'protected_qty' | 'created_at' | 'updated_at'>

/** What one take drew from: a channel's pools first, then shared stock. */
export interface Take {
  sku: string
  locationId: string
  quantity: number
  /** Set when these units came out of a pool. */
  poolId: string | null
  /** True when the pool is a location pool (its units are counted in inventory_level.protected). */
  locationPool: boolean
}

const NO_POOLS: readonly PoolRow[] = []

/**
 * Available-to-promise for the rows read (and locked) at the start of a transaction. Orders planned
 * in the same batch take from it in turn, so the batch can never promise the same unit twice.
 *
 * Channel pools: a location pool protects units at one location for one channel (other channels
 * see the location's stock without them); a network-wide pool protects units anywhere (other
 * channels' total across locations is cut by it). The owner takes from its pools first and, if
 * the pool may borrow, from shared stock after. Caps limit what a channel may take of shared
 * stock: at most `cap_units` in open allocations, at most `cap_percent` of the shared total.
 */
export class StockLedger implements StockView {
  private readonly free = new Map<string, SkuStock>()
  private readonly numbering = new LocationNumbering()
  /** A sku without rows: held nowhere. */
  private readonly nowhere = new SkuStock(this.numbering)
  /** Pools by sku: a sku without pools (the usual case) is plain shared stock for everyone. */
  private readonly pools = new Map<string, PoolRow[]>()
  private readonly openByChannel: Map<string, number>

  constructor(
    rows: readonly StockRow[],
    pools: readonly PoolRow[] = [],
    /** Open (allocated or released) units per `channel\0sku`, for caps. */
    openByChannel: ReadonlyMap<string, number> = new Map(),
    /**
     * Bills of materials of the kits routed against these rows (their components' rows read with
     * the rest). A kit's stock anywhere is the fewest kits its components make there.
     */
    private readonly kits: KitBoms = NO_KITS,
  ) {
    for (const r of rows) {
      const free = Math.max(0, r.on_hand - r.allocated - r.reserved - r.safety_stock - (r.protected ?? 0))
      this.stockOf(r.sku).set(r.location_id, free)
    }
    for (const p of pools) {
      const list = this.pools.get(p.sku)
      if (list) list.push({ ...p })
      else this.pools.set(p.sku, [{ ...p }])
    }
    this.openByChannel = new Map(openByChannel)
  }

  private stockOf(sku: string): SkuStock {
    let s = this.free.get(sku)
    if (!s) {
      s = new SkuStock(this.numbering)
      this.free.set(sku, s)
    }
    return s
  }

  /** Shared stock at a location: what anyone may take. */
  available(sku: string, locationId: string): number {
    const parts = this.kits.get(sku)
    if (parts) return kitsAt(parts, (c) => this.available(c, locationId))
    return this.free.get(sku)?.get(locationId) ?? 0
  }

  /** Where a kit can be made: every location holding a row of each of its components. */
  private kitLocations(parts: readonly KitPart[]): string[] {
    const [first, ...rest] = parts
    if (!first) return []
    const out: string[] = []
    this.free.get(first.sku)?.forEach((_units, locationId) => {
      if (rest.every((p) => this.free.get(p.sku)?.has(locationId))) out.push(locationId)
    })
    return out
  }

  /** True when `sku` is a kit these rows were read for. */
  isKit(sku: string): boolean {
    return this.kits.has(sku)
  }

  /**
   * The sku → location index routing starts from: every location a row of this sku was read for
   * (its shared stock, location pools and reservations all live on that row) with its shared
   * stock, so a location not visited has none of it.
   */
  eachHolding(sku: string, visit: (locationId: string, units: number) => void): void {
    const parts = this.kits.get(sku)
    if (parts) {
      for (const locationId of this.kitLocations(parts)) visit(locationId, this.available(sku, locationId))
      return
    }
    this.free.get(sku)?.forEach((units, locationId) => {
      visit(locationId, units)
    })
  }

  holdings(sku: string): Holdings | undefined {
    return this.holdingsFor(null, sku)
  }

  /**
   * The same index as arrays (`Holdings`), for what `channel` may take: only where that is the
   * shared stock itself (no pools of the sku, not a kit); undefined elsewhere (`eachHoldingFor`).
   */
  holdingsFor(channel: string | null, sku: string): Holdings | undefined {
    if (this.kits.has(sku) || (channel !== null && this.pools.has(sku))) return undefined
    return this.free.get(sku) ?? this.nowhere
  }

  /**
   * As `eachHolding`, with what `channel` may take at each (`availableTo`): also where it has a
   * location pool of the sku, whose units are that channel's alone.
   */
  eachHoldingFor(channel: string, sku: string, visit: (locationId: string, units: number) => void): void {
    const parts = this.kits.get(sku)
    if (parts) {
      for (const locationId of this.kitLocations(parts))
        visit(locationId, this.availableTo(channel, sku, locationId))
      return
    }
    const pools = this.pools.get(sku)
    if (!pools) {
      this.eachHolding(sku, visit)
      return
    }
    const seen = new Set<string>()
    const at = (locationId: string) => {
      if (seen.has(locationId)) return
      seen.add(locationId)
      visit(locationId, this.availableTo(channel, sku, locationId))
    }
    this.free.get(sku)?.forEach((_units, locationId) => {
      at(locationId)
    })
    for (const p of pools) if (p.location_id !== null && p.channel_instance_id === channel) at(p.location_id)
  }

  /** Shared units of a sku across all locations. */
  sharedTotal(sku: string): number {
    const parts = this.kits.get(sku)
    if (parts) return this.kitLocations(parts).reduce((n, l) => n + this.available(sku, l), 0)
    return this.free.get(sku)?.total ?? 0
  }

  /** Stock as one channel may see it: its own pools on top, others' pools and its caps taken off. */
  forChannel(channel: string): StockView {
    return new ChannelStock(this, channel)
  }

  availableTo(channel: string, sku: string, locationId: string): number {
    const parts = this.kits.get(sku)
    // A kit takes its components from shared stock, within the channel's caps and never from
    // what other channels' pools protect; the channel's own pools of a component stay for the component.
    if (parts) return kitsAt(parts, (c) => this.sharedTo(channel, c, locationId))
    const pools = this.pools.get(sku)
    // No pools and no caps: shared stock here, which never exceeds the sku's shared total.
    if (!pools) return this.available(sku, locationId)
    const own = pools.filter((p) => p.channel_instance_id === channel)
    const ownHere = own.filter((p) => p.location_id === locationId).reduce((n, p) => n + p.remaining, 0)
    const ownNetwork = own.filter((p) => p.location_id === null).reduce((n, p) => n + p.remaining, 0)
    const shared = this.available(sku, locationId)
    const borrows = own.length === 0 || own.some((p) => Boolean(p.may_borrow))
    // Network-protected units sit inside some location's shared stock: the owner can use them there.
    const fromShared = borrows
      ? this.sharedAllowance(channel, sku, pools)
      : Math.min(ownNetwork, this.sharedAllowance(channel, sku, pools, true))
    return ownHere + Math.min(shared, fromShared)
  }

  /** Shared units of a component at a location that `channel` may take for a kit. */
  private sharedTo(channel: string, sku: string, locationId: string): number {
    const pools = this.pools.get(sku)
    const shared = this.available(sku, locationId)
    return pools ? Math.min(shared, this.sharedAllowance(channel, sku, pools)) : shared
  }

  /** How much of a sku's shared stock `channel` may still take, across all locations. */
  private sharedAllowance(
    channel: string,
    sku: string,
    pools: readonly PoolRow[],
    ownNetworkOnly = false,
  ): number {
    const total = this.sharedTotal(sku)
    let allowance = total
    for (const p of pools) {
      if (p.location_id !== null) continue
      if (p.channel_instance_id !== channel) allowance -= p.remaining
    }
    if (ownNetworkOnly)
      allowance = Math.min(
        allowance,
        pools
          .filter((p) => p.location_id === null && p.channel_instance_id === channel)
          .reduce((n, p) => n + p.remaining, 0),
      )
    for (const p of pools) {
      if (p.channel_instance_id !== channel) continue
      if (p.cap_units !== null)
        allowance = Math.min(allowance, p.cap_units - (this.openByChannel.get(`${channel}\u0000${sku}`) ?? 0))
      if (p.cap_percent !== null) allowance = Math.min(allowance, Math.floor((total * p.cap_percent) / 100))
    }
    return Math.max(0, allowance)
  }

  /** Units come back to shared stock in this batch (a reservation turned into an order). */
  release(sku: string, locationId: string, quantity: number): void {
    const parts = this.kits.get(sku)
    if (parts) {
      for (const p of parts) this.release(p.sku, locationId, quantity * p.quantity)
      return
    }
    const s = this.stockOf(sku)
    s.set(locationId, (s.get(locationId) ?? 0) + quantity)
  }

  /** Shared take, for callers that are not channel-aware. */
  take(sku: string, locationId: string, quantity: number): void {
    const parts = this.kits.get(sku)
    if (parts) {
      if (quantity > this.available(sku, locationId))
        throw new Error(`plan over-allocates kit ${sku} at ${locationId}`)
      for (const p of parts) this.take(p.sku, locationId, quantity * p.quantity)
      return
    }
    const s = this.stockOf(sku)
    const left = (s.get(locationId) ?? 0) - quantity
    if (left < 0) throw new Error(`plan over-allocates ${sku} at ${locationId}`)
    s.set(locationId, left)
  }

  /**
   * Takes `quantity` for `channel`: its location pool here first, then its network pool, then
   * shared stock. Returns what each part came from, so cancellations can give pool units back.
   */
  takeFor(channel: string, sku: string, locationId: string, quantity: number): Take[] {
    if (quantity > this.availableTo(channel, sku, locationId)) {
      throw new Error(`plan over-allocates ${sku} at ${locationId} for ${channel}`)
    }
    const parts = this.kits.get(sku)
    if (parts) {
      // One take of the kit: its components leave shared stock, and count against the channel's caps.
      for (const p of parts) {
        this.take(p.sku, locationId, quantity * p.quantity)
        const key = `${channel}\u0000${p.sku}`
        this.openByChannel.set(key, (this.openByChannel.get(key) ?? 0) + quantity * p.quantity)
      }
      return [{ sku, locationId, quantity, poolId: null, locationPool: false }]
    }
    const takes: Take[] = []
    let left = quantity
    const own = (this.pools.get(sku) ?? NO_POOLS).filter((p) => p.channel_instance_id === channel)
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

/** One channel's view of the ledger, for routing (an object, not a closure made per order). */
class ChannelStock implements StockView {
  constructor(
    private readonly ledger: StockLedger,
    private readonly channel: string,
  ) {}

  available(sku: string, locationId: string): number {
    return this.ledger.availableTo(this.channel, sku, locationId)
  }

  eachHolding(sku: string, visit: (locationId: string, units: number) => void): void {
    this.ledger.eachHoldingFor(this.channel, sku, visit)
  }

  holdings(sku: string): Holdings | undefined {
    return this.ledger.holdingsFor(this.channel, sku)
  }
}
