import { afterEach, describe, expect, it, vi } from 'vitest'
import { LiveFeed, type OrderChanged } from './live-feed'

/** A response whose body sends `chunks`, then ends (or fails when `fail`). */
function streamed(chunks: string[], fail = false): Response {
  let next = 0
  // One chunk per read, then the end: an error would drop chunks still queued.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(new TextEncoder().encode(chunks[next++]!))
      else if (fail) controller.error(new Error('cut'))
      else controller.close()
    },
  })
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } })
}

const change = (id: string, status: string) =>
  `event: order\nid: ${id}\ndata: ${JSON.stringify({ id, status, channel: 'web', updatedAt: '2026-12-06T00:00:00.000Z' })}\n\n`

afterEach(() => {
  vi.useRealTimers()
})

describe('LiveFeed', () => {
  it('sends the key as a bearer header, tells changes split across chunks, and polls when the stream ends', async () => {
    vi.useFakeTimers()
    const calls: RequestInit[] = []
    const first = change('o1', 'released')
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      calls.push(init!)
      return calls.length === 1
        ? streamed([': connected\n\n', first.slice(0, 20), first.slice(20), change('o2', 'held')], true)
        : streamed([': connected\n\n'])
    })
    const feed = new LiveFeed('sy_key', '', fetchImpl as typeof fetch)
    const seen: OrderChanged[] = []
    const states: string[] = []
    let resyncs = 0
    feed.onChange((c) => seen.push(c))
    feed.onState(() => states.push(feed.state))
    feed.onResync(() => resyncs++)
    feed.start()
    await vi.advanceTimersByTimeAsync(10)
    expect((calls[0]!.headers as Record<string, string>).authorization).toBe('Bearer sy_key')
    expect(seen.map((c) => [c.id, c.status])).toEqual([
      ['o1', 'released'],
      ['o2', 'held'],
    ])
    // The stream was cut: the sections poll until it is back.
    expect(feed.state).toBe('polling')
    expect(resyncs).toBe(0)
    await vi.advanceTimersByTimeAsync(1_100)
    expect(fetchImpl).toHaveBeenCalledTimes(2)
    // Back: listeners are told to read what they missed.
    expect(states.slice(0, 3)).toEqual(['live', 'polling', 'live'])
    expect(resyncs).toBe(1)
    feed.stop()
  })

  it('falls back to polling when the hub refuses the stream, and tries again later', async () => {
    vi.useFakeTimers()
    const fetchImpl = vi.fn(async () => new Response('{}', { status: 503 }))
    const feed = new LiveFeed('sy_key', '', fetchImpl as unknown as typeof fetch)
    feed.start()
    await vi.advanceTimersByTimeAsync(10)
    expect(feed.state).toBe('polling')
    await vi.advanceTimersByTimeAsync(1_100)
    expect(fetchImpl).toHaveBeenCalledTimes(2)
    feed.stop()
  })
})
