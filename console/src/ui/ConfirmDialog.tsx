import { type ReactNode, useEffect, useRef, useState } from 'react'
import { Problem } from './Problem'

/**
 * An action's confirmation: says what will happen, collects what the action needs, and stays open
 * with the hub's answer when it refuses (a modal <dialog>, so focus stays inside and Escape closes).
 */
export function ConfirmDialog(props: {
  title: string
  /** What will happen, in words, before anything is sent. */
  consequence: ReactNode
  children?: ReactNode
  confirmLabel: string
  danger?: boolean
  /** False while the form is incomplete. */
  ready?: boolean
  onConfirm: () => Promise<unknown>
  onClose: () => void
  testId: string
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${props.testId}-title`}
      data-testid={props.testId}
      onClose={props.onClose}
    >
      <form
        method="dialog"
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          setError(null)
          try {
            await props.onConfirm()
            ref.current?.close()
          } catch (err) {
            setError(err)
          } finally {
            setBusy(false)
          }
        }}
      >
        <h2 id={`${props.testId}-title`}>{props.title}</h2>
        <div className="consequence" data-testid={`${props.testId}-consequence`}>
          {props.consequence}
        </div>
        {props.children}
        <Problem error={error} testId={`${props.testId}-problem`} />
        <div className="row end">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button
            type="submit"
            className={props.danger ? 'danger' : 'primary'}
            disabled={busy || props.ready === false}
            data-testid={`${props.testId}-confirm`}
          >
            {busy ? 'Working…' : props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  )
}
