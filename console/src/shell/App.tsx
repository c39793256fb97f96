import { SignIn, useApiKeySession } from '@switchyard/rule-editor'
import { useEffect, useMemo } from 'react'
import { ConsoleApi } from '../api/client'
import { LiveFeed } from '../sections/live/live-feed'
import { Shell } from './Shell'

/** One sign-in for every section: the editor's API-key session, shared with the console's client. */
export function App() {
  const { session, checking, error, signIn, signOut } = useApiKeySession()
  const api = useMemo(() => (session ? new ConsoleApi(session.key) : null), [session])
  // One stream of order changes per signed-in key, shared by every section.
  const live = useMemo(() => (session ? new LiveFeed(session.key) : null), [session])
  useEffect(() => {
    live?.start()
    return () => live?.stop()
  }, [live])
  if (checking) return <div className="center muted">Signing in…</div>
  if (!session || !api || !live)
    return (
      <SignIn
        onSignIn={signIn}
        error={error}
        title="Switchyard"
        intro="Sign in with an API key. Viewers see orders and rules; analysts also release holds and edit rules; integrators and admins act on orders."
      />
    )
  return <Shell api={api} editorApi={session.api} me={session.me} live={live} onSignOut={signOut} />
}
