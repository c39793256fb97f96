import { parseSse } from './sse'

/** An order that changed, as `GET /api/v1/events` tells it (components.schemas.OrderChangedEvent). */
export interface OrderChanged {
  id: string
  status: string
  channel: string
  updatedAt: string
}

/**
 * `live`: the stream is open. `polling`: it failed, so sections read again on a timer until it is
 * back. `connecting`: before the first answer.
 */
export type LiveState = 'connecting' | 'live' | 'polling'

type Listener = (change: OrderChanged) => void

const RETRY_MIN_MS = 1_000
const RETRY_MAX_MS = 30_000
/** No byte for this long (the hub sends a heartbeat every 15 s) means the connection is dead. */
const SILENCE_MS = 40_000

/**
 * The console's one connection to the hub's live order changes. It reads the event stream with
 * fetch rather than EventSource, so the API key goes in the Authorization header as on every other
 * call (EventSource cannot send headers, and a key in a URL is written to access logs). When the
 * stream fails it says so (`polling`), and sections fall back to reading again on a timer; it
 * reconnects with backoff and, once back, tells listeners with a `resync` so they read what they
 * missed.
 */
export class LiveFeed {
  private readonly listeners = new Set<Listener>()
  private readonly stateListeners = new Set<() => void>()
  private readonly resyncListeners = new Set<() => void>()
  private abort: AbortController | undefined
  private retryMs = RETRY_MIN_MS
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = false
  private everLive = false
  state: LiveState = 'connecting'
  /** When the last change arrived (epoch ms), for "updated just now". */
  lastChangeAt: number | null = null

  constructor(
    private readonly key: string,
    private readonly base = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  start(): void {
    this.stopped = false
    void this.connect()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.abort?.abort()
  }

  /** Calls `listener` with every order change the key may see; returns the unsubscribe. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Calls `listener` when the state changes. */
  onState(listener: () => void): () => void {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  /** Calls `listener` after a reconnect: changes made while the stream was down were not told. */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener)
    return () => this.resyncListeners.delete(listener)
  }

  private setState(state: LiveState): void {
    if (this.state === state) return
    this.state = state
    for (const l of this.stateListeners) l()
  }

  private async connect(): Promise<void> {
    if (this.stopped) return
    const abort = new AbortController()
    this.abort = abort
    let silence: ReturnType<typeof setTimeout> | undefined
    const quiet = () => {
      if (silence) clearTimeout(silence)
      silence = setTimeout(() => abort.abort(), SILENCE_MS)
    }
    try {
      const res = await this.fetchImpl(`${this.base}/api/v1/events`, {
        headers: { authorization: `Bearer ${this.key}`, accept: 'text/event-stream' },
        signal: abort.signal,
      })
      if (!res.ok || !res.body) throw new Error(`the event stream answered ${res.status}`)
      this.retryMs = RETRY_MIN_MS
      this.setState('live')
      if (this.everLive) for (const l of this.resyncListeners) l()
      this.everLive = true
      quiet()
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        quiet()
        const parsed = parseSse(buffer + value)
        buffer = parsed.rest
        for (const e of parsed.events) {
          if (e.event !== 'order') continue
          const change = JSON.parse(e.data) as OrderChanged
          this.lastChangeAt = Date.now()
          for (const l of this.listeners) l(change)
        }
      }
    } catch {
      // Refused, unreachable or cut: fall back to polling and try again later.
    } finally {
      if (silence) clearTimeout(silence)
    }
    if (this.stopped) return
    this.setState('polling')
    this.timer = setTimeout(() => void this.connect(), this.retryMs)
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS)
  }
}
