import { SignIn, useApiKeySession } from '@switchyard/rule-editor'
import { useMemo } from 'react'
import { ConsoleApi } from '../api/client'
import { Shell } from './Shell'

/** One sign-in for every section: the editor's API-key session, shared with the console's client. */
export function App() {
  const { session, checking, error, signIn, signOut } = useApiKeySession()
  const api = useMemo(() => (session ? new ConsoleApi(session.key) : null), [session])
  if (checking) return <div className="center muted">Signing in…</div>
  if (!session || !api)
    return (
      <SignIn
        onSignIn={signIn}
        error={error}
        title="Switchyard"
        intro="Sign in with an API key. Viewers see orders and rules; analysts also release holds and edit rules; integrators and admins act on orders."
      />
    )
  return <Shell api={api} editorApi={session.api} me={session.me} onSignOut={signOut} />
}
