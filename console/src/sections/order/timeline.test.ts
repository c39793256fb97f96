import { describe, expect, it } from 'vitest'
import type { OutboxMessageDetail, Return } from '../../api/client'
import { eventNote, timeline } from './timeline'

describe('order timeline', () => {
  it('interleaves events, messages and returns by time, keeping same-time events in order', () => {
    const history = [
      {
        id: 'a',
        type: 'order.received',
        from: null,
        to: 'received',
        data: null,
        actor: 'x',
        at: '2026-01-01T00:00:00Z',
      },
      {
        id: 'b',
        type: 'order.status',
        from: 'received',
        to: 'held',
        data: { reason: 'big' },
        actor: 'x',
        at: '2026-01-01T00:00:00Z',
      },
      {
        id: 'c',
        type: 'order.hold_released',
        from: 'held',
        to: 'allocated',
        data: null,
        actor: 'y',
        at: '2026-01-01T00:05:00Z',
      },
    ]
    const msg = { id: 'm', createdAt: '2026-01-01T00:01:00Z' } as OutboxMessageDetail
    const ret = { id: 'r', createdAt: '2026-01-02T00:00:00Z' } as Return
    const t = timeline({ history }, [msg], [ret])
    expect(t.map((e) => e.id)).toEqual(['a', 'b', 'm', 'c', 'r'])
    expect(t[1]).toMatchObject({ kind: 'event', note: 'big' })
  })

  it('says what an event carries in one short line', () => {
    expect(eventNote(null)).toBeNull()
    expect(eventNote({ reason: 'checked by Ann' })).toBe('checked by Ann')
    expect(eventNote({ lines: 'x'.repeat(300) })!.length).toBe(158)
  })
})
