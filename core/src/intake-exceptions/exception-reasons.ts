import { isPayloadError } from '@switchyard/plugin-sdk'
import { isSwitchyardError, type ValidationError } from '../errors'
import type { ExceptionReason } from './intake-exception.entity'

/**
 * The reasons an input could not become an order, when the failure is the input's own: the
 * plugin's `PayloadError` (INVALID_PAYLOAD), or a ValidationError from the checks and intake
 * (UNKNOWN_SKU, INVALID_TEXT, INVALID_ORDER, an amount, a currency, a contract refusal…), each issue
 * with the error's code. Anything else (the database down, a bug, a plugin timing out) is null:
 * it is not the input's fault, so it must fail loudly and the partner must retry.
 */
export function untakeableReasons(error: unknown): ExceptionReason[] | null {
  if (isPayloadError(error)) {
    // A 400 PayloadError is a body nobody can read (not JSON where JSON is required): answered 400 as before.
    if (error.status === 400) return null
    return withFallback(error.issues, 'INVALID_PAYLOAD', error.message)
  }
  if (isSwitchyardError(error) && error.kind === 'validation') {
    const issues = (error as ValidationError).issues ?? []
    return withFallback(issues, error.code, error.message)
  }
  return null
}

function withFallback(
  issues: readonly { field: string; message: string }[],
  code: string,
  message: string,
): ExceptionReason[] {
  if (issues.length === 0) return [{ field: '(order)', code, message }]
  return issues.map((i) => ({ field: i.field, code, message: i.message }))
}
