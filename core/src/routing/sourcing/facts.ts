import { currencyExponent } from '../../catalog/money'
import type { Facts } from '../../rules/compile'
import type { RoutingLine, RoutingOrder } from '../router'
import { localTime } from './calendar'
import { type Candidate, locationFactReaders } from './candidates'
import type { SlotLayout } from './compiled-rule-set'
import { normalisePostcode } from './lanes'

/**
 * The fact records rules are evaluated against: the order's once per decision, each line's and
 * location's values beside them (`FactSlots` lays them out for line and location rules).
 */
export function orderFacts(
  order: RoutingOrder,
  lines: readonly RoutingLine[],
  serviceLevel: string,
  timezone: string,
): Record<string, unknown> {
  const scale = 10 ** currencyExponent(order.currency)
  const placed = localTime(order.placedAt.getTime(), timezone)
  let units = 0
  let grams = 0
  let hazmat = false
  let highValue = false
  const skus: string[] = []
  const categories: string[] = []
  const productTags: string[] = []
  for (const l of lines) {
    units += l.quantity
    grams += (l.product.weightGrams ?? 0) * l.quantity
    hazmat ||= l.product.hazmat
    highValue ||= l.product.highValue
    if (!skus.includes(l.sku)) skus.push(l.sku)
    if (l.product.category && !categories.includes(l.product.category)) categories.push(l.product.category)
    for (const t of l.product.tags) if (!productTags.includes(t)) productTags.push(t)
  }
  return {
    'order.channel': order.channelInstanceId,
    'order.customerTier': order.customer?.tier ?? null,
    'order.customerSegment': order.customer?.segment ?? null,
    'order.total': order.totalMinor / scale,
    'order.currency': order.currency,
    'order.serviceLevel': serviceLevel,
    'order.deliveryMethod': order.pickupLocationId === undefined ? 'ship' : 'pickup',
    'order.country': order.shipTo.country,
    'order.region': order.shipTo.region ?? null,
    'order.postcode': normalisePostcode(order.shipTo.postcode),
    'order.lineCount': lines.length,
    'order.unitCount': units,
    'order.tags': [...order.tags],
    'order.skus': skus,
    'order.categories': categories,
    'order.productTags': productTags,
    'order.hasHazmat': hazmat,
    'order.hasHighValue': highValue,
    'order.weightKg': grams / 1000,
    'order.placedHour': placed.hour,
    'order.placedWeekday': placed.weekday,
  }
}

/** A line's own facts (line.*). */
export function lineValues(line: RoutingLine, currency: string): Record<string, unknown> {
  const f: Record<string, unknown> = {}
  const scale = 10 ** currencyExponent(currency)
  f['line.sku'] = line.sku
  f['line.quantity'] = line.quantity
  f['line.category'] = line.product.category
  f['line.tags'] = line.product.tags
  f['line.hazmat'] = line.product.hazmat
  f['line.isKit'] = line.product.components !== undefined
  f['line.highValue'] = line.product.highValue
  f['line.weightKg'] =
    line.product.weightGrams === null ? null : (line.product.weightGrams * line.quantity) / 1000
  f['line.value'] = ((line.unitPriceMinor ?? 0) * line.quantity - (line.discountMinor ?? 0)) / scale
  return f
}

export interface LocationFactValues {
  'location.id': string
  'location.type': string
  'location.tags': string[]
  'location.country': string
  'location.distanceKm': number
  'location.transitDays': number
  'location.shippingCost': number
  'location.capacityLeft': number | null
  'location.fillShare': number
  'location.priority': number
  'location.acceptsPickup': boolean
}

/** The flat record json-rules-engine would receive for the same evaluation (own and inherited keys). */
export function flatten(facts: Facts): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k in facts) out[k] = facts[k]
  return out
}

/**
 * The fact slots line and location rules are tested against: the order's facts laid in once, then
 * each line's and location's written over their own slots, so testing a rule per line and location
 * allocates nothing. A record by name is built only to explain a rule that acted.
 */
export class FactSlots {
  readonly values: unknown[]
  /** The location facts' slots, and how to read each from a candidate (null: the line's stock there). */
  private readonly locationSlots: number[]
  private readonly readers: (((c: Candidate) => unknown) | null)[]

  constructor(
    private readonly layout: SlotLayout,
    orderFacts: Record<string, unknown>,
  ) {
    this.values = new Array(layout.size)
    for (const [i, f] of layout.order) this.values[i] = orderFacts[f]
    this.locationSlots = layout.location.map(([i]) => i)
    this.readers = layout.location.map(([, f]) =>
      f === 'location.stockForLine'
        ? null
        : (locationFactReaders[f as keyof LocationFactValues] ?? (() => undefined)),
    )
  }

  setLine(lineFacts: Record<string, unknown>): void {
    for (const [i, f] of this.layout.line) this.values[i] = lineFacts[f]
  }

  /** `stockForLine` is the units of the line being evaluated there; undefined for location rules. */
  setLocation(c: Candidate, stockForLine: number | undefined): void {
    // Indexed, not for-of over pairs: called once per candidate, ten thousand times a decision.
    for (let k = 0; k < this.readers.length; k++) {
      const read = this.readers[k]!
      this.values[this.locationSlots[k]!] = read === null ? stockForLine : read(c)
    }
  }

  /** The facts the slots hold now, by name. */
  snapshot(): Facts {
    const f: Record<string, unknown> = {}
    for (const [i, name] of this.layout.order) f[name] = this.values[i]
    for (const [i, name] of this.layout.line) f[name] = this.values[i]
    for (const [i, name] of this.layout.location) f[name] = this.values[i]
    return f
  }
}
