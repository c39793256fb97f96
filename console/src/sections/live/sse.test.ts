import { describe, expect, it } from 'vitest'
import { parseSse } from './sse'

describe('parseSse', () => {
  it('reads whole events, skips comments, and keeps an unfinished event for the next chunk', () => {
    const { events, rest } = parseSse(
      ': connected\n\nevent: order\nid: o1\ndata: {"id":"o1"}\n\n: heartbeat\n\nevent: order\ndata: {"id":',
    )
    expect(events).toEqual([{ event: 'order', id: 'o1', data: '{"id":"o1"}' }])
    expect(rest).toBe('event: order\ndata: {"id":')
    const next = parseSse(`${rest}"o2"}\n\n`)
    expect(next.events).toEqual([{ event: 'order', id: null, data: '{"id":"o2"}' }])
    expect(next.rest).toBe('')
  })

  it('joins data lines and accepts CRLF line ends', () => {
    const { events } = parseSse('data: a\r\ndata:b\r\n\r\n')
    expect(events).toEqual([{ event: 'message', id: null, data: 'a\nb' }])
  })
})
