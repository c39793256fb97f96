import { useCallback, useState } from 'react'

const SHOWN_MS = 4000

/** One short message at a time; a newer one replaces it and is not hidden by the older's timer. */
export function useToast(): [string | null, (text: string) => void] {
  const [toast, setToast] = useState<string | null>(null)
  const show = useCallback((text: string) => {
    setToast(text)
    setTimeout(() => setToast((t) => (t === text ? null : t)), SHOWN_MS)
  }, [])
  return [toast, show]
}
