import type { ExceptionQuery } from '../../api/client'

/** The inbox filters, kept in the address (`#/exceptions?status=open&instance=web`) so a list can be shared. */
export interface ExceptionFilters {
  status: '' | 'open' | 'replayed' | 'discarded'
  instance: string
  reason: string
  /** A local date-time as the input gives it (`2026-12-06T10:00`); sent as ISO. */
  since: string
}

const STATUSES = new Set(['open', 'replayed', 'discarded'])

export function exceptionFiltersFrom(q: URLSearchParams): ExceptionFilters {
  const status = q.get('status')
  return {
    // Open is what a person works through: the inbox shows it unless told otherwise (`status=all`).
    status:
      status === 'all'
        ? ''
        : status && STATUSES.has(status)
          ? (status as ExceptionFilters['status'])
          : 'open',
    instance: q.get('instance') ?? '',
    reason: q.get('reason') ?? '',
    since: q.get('since') ?? '',
  }
}

export function exceptionFiltersToParams(f: ExceptionFilters): URLSearchParams {
  const p = new URLSearchParams()
  if (f.status !== 'open') p.set('status', f.status || 'all')
  if (f.instance) p.set('instance', f.instance)
  if (f.reason) p.set('reason', f.reason)
  if (f.since) p.set('since', f.since)
  return p
}

function isoOf(local: string): string | undefined {
  if (!local) return undefined
  const d = new Date(local)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

export function exceptionQuery(
  f: ExceptionFilters,
  page: { cursor?: string; limit: number },
): ExceptionQuery {
  const q: ExceptionQuery = { limit: page.limit }
  if (f.status) q.status = f.status
  if (f.instance) q.instance = f.instance
  if (f.reason) q.reason = f.reason
  const since = isoOf(f.since)
  if (since) q.since = since
  if (page.cursor) q.cursor = page.cursor
  return q
}

/** The bulk replay takes the same filters but no status: it replays the open ones among them. */
export function bulkReplayBody(f: ExceptionFilters): { instance?: string; reason?: string; since?: string } {
  const since = isoOf(f.since)
  return {
    ...(f.instance ? { instance: f.instance } : {}),
    ...(f.reason ? { reason: f.reason } : {}),
    ...(since ? { since } : {}),
  }
}

/** "every open exception from web with UNKNOWN_SKU": the bulk replay's confirmation, in words. */
export function describeFilters(f: ExceptionFilters): string {
  const parts = ['every open exception']
  if (f.instance) parts.push(`from ${f.instance}`)
  if (f.reason) parts.push(`with a ${f.reason} reason`)
  if (f.since) parts.push(`last seen since ${new Date(f.since).toLocaleString()}`)
  return parts.join(' ')
}
