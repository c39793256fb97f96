import type { Holdings } from '../routing/router'

/**
 * The locations a ledger has rows for, numbered in the order first seen: the sku → location index
 * names locations by these numbers, so routing reads it as arrays and translates a number to a
 * place in its location list through a table kept per ledger, not a lookup by id per holding.
 */
export class LocationNumbering {
  readonly ids: string[] = []
  private readonly numbers = new Map<string, number>()

  numberOf(locationId: string): number {
    let k = this.numbers.get(locationId)
    if (k === undefined) {
      k = this.ids.length
      this.ids.push(locationId)
      this.numbers.set(locationId, k)
    }
    return k
  }
}

/**
 * One sku's shared stock by location, with its total kept alongside (routing asks for it often):
 * an entry per location a row was read for, in the order first seen, as parallel arrays (`Holdings`).
 */
export class SkuStock implements Holdings {
  total = 0
  readonly locations: number[] = []
  readonly units: number[] = []
  /** Each location's entry in the arrays. */
  private readonly entry = new Map<string, number>()

  constructor(private readonly numbering: LocationNumbering) {}

  get ids(): readonly string[] {
    return this.numbering.ids
  }

  get(locationId: string): number | undefined {
    const k = this.entry.get(locationId)
    return k === undefined ? undefined : this.units[k]
  }

  has(locationId: string): boolean {
    return this.entry.has(locationId)
  }

  /** The units at a location now (the total follows). */
  set(locationId: string, units: number): void {
    const k = this.entry.get(locationId)
    if (k === undefined) {
      this.entry.set(locationId, this.units.length)
      this.locations.push(this.numbering.numberOf(locationId))
      this.units.push(units)
      this.total += units
      return
    }
    this.total += units - this.units[k]!
    this.units[k] = units
  }

  /** Each location with its units, in the order first seen. */
  forEach(visit: (units: number, locationId: string) => void): void {
    const { ids } = this.numbering
    for (let k = 0; k < this.units.length; k++) visit(this.units[k]!, ids[this.locations[k]!]!)
  }
}
