import { useEffect, useRef } from 'react'
import { type Command, commandFor } from './shortcuts'

/** Binds the editor's keymap to the window; the handlers may change on every render. */
export function useShortcuts(handlers: Record<Command, () => void>): void {
  const current = useRef(handlers)
  useEffect(() => {
    current.current = handlers
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A KeyboardEvent's fields are getters on its prototype: spread would lose them.
      const command = commandFor({
        key: e.key,
        code: e.code,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        target: e.target as HTMLElement | null,
      })
      if (!command) return
      e.preventDefault()
      current.current[command]()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
