import { useState } from 'react'

export function SignIn(props: {
  onSignIn: (key: string, remember: boolean) => void
  error: string | null
  /** The app's name: the console signs in for all its sections with this same form. */
  title?: string
  intro?: string
}) {
  const [key, setKey] = useState('')
  const [remember, setRemember] = useState(false)
  return (
    <main className="signin">
      <h1>{props.title ?? 'Switchyard rule editor'}</h1>
      <p>
        {props.intro ??
          'Sign in with an API key. Analysts and admins can edit and publish rules; viewers can look and simulate.'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (key.trim()) props.onSignIn(key, remember)
        }}
      >
        <label>
          API key
          <input
            data-testid="api-key"
            type="password"
            autoComplete="off"
            placeholder="sy_…"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Keep me
          signed in on this device
        </label>
        <button type="submit" data-testid="sign-in" className="primary">
          Sign in
        </button>
        {props.error && (
          <p className="error" role="alert">
            {props.error}
          </p>
        )}
      </form>
      <details>
        <summary>Where do I get a key?</summary>
        <p>
          The first start of the hub prints an admin key once. An admin can make one for you with{' '}
          <code>pnpm switchyard keys create --role analyst --name "Your name"</code> (or{' '}
          <code>--role viewer</code> to read only).
        </p>
      </details>
    </main>
  )
}
