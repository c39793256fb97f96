import type { Api as EditorApi } from '@switchyard/rule-editor'
import { useCallback, useEffect, useState } from 'react'
import type { ConsoleApi, Me } from '../api/client'
import { LiveIndicator } from '../sections/live/LiveIndicator'
import type { LiveFeed } from '../sections/live/live-feed'
import { parseHash } from './route'
import { sectionFor, sections } from './sections'

/** The navigation and the open section, chosen by the address's hash. */
export function Shell(props: {
  api: ConsoleApi
  editorApi: EditorApi
  me: Me
  live: LiveFeed
  onSignOut: () => void
}) {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const changed = () => setHash(window.location.hash)
    window.addEventListener('hashchange', changed)
    return () => window.removeEventListener('hashchange', changed)
  }, [])
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', to)
    else window.history.pushState(null, '', to)
    setHash(window.location.hash)
  }, [])
  // Back and forward after pushState fire popstate, not hashchange.
  useEffect(() => {
    const popped = () => setHash(window.location.hash)
    window.addEventListener('popstate', popped)
    return () => window.removeEventListener('popstate', popped)
  }, [])

  const route = parseHash(hash)
  const section = sectionFor(route.path)
  const current = section.navAs ?? section.id
  return (
    <div className="console">
      <nav className="rail" aria-label="Sections">
        <b className="rail-brand">Switchyard</b>
        <ul>
          {sections
            .filter((s) => s.label)
            .map((s) => (
              <li key={s.id}>
                <a
                  href={`#/${s.paths[0]}`}
                  data-testid={`nav-${s.id}`}
                  aria-current={s.id === current ? 'page' : undefined}
                >
                  {s.label}
                </a>
              </li>
            ))}
        </ul>
        <div className="rail-who">
          <LiveIndicator feed={props.live} />
          <span data-testid="console-who">
            {props.me.name} <span className="muted">({props.me.role})</span>
          </span>
          {props.me.channelInstanceId && (
            <span className="muted small">channel {props.me.channelInstanceId}</span>
          )}
          <button type="button" className="link" data-testid="console-sign-out" onClick={props.onSignOut}>
            Sign out
          </button>
        </div>
      </nav>
      <main className={section.fullBleed ? 'section full' : 'section'} data-section={section.id}>
        {section.render({ ...props, route, navigate })}
      </main>
    </div>
  )
}
