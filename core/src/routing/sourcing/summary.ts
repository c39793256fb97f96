import { fromMinorUnits } from '../../catalog/money'
import type { ConditionReason, RoutingLine, RoutingPlan, Shipment } from '../router'
import type { LaneQuote } from './lanes'

interface SummaryInput {
  hold: { reason: string; rule: string; conditions: ConditionReason[] } | undefined
  lines: readonly RoutingLine[]
  candidates: readonly { location: { id: string; name: string }; index: number; quote: LaneQuote }[]
  /** The best other location that could have shipped everything (lowest cost, then candidate order). */
  runner: SummaryInput['candidates'][number] | undefined
  /** Excluded locations holding stock: the first three as "Name (rule)", and how many in all. */
  excluded: { shown: readonly string[]; count: number }
  shipments: readonly Shipment[]
  unfilled: RoutingPlan['unfilled']
  chosen: { strategy: { id: string; label: string }; totals: ArrayLike<number> } | null
  stockOf: readonly (readonly number[])[]
  serviceLevel: string
  requestedServiceLevel: string
  promiseDate: string | null
  unfillable: RoutingPlan['unfillable']
  currency: string
  /** Who set the split policy, when a rule did or shipments already sent limit it. */
  splitNote?: string | null
  /** Some unfilled quantity sits at a location the strategy may use, but not within the split policy. */
  heldBack?: boolean
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`
const list = (xs: string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * A calendar date as a person reads it ("Mon 7 Dec 2026"), not ISO. Fixed English, not a locale:
 * the summary is written once on the hub and stored, whoever reads it later.
 */
export function readableDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return `${weekdays[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

/** The one-paragraph, plain-language account of a decision. */
export function summarise(x: SummaryInput): string {
  const parts: string[] = []
  const nameOf = (id: string) => x.candidates.find((c) => c.location.id === id)?.location.name ?? id
  if (x.hold) {
    const why = x.hold.conditions
      .slice(0, 2)
      .map((c) => `${c.fact} is ${JSON.stringify(c.factValue)}`)
      .join(', ')
    return `Held for review: ${x.hold.reason} (rule ${x.hold.rule}${why ? `, because ${why}` : ''}).`
  }
  if (x.serviceLevel !== x.requestedServiceLevel)
    parts.push(`Service level changed from ${x.requestedServiceLevel} to ${x.serviceLevel} by a rule.`)
  if (x.shipments.length === 1 && x.chosen) {
    const s = x.shipments[0]!
    const chosen = x.candidates.find((c) => c.location.id === s.locationId)!
    const everything = x.unfilled.length === 0 ? 'every line' : 'what could be filled'
    const { runner } = x
    let why = ''
    if (!runner) why = x.unfilled.length === 0 ? ', the only eligible location holding every line' : ''
    else {
      const dd = runner.quote.transitDays - chosen.quote.transitDays
      const dc = chosen.quote.costMinor - runner.quote.costMinor
      const money = `${x.currency === chosen.quote.currency ? chosen.quote.currency : chosen.quote.currency} ${fromMinorUnits(Math.abs(dc), chosen.quote.currency)}`
      let reason: string
      if (dd > 0 && dc > 0) reason = `being ${days(dd)} faster at ${money} more`
      else if (dd > 0 && dc < 0) reason = `being ${days(dd)} faster and ${money} cheaper`
      else if (dd > 0) reason = `being ${days(dd)} faster at the same cost`
      else if (dd === 0 && dc < 0) reason = `being ${money} cheaper at the same speed`
      else if (dd < 0 && dc < 0) reason = `being ${money} cheaper though ${days(-dd)} slower`
      else reason = 'ranking better on distance, stock depth, capacity and priority'
      why = ` over ${runner.location.name} for ${reason}`
    }
    parts.push(`${chosen.location.name} ships ${everything} (strategy '${x.chosen.strategy.label}')${why}.`)
  } else if (x.shipments.length > 1) {
    const names = x.shipments.map((s) => nameOf(s.locationId))
    const skus = [...new Set(x.lines.map((l) => l.sku))]
    const reason =
      x.lines.length === 1
        ? `no single eligible location held ${x.lines[0]!.quantity} × ${x.lines[0]!.sku}`
        : skus.length === 2
          ? `no single eligible location held both ${skus[0]} and ${skus[1]}`
          : `no single eligible location held all of ${list(skus)}`
    parts.push(
      `Split across ${list(names)} because ${reason}${x.chosen ? ` (strategy '${x.chosen.strategy.label}')` : ''}.`,
    )
  }
  if (x.splitNote) parts.push(x.splitNote)
  // Only locations that could have shipped something: one without stock says nothing of the rules.
  if (x.excluded.count > 0) {
    parts.push(
      `Excluded: ${x.excluded.shown.join(', ')}${x.excluded.count > 3 ? ` and ${x.excluded.count - 3} more` : ''}.`,
    )
  }
  if (x.unfilled.length > 0) {
    const missing = x.unfilled.map((u) => `${u.quantity} × ${u.sku}`).join(', ')
    const anyStock = x.unfilled.some((u) => {
      const li = x.lines.findIndex((l) => l.lineId === u.lineId)
      return li >= 0 && x.stockOf[li]!.some((q) => q > 0)
    })
    parts.push(
      `Backordered ${missing}: ${
        x.heldBack
          ? 'the eligible stock is at locations the split policy (or a ship-together group) does not allow as another shipment'
          : anyStock
            ? 'no eligible location has the stock'
            : 'no location has the stock'
      }${
        x.unfillable?.action === 'cancelAfter'
          ? `; cancel after ${x.unfillable.cancelAfter} if still unfilled`
          : ''
      }.`,
    )
  }
  if (x.shipments.length > 0) {
    const first = readableDate(x.shipments.map((s) => s.shipDate).sort()[0]!)
    parts.push(
      x.promiseDate
        ? `Ships ${first}; promised by ${readableDate(x.promiseDate)}${x.shipments.some((s) => s.estimated) ? ' (transit estimated from distance)' : ''}.`
        : `First shipment leaves ${first}.`,
    )
  }
  if (x.lines.length === 0) parts.push('The order has no lines.')
  return parts.join(' ')
}
