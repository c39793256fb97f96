import { describe, expect, it } from 'vitest'
import {
  bulkReplayBody,
  describeFilters,
  exceptionFiltersFrom,
  exceptionFiltersToParams,
  exceptionQuery,
} from './filters'

describe('exception inbox filters', () => {
  it('shows open exceptions unless told otherwise, and round-trips through the address', () => {
    expect(exceptionFiltersFrom(new URLSearchParams()).status).toBe('open')
    expect(exceptionFiltersFrom(new URLSearchParams('status=all')).status).toBe('')
    expect(exceptionFiltersFrom(new URLSearchParams('status=bogus')).status).toBe('open')
    const f = exceptionFiltersFrom(new URLSearchParams('status=discarded&instance=web&reason=UNKNOWN_SKU'))
    expect(exceptionFiltersToParams(f).toString()).toBe('status=discarded&instance=web&reason=UNKNOWN_SKU')
    expect(exceptionFiltersToParams(exceptionFiltersFrom(new URLSearchParams())).toString()).toBe('')
  })

  it('sends since as an instant, and leaves the status out of a bulk replay', () => {
    const f = exceptionFiltersFrom(new URLSearchParams('status=all&instance=web&since=2026-12-01T08:30'))
    const q = exceptionQuery(f, { limit: 50 })
    expect(q.status).toBeUndefined()
    expect(q.since).toBe(new Date('2026-12-01T08:30').toISOString())
    expect(bulkReplayBody(f)).toEqual({ instance: 'web', since: q.since })
    expect(describeFilters({ ...f, since: '' })).toBe('every open exception from web')
  })
})
