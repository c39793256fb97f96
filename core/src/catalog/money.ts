/**
 * Exact money: decimal strings in, integer minor units out, using each currency's own exponent
 * (JPY 0, NZD 2, KWD 3). Extra digits are rounded half-to-even (banker's rounding), the only
 * rounding done here.
 */
const EXPONENTS: Record<string, number> = {
  BHD: 3,
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  PYG: 0,
  RWF: 0,
  TND: 3,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
}

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2
}

export function toMinorUnits(decimal: string, currency: string): number {
  const exponent = currencyExponent(currency)
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim())
  if (!match) throw new RangeError(`'${decimal}' is not a decimal amount`)
  const [, sign, whole, frac = ''] = match
  const kept = frac.slice(0, exponent).padEnd(exponent, '0')
  let minor = BigInt(whole!) * 10n ** BigInt(exponent) + BigInt(kept || '0')
  const rest = frac.slice(exponent)
  if (rest.length > 0 && /[1-9]/.test(rest)) {
    const first = Number(rest[0])
    const tail = /[1-9]/.test(rest.slice(1))
    if (first > 5 || (first === 5 && tail) || (first === 5 && !tail && minor % 2n === 1n)) minor += 1n
  }
  const value = Number(minor)
  if (!Number.isSafeInteger(value)) throw new RangeError(`'${decimal}' is too large`)
  return sign === '-' ? -value : value
}

export function fromMinorUnits(minor: number, currency: string): string {
  const exponent = currencyExponent(currency)
  const negative = minor < 0
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0')
  const out = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
  return negative ? `-${out}` : out
}
