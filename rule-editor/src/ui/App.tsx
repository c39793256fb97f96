import { useCallback, useEffect, useRef, useState } from 'react'
import { Api, ApiError, type Me, UNAUTHORIZED_EVENT } from '../api/client'
import { SignIn } from './SignIn'
import { Workspace } from './Workspace'

const KEY = 'switchyard.apiKey'

function storedKey(): string | null {
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY)
}

/** Signs in with an API key (kept for this tab, or on this device if asked), then opens the workspace. */
export function App() {
  const { session, checking, error, signIn, signOut } = useApiKeySession()
  if (checking) return <div className="center muted">Signing in…</div>
  if (!session) return <SignIn onSignIn={signIn} error={error} />
  return <Workspace api={session.api} me={session.me} onSignOut={signOut} />
}

/**
 * One API-key session: the editor's and the console's (which bundles the editor as a section, so
 * one sign-in serves both). A key the hub stops accepting signs the tab out and says why.
 */
export function useApiKeySession() {
  const [session, setSession] = useState<{ api: Api; me: Me; key: string } | null>(null)
  const [checking, setChecking] = useState(() => storedKey() !== null)
  const [error, setError] = useState<string | null>(null)
  const signedIn = useRef(false)
  signedIn.current = session !== null

  const signIn = useCallback(async (key: string, remember: boolean) => {
    setError(null)
    const api = new Api(key.trim())
    try {
      const me = await api.me()
      sessionStorage.setItem(KEY, key.trim())
      if (remember) localStorage.setItem(KEY, key.trim())
      setSession({ api, me, key: key.trim() })
    } catch (e) {
      sessionStorage.removeItem(KEY)
      localStorage.removeItem(KEY)
      setError(
        e instanceof ApiError && e.status === 401
          ? 'That API key is unknown or revoked.'
          : String((e as Error).message),
      )
    } finally {
      setChecking(false)
    }
  }, [])

  useEffect(() => {
    const key = storedKey()
    if (key) void signIn(key, localStorage.getItem(KEY) !== null)
  }, [signIn])

  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY)
    localStorage.removeItem(KEY)
    setSession(null)
  }, [])

  useEffect(() => {
    const expired = () => {
      if (!signedIn.current) return
      signOut()
      setError(
        'Your API key is no longer accepted (revoked or rotated). Sign in again; unsaved changes are kept in this browser.',
      )
    }
    window.addEventListener(UNAUTHORIZED_EVENT, expired)
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, expired)
  }, [signOut])

  return { session, checking, error, signIn, signOut }
}
