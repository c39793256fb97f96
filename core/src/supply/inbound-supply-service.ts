import type { CatalogCache } from '../catalog/catalog-cache'
import type { SqlDb } from '../db/sql/sql-db'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { uuidv7 } from '../ids'
import { applyAdjustmentRows } from '../inventory/inventory-service'
import type { IntegrationDirectory } from '../outbox/topics'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import type { InboundStatus } from './inbound-supply.entity'
import {
  cancelSupply,
  eventSeen,
  type InboundSupplyView,
  insertSupply,
  listSupplies,
  readByReference,
  readSupply,
  recordReceipt,
  rescheduleSupply,
  toView,
} from './inbound-supply-store'
import { refreshPromises } from './supply-promises'

export interface ExpectedSupply {
  sku: string
  locationId: string
  quantity: number
  /** YYYY-MM-DD, the location's local day it is expected. */
  expectedDate: string
  /** `api`, or the plugin instance that reported it. */
  source: string
  /** The sender's reference (PO or ASN number): reporting it again updates the same supply. */
  externalRef?: string | null
}

export interface InboundSupplyDeps {
  db: SqlDb
  catalog: CatalogCache
  directory: IntegrationDirectory
  /** Routes backorders again once received units are on hand (RerouteService.routeBackorders). */
  afterStockChange: (skus: readonly string[]) => Promise<void>
  clock?: () => number
}

/**
 * Purchase orders and inbound shipments expected at locations (issue 20): recorded, rescheduled
 * and received. Every change re-promises the backorders of its sku (`refreshPromises`), so a delay
 * moves the dates it carried and their channels hear them; a receipt puts the units on hand in the
 * same transaction, then backorders route again in order of placement.
 */
export class InboundSupplyService {
  private readonly now: () => number
  constructor(private readonly deps: InboundSupplyDeps) {
    this.now = deps.clock ?? Date.now
  }

  /** Records expected supply; the same source and reference again updates it (date, quantity). */
  async expect(input: ExpectedSupply): Promise<{ supply: InboundSupplyView; created: boolean }> {
    await this.checkReferences(input.sku, input.locationId)
    const now = this.now()
    const result = await this.deps.db.transaction(async (tx) => {
      const known = input.externalRef ? await readByReference(tx, input.source, input.externalRef) : undefined
      if (known) {
        if (known.sku !== input.sku || known.location_id !== input.locationId)
          throw new ConflictError(
            `inbound supply '${input.externalRef}' from ${input.source} is for ${known.sku} at ${known.location_id}`,
          )
        const change = { expectedDate: input.expectedDate, quantityExpected: input.quantity }
        if (known.status === 'open' && !(await rescheduleSupply(tx, known.id, change, now)))
          throw new ValidationError('less than already received', [
            { field: 'quantity', message: `${known.quantity_received} units were received already` },
          ])
        return { id: known.id, created: false }
      }
      const id = uuidv7(now)
      await insertSupply(tx, {
        id,
        sku: input.sku,
        location_id: input.locationId,
        quantity_expected: input.quantity,
        quantity_received: 0,
        expected_date: input.expectedDate,
        status: 'open',
        source: input.source,
        external_ref: input.externalRef ?? null,
        created_at: now,
        updated_at: now,
      })
      return { id, created: true }
    })
    const supply = await this.get(result.id)
    await this.promise([input.sku], `inbound supply ${label(supply)} expected ${supply.expectedDate}`)
    return { supply, created: result.created }
  }

  /** A new expected date (a delay or an earlier arrival); the promises it carries move with it. */
  async reschedule(id: string, expectedDate: string): Promise<InboundSupplyView> {
    const before = await this.get(id)
    const now = this.now()
    const moved = await this.deps.db.transaction((tx) =>
      rescheduleSupply(tx, id, { expectedDate, quantityExpected: before.quantityExpected }, now),
    )
    if (!moved) throw closed(before)
    const supply = await this.get(id)
    await this.promise(
      [supply.sku],
      `inbound supply ${label(supply)} moved from ${before.expectedDate} to ${expectedDate}`,
    )
    return supply
  }

  /**
   * The supply will not come (the PO was cancelled): what it still brought no longer promises
   * anything, and the orders it carried are promised from what is left, or not at all, and told.
   */
  async cancel(id: string): Promise<InboundSupplyView> {
    const before = await this.get(id)
    const now = this.now()
    if (!(await this.deps.db.transaction((tx) => cancelSupply(tx, id, now)))) throw closed(before)
    const supply = await this.get(id)
    await this.promise([supply.sku], `inbound supply ${label(supply)} was cancelled`)
    return supply
  }

