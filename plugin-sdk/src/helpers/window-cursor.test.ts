import { describe, expect, it } from 'vitest'
import { windowCursor } from './window-cursor'

const now = new Date('2026-12-06T12:00:00.000Z')
const windows = windowCursor({ overlapMs: 60_000, start: '2026-12-06T10:00:00.000Z' })

describe('windowCursor', () => {
  it('starts where configured and asks from the start minus the overlap', () => {
    const state = windows.read(null, now)
    expect(state).toEqual({ since: '2026-12-06T10:00:00.000Z', seen: [] })
    expect(windows.from(state)).toBe('2026-12-06T09:59:00.000Z')
    // A cursor that is not one (an older plugin's, or garbage) starts afresh rather than failing.
    expect(windows.read('{not json', now).since).toBe('2026-12-06T10:00:00.000Z')
    expect(windowCursor({ overlapMs: 0 }).read(null, now).since).toBe('2026-12-05T12:00:00.000Z')
  })

  it('keeps the window fixed across pages, then moves it to the newest record', () => {
    let state = windows.read(null, now)
    const first = [
      { id: 'a', modifiedAt: '2026-12-06T10:30:00Z' },
      { id: 'b', modifiedAt: '2026-12-06T11:00:00Z' },
    ]
    state = windows.read(windows.advance(state, first, { offset: 2 }, now), now)
    expect(state.since).toBe('2026-12-06T10:00:00.000Z')
    expect(state.page).toEqual({ offset: 2 })
    const second = [{ id: 'c', modifiedAt: '2026-12-06T10:59:30Z' }]
    state = windows.read(windows.advance(state, second, undefined, now), now)
    expect(state.page).toBeUndefined()
    expect(state.since).toBe('2026-12-06T11:00:00.000Z')
    // Only what the next overlap (from 10:59) brings again is remembered.
    expect(state.seen.sort()).toEqual(['b@2026-12-06T11:00:00.000Z', 'c@2026-12-06T10:59:30.000Z'])
  })

  it('leaves out what the overlap brings again, but not a record modified since', () => {
    const state = windows.read(
      JSON.stringify({ since: '2026-12-06T11:00:00.000Z', seen: ['b@2026-12-06T11:00:00.000Z'] }),
      now,
    )
    expect(windows.fresh(state, { id: 'b', modifiedAt: '2026-12-06T11:00:00Z' })).toBe(false)
    expect(windows.fresh(state, { id: 'b', modifiedAt: '2026-12-06T11:05:00Z' })).toBe(true)
    expect(windows.fresh(state, { id: 'd', modifiedAt: '2026-12-06T10:59:10Z' })).toBe(true)
  })

  it('never moves past now, whatever a partner clock says, and never backwards', () => {
    const state = windows.read(JSON.stringify({ since: '2026-12-06T11:00:00.000Z', seen: [] }), now)
    const ahead = windows.read(
      windows.advance(state, [{ id: 'z', modifiedAt: '2027-01-01T00:00:00Z' }], undefined, now),
      now,
    )
    expect(ahead.since).toBe(now.toISOString())
    const older = windows.read(
      windows.advance(state, [{ id: 'y', modifiedAt: '2026-12-01T00:00:00Z' }], undefined, now),
      now,
    )
    expect(older.since).toBe('2026-12-06T11:00:00.000Z')
    const empty = windows.read(windows.advance(state, [], undefined, now), now)
    expect(empty.since).toBe('2026-12-06T11:00:00.000Z')
    // A record without a readable time is taken but cannot move the window.
    const undated = windows.read(
      windows.advance(state, [{ id: 'u', modifiedAt: 'yesterday' }], undefined, now),
      now,
    )
    expect(undated.since).toBe('2026-12-06T11:00:00.000Z')
  })

  it('remembers at most maxSeen ids', () => {
    const small = windowCursor({ overlapMs: 3600_000, maxSeen: 3 })
    const state = small.read(JSON.stringify({ since: '2026-12-06T11:00:00.000Z', seen: [] }), now)
    const records = Array.from({ length: 10 }, (_, i) => ({
      id: `o${i}`,
      modifiedAt: '2026-12-06T11:30:00Z',
    }))
    expect(small.read(small.advance(state, records, undefined, now), now).seen).toHaveLength(3)
  })
})
