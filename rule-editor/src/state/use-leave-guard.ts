import { useEffect } from 'react'

/** Leaving with changes the hub has not got yet asks first (they are kept in this browser anyway). */
export function useLeaveGuard(pending: boolean): void {
  useEffect(() => {
    if (!pending) return
    const guard = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', guard)
    return () => window.removeEventListener('beforeunload', guard)
  }, [pending])
}
