/** One server-sent event as the hub writes it (`event:`, `id:`, `data:` lines, a blank line after). */
export interface SseEvent {
  event: string
  id: string | null
  data: string
}

/**
 * Splits what has arrived so far into whole events and the unfinished rest (a chunk may end
 * mid-event). Comments (`: heartbeat`) are kept out; several `data:` lines join with newlines,
 * as the EventSource specification says.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const text = buffer.replace(/\r\n?/g, '\n')
  const events: SseEvent[] = []
  let start = 0
  for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n', start)) {
    const block = text.slice(start, end)
    start = end + 2
    let event = 'message'
    let id: string | null = null
    const data: string[] = []
    let any = false
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon < 0 ? line : line.slice(0, colon)
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'event') event = value
      else if (field === 'id') id = value
      else if (field === 'data') {
        data.push(value)
        any = true
      }
    }
    if (any) events.push({ event, id, data: data.join('\n') })
  }
  return { events, rest: text.slice(start) }
}
