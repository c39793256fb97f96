import type { LocationFacts } from '../catalog/facts'
import type { ReadPart } from '../db/sql/read-together'
import type { SqlRunner } from '../db/sql/sql-db'
import { ConflictError } from '../errors'
import type { CapacityView } from './router'
import { localTime } from './sourcing/calendar'

/** One location's orders on one local day, as `location_day_load` holds it. */
export interface CapacityRow {
  location_id: string
  day: string
  orders: number
}

const key = (locationId: string, day: string) => `${locationId}\u0000${day}`

/**
 * Orders taken per location per local day, as read (and, on PostgreSQL, locked) at the start of
 * an intake transaction, plus what this batch has taken so far.
 */
export class CapacityLedger implements CapacityView {
  private readonly base = new Map<string, number>()
  private readonly added = new Map<string, { locationId: string; day: string; count: number }>()

  constructor(rows: readonly CapacityRow[] = []) {
    for (const r of rows) this.base.set(key(r.location_id, r.day), Number(r.orders))
  }

  used(locationId: string, day: string): number {
    const k = key(locationId, day)
    return (this.base.get(k) ?? 0) + (this.added.get(k)?.count ?? 0)
  }

  /** One more order for this location today (its local day). */
  take(location: LocationFacts, now: number): void {
    if (location.dailyCapacity === null) return
    const day = localTime(now, location.timezone).date
    const k = key(location.id, day)
    const a = this.added.get(k)
    if (a) a.count++
    else this.added.set(k, { locationId: location.id, day, count: 1 })
  }

  increments(): { locationId: string; day: string; count: number }[] {
    return [...this.added.values()].sort((a, b) =>
      a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0,
    )
  }
}

/** Reads today's counters of the capacity-limited locations, locking them on PostgreSQL. */
export async function readCapacityForUpdate(
  tx: SqlRunner,
  locations: readonly LocationFacts[],
  now: number,
  options: { lock?: boolean } = {},
): Promise<CapacityLedger> {
  const limited = locations.filter((l) => l.dailyCapacity !== null)
  if (limited.length === 0) return new CapacityLedger()
  const pairs = limited
    .map((l) => [l.id, localTime(now, l.timezone).date] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  const days = [...new Set(pairs.map((p) => p[1]))]
  const ids = pairs.map((p) => p[0])
  const lock = tx.dialect === 'postgresql' && options.lock !== false ? ' for update' : ''
  const rows = await tx.all<{ location_id: string; day: string; orders: number }>(
    `select location_id, day, orders from location_day_load
      where day in (${days.map(() => '?').join(',')}) and location_id in (${ids.map(() => '?').join(',')})
      order by location_id, day${lock}`,
    [...days, ...ids],
  )
  return new CapacityLedger(rows)
}

/**
 * PostgreSQL: today's counters of the capacity-limited locations, unlocked, as one part of a
 * combined read (`readTogether`); undefined when no location has a limit.
 */
export function unlockedCapacityRead(locations: readonly LocationFacts[], now: number): ReadPart | undefined {
  const limited = locations.filter((l) => l.dailyCapacity !== null)
  if (limited.length === 0) return undefined
  return {
    sql: `select location_id, day, orders from location_day_load l
            join unnest(?::text[], ?::text[]) as k(id, d) on l.location_id = k.id and l.day = k.d`,
    params: [limited.map((l) => l.id), limited.map((l) => localTime(now, l.timezone).date)],
  }
}

/** Each location's daily capacity by id (null: unlimited), as `writeCapacity` takes them. */
export function capacitiesOf(locations: readonly LocationFacts[]): Map<string, number | null> {
  return new Map(locations.map((l) => [l.id, l.dailyCapacity]))
}

/**
 * Adds the batch's orders to the counters. The database re-checks the limit itself, so two hub
 * processes can never push a location past its capacity; a refusal rolls the batch back to retry.
 */
export async function writeCapacity(
  tx: SqlRunner,
  ledger: CapacityLedger,
  capacities: ReadonlyMap<string, number | null>,
  now: number,
): Promise<void> {
  for (const inc of ledger.increments()) {
    const cap = capacities.get(inc.locationId)
    if (cap === null || cap === undefined) continue
    const changed = await tx.run(
      `insert into location_day_load (location_id, day, orders, updated_at) values (?, ?, ?, ?)
       on conflict (location_id, day) do update set orders = location_day_load.orders + excluded.orders,
         updated_at = excluded.updated_at
       where location_day_load.orders + excluded.orders <= ?`,
      [inc.locationId, inc.day, inc.count, now, cap],
    )
    if (changed !== 1 || inc.count > cap)
      throw new ConflictError(`location ${inc.locationId} reached its daily capacity`, 'CAPACITY_CONFLICT', {
        locationId: inc.locationId,
        day: inc.day,
      })
  }
}