  /**
   * Units of the supply arrived at its location: on hand in the same transaction (once per
   * `eventId`, so a redelivered receipt adds nothing), then backorders route again, first come
   * first served, and what is still waiting is promised again.
   */
  async receive(id: string, quantity: number, eventId?: string): Promise<InboundSupplyView> {
    const now = this.now()
    const applied = await this.deps.db.transaction(async (tx) => {
      // Unlocked: the stock row is locked first (as intake does: stock rows, then supply rows), and
      // the receipt's conditional update checks the supply again.
      const row = await readSupply(tx, id)
      if (!row) throw new NotFoundError('inbound supply', id, 'INBOUND_SUPPLY_NOT_FOUND')
      // A redelivered receipt is answered with the supply as it stands, even once it closed.
      if (eventId && (await eventSeen(tx, `inbound:${id}`, eventId))) return false
      if (row.status !== 'open') throw closed(toView(row))
      const tooMuch = (left: number) =>
        new ValidationError(
          'receives too much',
          [{ field: 'quantity', message: `only ${left} units are still expected` }],
          'RECEIVE_TOO_MUCH',
        )
      if (quantity > Number(row.quantity_expected) - Number(row.quantity_received))
        throw tooMuch(Number(row.quantity_expected) - Number(row.quantity_received))
      const movement = {
        eventId: eventId ?? uuidv7(now),
        sku: row.sku,
        locationId: row.location_id,
        delta: quantity,
      }
      const { duplicate } = await applyAdjustmentRows(tx, `inbound:${id}`, [movement], now)
      if (duplicate > 0) return false
      if (!(await recordReceipt(tx, id, quantity, now))) {
        // Another receipt or a change came first: say what the supply is now.
        const current = (await readSupply(tx, id))!
        if (current.status !== 'open') throw closed(toView(current))
        throw tooMuch(Number(current.quantity_expected) - Number(current.quantity_received))
      }
      return true
    })
    const supply = await this.get(id)
    if (applied) {
      await this.deps.afterStockChange([supply.sku])
      await this.promise([supply.sku], `inbound supply ${label(supply)} received ${quantity}`)
    }
    return supply
  }

  async get(id: string): Promise<InboundSupplyView> {
    const row = await readSupply(this.deps.db, id)
    if (!row) throw new NotFoundError('inbound supply', id, 'INBOUND_SUPPLY_NOT_FOUND')
    return toView(row)
  }

  /** The supply a sender reported under its reference, if any. */
  async byReference(source: string, externalRef: string): Promise<InboundSupplyView | undefined> {
    const row = await readByReference(this.deps.db, source, externalRef)
    return row && toView(row)
  }

  async list(filter: {
    sku?: string
    locationId?: string
    status?: InboundStatus
    cursor?: string
    limit?: number
  }): Promise<Page<InboundSupplyView>> {
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000)
    const after = decodeCursor(filter.cursor)
    const rows = await listSupplies(this.deps.db, {
      ...(filter.sku ? { sku: filter.sku } : {}),
      ...(filter.locationId ? { locationId: filter.locationId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(after ? { after } : {}),
      limit: limit + 1,
    })
    const items = rows.slice(0, limit).map(toView)
    return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!.id) : null }
  }

  /** Re-promises the backorders of these skus; a failure never undoes the supply's change. */
  private async promise(skus: readonly string[], reason: string): Promise<void> {
    try {
      await refreshPromises(this.deps.db, this.deps.directory, skus, this.now(), reason)
    } catch (error) {
      process.emitWarning(`promising backorders from inbound supply failed: ${(error as Error).message}`)
    }
  }

  private async checkReferences(sku: string, locationId: string): Promise<void> {
    const { found } = await this.deps.catalog.products([sku])
    const product = found.get(sku)
    const issues = []
    if (!product) issues.push({ field: 'sku', message: `no product '${sku}'` })
    else if (product.components)
      issues.push({ field: 'sku', message: `${sku} is a kit: supply its components instead` })
    const location = await this.deps.db.one<{ id: string }>('select id from location where id = ?', [
      locationId,
    ])
    if (!location) issues.push({ field: 'locationId', message: `no location '${locationId}'` })
    if (issues.length > 0) throw new ValidationError('unknown references', issues, 'UNKNOWN_REFERENCE')
  }
}

const label = (s: InboundSupplyView) => s.externalRef ?? s.id

const closed = (s: InboundSupplyView) =>
  new ConflictError(`inbound supply '${label(s)}' is ${s.status}`, 'INBOUND_SUPPLY_CLOSED')
