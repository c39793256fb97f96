import { ApiError } from '../api/client'

/** A request's failure, where it was made: the hub's own words and code. */
export function Problem(props: { error: unknown; testId?: string }) {
  if (!props.error) return null
  const e = props.error
  const text = e instanceof ApiError ? `${e.message} (${e.code})` : String((e as Error)?.message ?? e)
  return (
    <p className="problem" role="alert" data-testid={props.testId ?? 'problem'}>
      {text}
    </p>
  )
}
