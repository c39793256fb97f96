import { currencyExponent } from '../catalog/money'

/**
 * Exact price arithmetic in integer minor units. Every operation that can leave a fraction of a
 * minor unit says how it rounds:
 * - percentages, conversions and volume-break percentages round half to even (banker's rounding);
 * - the margin floor rounds up (a floor must never let a price under it);
 * - price endings round up, down or to the nearest ending, as the rule says.
 * Nothing goes through a float: percentages and rates are decimals turned into BigInt fractions.
 */

/**
 * An exact non-negative fraction n/d (d > 0), with the same numerator and denominator as plain
 * numbers where they are exact (the arithmetic takes an integer fast path while the products stay
 * under 2^53, and BigInt beyond).
 */
export interface Fraction {
  n: bigint
  d: bigint
  num: number
  den: number
}

export function frac(n: bigint, d: bigint): Fraction {
  return { n, d, num: Number(n), den: Number(d) }
}

const SAFE = Number.MAX_SAFE_INTEGER
const exact = (f: Fraction) => f.num <= SAFE && f.den <= SAFE

const DECIMAL = /^(\d+)(?:\.(\d+))?$/

/** A decimal written as text ('12.5', '0.0731') or a JS number with a short decimal form, exactly. */
export function fraction(value: string | number): Fraction {
  const text = typeof value === 'number' ? numberText(value) : value.trim()
  const m = DECIMAL.exec(text)
  if (!m) throw new RangeError(`'${text}' is not a non-negative decimal`)
  const digits = m[2] ?? ''
  return frac(BigInt(m[1]! + digits), 10n ** BigInt(digits.length))
}

function numberText(n: number): string {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${n} is not a non-negative decimal`)
  const s = String(n)
  if (/e/i.test(s)) return n.toFixed(12).replace(/\.?0+$/, '')
  return s
}

/** n/d rounded half to even. d > 0. */
export function divHalfEven(n: bigint, d: bigint): bigint {
  const negative = n < 0n
  const a = negative ? -n : n
  let q = a / d
  const r = a - q * d
  const twice = r * 2n
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n
  return negative ? -q : q
}

/** n/d rounded half to even, for non-negative integers n and d > 0 whose product fits (≤ 2^53). */
function divHalfEvenNum(n: number, d: number): number {
  let q = Math.floor(n / d)
  let r = n - q * d
  if (r < 0) {
    q--
    r += d
  } else if (r >= d) {
    q++
    r -= d
  }
  const twice = r * 2
  if (twice > d || (twice === d && q % 2 === 1)) q++
  return q
}

/** n/d rounded towards +∞. d > 0. */
export function divCeil(n: bigint, d: bigint): bigint {
  const q = n / d
  return q * d < n ? q + 1n : q
}

function safe(v: bigint, what: string): number {
  const n = Number(v)
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is too large`)
  return n
}

/** price × (100 + percent) / 100 (markup) or price × (100 − percent) / 100 (discount), half to even. */
export function applyPercent(minor: number, percent: Fraction, direction: 1 | -1): number {
  if (minor >= 0 && exact(percent)) {
    const h = 100 * percent.den
    const f = direction === 1 ? h + percent.num : h - percent.num
    if (f <= 0) return 0
    if (minor * f <= SAFE && h <= SAFE) return divHalfEvenNum(minor * f, h)
  }
  const hundred = 100n * percent.d
  const factor = direction === 1 ? hundred + percent.n : hundred - percent.n
  if (factor <= 0n) return 0
  return safe(divHalfEven(BigInt(minor) * factor, hundred), 'price')
}

/** minor × percent / 100, rounded up: the least amount that is at least that share. */
export function percentCeil(minor: number, percent: Fraction): number {
  if (minor >= 0 && exact(percent) && minor * percent.num <= SAFE && 100 * percent.den <= SAFE) {
    const n = minor * percent.num
    const d = 100 * percent.den
    let q = Math.floor(n / d)
    const r = n - q * d
    if (r < 0) q--
    else if (r >= d) q++
    return q * d < n ? q + 1 : q
  }
  return safe(divCeil(BigInt(minor) * percent.n, 100n * percent.d), 'amount')
}

/** A decimal amount in major units of `currency` as minor units, half to even beyond the exponent. */
export function amountMinor(amount: Fraction, currency: string): number {
  if (exact(amount)) {
    const n = amount.num * 10 ** currencyExponent(currency)
    if (n <= SAFE) return divHalfEvenNum(n, amount.den)
  }
  const scale = 10n ** BigInt(currencyExponent(currency))
  return safe(divHalfEven(amount.n * scale, amount.d), 'amount')
}

/**
 * Minor units of `from` in minor units of `to` at `rate` (units of `to` per unit of `from`),
 * rounded half to even to the target currency's exponent.
 */
export function convertMinor(minor: number, from: string, to: string, rate: Fraction): number {
  if (from === to) return minor
  const ef = currencyExponent(from)
  const et = currencyExponent(to)
  if (minor >= 0 && exact(rate)) {
    const n = minor * rate.num * (et >= ef ? 10 ** (et - ef) : 1)
    const d = rate.den * (et >= ef ? 1 : 10 ** (ef - et))
    if (n <= SAFE && d <= SAFE) return divHalfEvenNum(n, d)
  }
  let n = BigInt(minor) * rate.n
  let d = rate.d
  if (et >= ef) n *= 10n ** BigInt(et - ef)
  else d *= 10n ** BigInt(ef - et)
  return safe(divHalfEven(n, d), 'converted price')
}

export type RoundDirection = 'up' | 'down' | 'nearest'

/**
 * The price ending: the nearest price of the form k × every + ending (in minor units) in the given
 * direction. `nearest` breaks a tie upwards. `down` never goes below the first ending (a price
 * under it rounds up instead), so a price never becomes negative.
 */
export function roundToEnding(
  minor: number,
  everyMinor: number,
  endingMinor: number,
  direction: RoundDirection,
): number {
  const k = Math.floor((minor - endingMinor) / everyMinor)
  const below = k * everyMinor + endingMinor
  if (below === minor) return minor
  const above = below + everyMinor
  if (direction === 'up' || below < 0) return above
  if (direction === 'down') return below
  return minor - below < above - minor ? below : above
}

/**
 * An ending and its period (both decimal text in major units) in minor units of `currency`, or
 * null when the currency cannot express them (e.g. '.99' in JPY, which has no minor unit).
 */
export function endingInMinor(
  ending: string,
  every: string,
  currency: string,
): { ending: number; every: number } | null {
  const scale = 10n ** BigInt(currencyExponent(currency))
  const e = fraction(ending)
  const p = fraction(every)
  if ((e.n * scale) % e.d !== 0n || (p.n * scale) % p.d !== 0n) return null
  const endingMinor = Number((e.n * scale) / e.d)
  const everyMinor = Number((p.n * scale) / p.d)
  if (everyMinor <= 0 || endingMinor >= everyMinor) return null
  return { ending: endingMinor, every: everyMinor }
}
