/**
 * Decimal strings as integers at one scale, so money is split and summed exactly (eBay's amounts
 * are strings; a float would lose cents).
 */
export const scaleOf = (values: readonly (string | undefined)[]): number =>
  Math.max(2, ...values.map((v) => (v?.split('.')[1] ?? '').length))

export function toUnits(v: string | undefined, scale: number): bigint {
  if (!v) return 0n
  const negative = v.startsWith('-')
  const [whole = '0', frac = ''] = v.replace('-', '').split('.')
  const n = BigInt(`${whole}${frac.padEnd(scale, '0').slice(0, scale)}`)
  return negative ? -n : n
}

export function toDecimal(n: bigint, scale: number): string {
  const negative = n < 0n
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0')
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

/** `total / quantity` when it divides exactly at the total's scale; undefined otherwise. */
export function unitPriceOf(total: string | undefined, quantity: number): string | undefined {
  if (!total || !/^\d{1,15}(\.\d{1,6})?$/.test(total) || quantity < 1) return undefined
  const scale = scaleOf([total])
  const units = toUnits(total, scale)
  const q = BigInt(quantity)
  return units % q === 0n ? toDecimal(units / q, scale) : undefined
}
