import { type Fraction, frac } from './money-math'

/** One price list in memory. A list with a customer is that customer's contract. */
export interface PriceListRecord {
  id: string
  name: string
  currency: string
  channel: string | null
  customerGroup: string | null
  customerId: string | null
  validFrom: number | null
  validTo: number | null
  priority: number
  /** Contracts: how far a price sent with an order may differ before the order is held. */
  toleranceMinor: number
  /** Decimal text, e.g. '0.5'. */
  tolerancePercent: string
  prices: ReadonlyMap<string, number>
}

export interface CostRecord {
  currency: string
  minor: number
}

export interface RateRecord {
  asOf: number
  rate: Fraction
  text: string
}

export interface RateFound {
  rate: Fraction
  /** How it was quoted: `NZD→JPY 96.12 as of 2026-11-01`, or the inverse of the reverse pair. */
  text: string
  asOf: number
}

export const validAt = (l: PriceListRecord, at: number) =>
  (l.validFrom === null || l.validFrom <= at) && (l.validTo === null || at < l.validTo)

/**
 * Everything prices are made of, held in memory (price lists and contracts, costs, exchange rates):
 * loaded once per pricing revision and shared read-only, so a quote touches no database.
 */
export class PriceBook {
  private readonly byId = new Map<string, PriceListRecord>()
  private readonly contractsOf = new Map<string, PriceListRecord[]>()
  private readonly general: PriceListRecord[]
  private readonly candidateCache = new Map<string, PriceListRecord[]>()
  private readonly rates = new Map<string, RateRecord[]>()

  constructor(
    readonly revision: number,
    lists: readonly PriceListRecord[],
    private readonly costs: ReadonlyMap<string, CostRecord>,
    rates: readonly { base: string; quote: string; asOf: number; rate: Fraction; text: string }[],
  ) {
    const ordered = [...lists].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1))
    for (const l of ordered) {
      this.byId.set(l.id, l)
      if (l.customerId) {
        const list = this.contractsOf.get(l.customerId) ?? []
        list.push(l)
        this.contractsOf.set(l.customerId, list)
      }
    }
    this.general = ordered.filter((l) => !l.customerId)
    for (const r of rates) {
      const key = `${r.base}>${r.quote}`
      const list = this.rates.get(key) ?? []
      list.push({ asOf: r.asOf, rate: r.rate, text: r.text })
      this.rates.set(key, list)
    }
    for (const list of this.rates.values()) list.sort((a, b) => a.asOf - b.asOf)
  }

  static empty(): PriceBook {
    return new PriceBook(0, [], new Map(), [])
  }

  list(id: string): PriceListRecord | undefined {
    return this.byId.get(id)
  }

  get listIds(): string[] {
    return [...this.byId.keys()]
  }

  hasContracts(customerId: string): boolean {
    return this.contractsOf.has(customerId)
  }

  /** The customer's contracts in force at `at` in `currency`, highest priority first. */
  contracts(customerId: string | null, currency: string, at: number): PriceListRecord[] {
    if (!customerId) return []
    const all = this.contractsOf.get(customerId)
    if (!all) return []
    return all.filter((l) => l.currency === currency && validAt(l, at))
  }

  /**
   * Lists that may price a quote for this channel and customer group, best first: lists in the
   * quote's currency before lists that need converting; then channel-and-group lists, channel
   * lists, group lists, lists for everyone; then higher priority; then id. Validity is checked per
   * use (it depends on the quote's time).
   */
  candidates(channel: string, group: string | null, currency: string): PriceListRecord[] {
    const key = `${channel}\u0000${group ?? ''}\u0000${currency}`
    let hit = this.candidateCache.get(key)
    if (!hit) {
      const specificity = (l: PriceListRecord) => (l.channel ? 2 : 0) + (l.customerGroup ? 1 : 0)
      hit = this.general
        .filter(
          (l) =>
            (l.channel === null || l.channel === channel) &&
            (l.customerGroup === null || l.customerGroup === group),
        )
        .map((l, i) => ({ l, i }))
        .sort(
          (a, b) =>
            Number(b.l.currency === currency) - Number(a.l.currency === currency) ||
            specificity(b.l) - specificity(a.l) ||
            a.i - b.i,
        )
        .map((x) => x.l)
      if (this.candidateCache.size > 10_000) this.candidateCache.clear()
      this.candidateCache.set(key, hit)
    }
    return hit
  }

  cost(sku: string): CostRecord | undefined {
    return this.costs.get(sku)
  }

  /**
   * Units of `to` per unit of `from` at `at`: the latest rate quoted as of then for the pair, or
   * the inverse of the reverse pair's. No cross rates through a third currency.
   */
  rate(from: string, to: string, at: number): RateFound | null {
    const direct = latest(this.rates.get(`${from}>${to}`), at)
    if (direct) return { rate: direct.rate, text: `${from}→${to} ${direct.text}`, asOf: direct.asOf }
    const reverse = latest(this.rates.get(`${to}>${from}`), at)
    if (reverse && reverse.rate.n > 0n)
      return {
        rate: frac(reverse.rate.d, reverse.rate.n),
        text: `${from}→${to} 1/${reverse.text} (${to}→${from})`,
        asOf: reverse.asOf,
      }
    return null
  }
}

function latest(list: RateRecord[] | undefined, at: number): RateRecord | undefined {
  if (!list) return undefined
  let lo = 0
  let hi = list.length - 1
  let found: RateRecord | undefined
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (list[mid]!.asOf <= at) {
      found = list[mid]
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
