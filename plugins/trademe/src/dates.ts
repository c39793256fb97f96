/**
 * TradeMe's JSON dates, `/Date(1514764800000)/` (.NET's JSON date: milliseconds since the epoch,
 * UTC, sometimes with a decorative `+1300` offset). The API sends these, not ISO 8601.
 */
const DOTNET_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/

/** Milliseconds since the epoch, or undefined for anything that is not such a date. */
export function tradeMeTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = DOTNET_DATE.exec(value)
  if (match) {
    const ms = Number(match[1])
    return Number.isSafeInteger(ms) ? ms : undefined
  }
  // Some endpoints (and the XML flavour) write ISO 8601; take those too.
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

/** As TradeMe writes it. */
export const toTradeMeDate = (ms: number): string => `/Date(${ms})/`
