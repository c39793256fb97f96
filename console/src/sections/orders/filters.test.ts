import { describe, expect, it } from 'vitest'
import {
  activeQueue,
  countsQuery,
  emptyFilters,
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
  queueFilters,
  queues,
} from './filters'

describe('order list filters', () => {
  it('round-trip through the URL, leaving defaults out', () => {
    const f = {
      ...emptyFilters,
      channel: ['web', 'edi'],
      status: ['held'],
      location: 'akl-dc',
      placedFrom: '2026-12-01',
      placedTo: '2026-12-06',
      late: true,
      holdReason: 'fraud',
      q: 'ann@example.com',
      flags: ['returnsOpen' as const, 'hasExceptions' as const],
      sort: 'promise' as const,
      order: 'asc' as const,
    }
    const params = filtersToParams(f)
    expect(filtersFromParams(new URLSearchParams(params.toString()))).toEqual(f)
    expect(filtersToParams(emptyFilters).toString()).toBe('')
  })

  it('ignore what they do not understand', () => {
    const f = filtersFromParams(new URLSearchParams('sort=sideways&placedFrom=yesterday&late=1&flag=x'))
    expect(f).toEqual(emptyFilters)
  })

  it("spell the sort as the list route does: the field, descending with '-'", () => {
    expect(filtersToParams({ ...emptyFilters, sort: 'promise', order: 'asc' }).get('sort')).toBe('promise')
    expect(filtersToParams({ ...emptyFilters, order: 'asc' }).get('sort')).toBe('placed')
    expect(filtersFromParams(new URLSearchParams('sort=-promise'))).toMatchObject({
      sort: 'promise',
      order: 'desc',
    })
  })

  it('ask the hub for whole days as instants, with paging', () => {
    const q = filtersToQuery(
      { ...emptyFilters, placedFrom: '2026-12-01', placedTo: '2026-12-01' },
      {
        cursor: 'abc',
        limit: 50,
      },
    )
    const from = new Date(String(q.placedFrom))
    const to = new Date(String(q.placedTo))
    expect(to.getTime() - from.getTime()).toBe(24 * 3600_000 - 1)
    expect(from.getHours()).toBe(0)
    expect([q.cursor, q.limit, q.sort]).toEqual(['abc', 50, undefined])
  })

  it('count across every status, whatever the status tab', () => {
    expect(countsQuery({ ...emptyFilters, status: ['held'], q: 'x' })).toEqual({ q: 'x' })
  })

  it('know which saved queue is on', () => {
    for (const q of queues) expect(activeQueue(queueFilters(q))?.id).toBe(q.id)
    expect(activeQueue({ ...queueFilters(queues[0]!), q: 'more' })).toBeUndefined()
    expect(activeQueue(emptyFilters)).toBeUndefined()
  })
})
