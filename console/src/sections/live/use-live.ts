import { useEffect, useRef, useState } from 'react'
import type { LiveFeed, LiveState, OrderChanged } from './live-feed'

/** The feed's state, re-rendering when it changes. */
export function useLiveState(feed: LiveFeed): LiveState {
  const [state, setState] = useState(feed.state)
  useEffect(() => {
    setState(feed.state)
    return feed.onState(() => setState(feed.state))
  }, [feed])
  return state
}

/**
 * Calls `reload` when an order the caller shows changes (`matches`), at most once per `debounceMs`
 * (a burst of changes is one read), after a reconnect (what was missed), and every `pollMs` while
 * the stream is down: the fallback that keeps the view fresh without it.
 */
export function useLiveReload(
  feed: LiveFeed,
  reload: () => void,
  options: { matches?: (c: OrderChanged) => boolean; pollMs: number; debounceMs?: number },
): LiveState {
  const state = useLiveState(feed)
  const latest = useRef({ reload, matches: options.matches })
  latest.current = { reload, matches: options.matches }
  const debounceMs = options.debounceMs ?? 400

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const soon = () => {
      if (timer) return
      timer = setTimeout(() => {
        timer = undefined
        latest.current.reload()
      }, debounceMs)
    }
    const offChange = feed.onChange((c) => {
      if (!latest.current.matches || latest.current.matches(c)) soon()
    })
    const offResync = feed.onResync(soon)
    return () => {
      offChange()
      offResync()
      if (timer) clearTimeout(timer)
    }
  }, [feed, debounceMs])

  useEffect(() => {
    if (state === 'live') return
    const t = setInterval(() => {
      // A background tab does not poll; coming back reads at once on the next tick.
      if (document.visibilityState === 'visible') latest.current.reload()
    }, options.pollMs)
    return () => clearInterval(t)
  }, [state, options.pollMs])
  return state
}
