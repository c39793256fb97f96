/** Money as the order's currency writes it (the hub sends decimal strings). */
export function money(amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '—'
  const n = Number(amount)
  if (!Number.isFinite(n)) return `${amount} ${currency}`
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(n)
  } catch {
    return `${amount} ${currency}`
  }
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function day(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { dateStyle: 'medium' })
}

/** "updated just now", "updated 12 s ago": how fresh what the page shows is. */
export function freshness(at: number | null, now: number): string {
  if (at === null) return ''
  const s = Math.max(0, Math.round((now - at) / 1000))
  if (s < 5) return 'updated just now'
  if (s < 60) return `updated ${s} s ago`
  return `updated ${Math.round(s / 60)} min ago`
}
