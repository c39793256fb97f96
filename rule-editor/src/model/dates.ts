/**
 * Dates and times as the browser's locale writes them, with the time zone said wherever a time is
 * one: an analyst in Auckland and one in Sydney must not read the same effective-from differently.
 */

/** The browser's time zone (IANA), e.g. Pacific/Auckland. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/** A calendar date (YYYY-MM-DD, a promise date) in the browser's locale; it has no time zone. */
export function localDate(day: string, locale?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return day
  // Noon UTC of that day is the same calendar day in every zone from −11 to +11.
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12))
  return d.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' })
}

/** An instant in the browser's locale and zone, naming the zone ("6 Dec 2026, 14:00 NZDT"). */
export function localDateTime(iso: string | number, locale?: string, timeZone?: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  // dateStyle cannot be combined with timeZoneName: the fields are spelled out instead.
  return d.toLocaleString(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  })
}

/** A datetime-local input's value (the browser's zone) for an instant. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}
