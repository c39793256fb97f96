import './live.css'
import type { LiveFeed } from './live-feed'
import { useLiveState } from './use-live'

const LABELS = { live: 'Live', polling: 'Polling', connecting: 'Connecting…' } as const
const TITLES = {
  live: 'Lists and the open order update as orders change',
  polling: 'Live updates are unavailable: lists are read again every few seconds',
  connecting: 'Connecting to live updates',
} as const

/** Whether the console hears order changes as they happen or reads again on a timer. */
export function LiveIndicator(props: { feed: LiveFeed }) {
  const state = useLiveState(props.feed)
  return (
    <span
      className={`live-indicator live-${state}`}
      data-testid="live-indicator"
      data-state={state}
      title={TITLES[state]}
    >
      <span aria-hidden="true" className="live-dot" /> {LABELS[state]}
    </span>
  )
}
