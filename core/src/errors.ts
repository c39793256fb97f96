/**
 * Domain errors. Each has a stable `code` that API clients can rely on; the server maps them to
 * HTTP statuses and problem+json, so core never speaks HTTP.
 */
export interface FieldIssue {
  field: string
  message: string
}

export abstract class SwitchyardError extends Error {
  abstract readonly code: string
  /** The kind of failure, which the server maps to a status. */
  abstract readonly kind: 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable' | 'internal'
  readonly details: Record<string, unknown> | undefined
  constructor(message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.details = details
  }
}

export class ValidationError extends SwitchyardError {
  readonly code: string
  readonly kind = 'validation' as const
  readonly issues: FieldIssue[]
  constructor(message: string, issues: FieldIssue[], code = 'VALIDATION_FAILED') {
    super(message)
    this.code = code
    this.issues = issues
  }
}

export class UnknownSkuError extends ValidationError {
  constructor(issues: FieldIssue[]) {
    super('order references unknown skus', issues, 'UNKNOWN_SKU')
  }
}

export class NotFoundError extends SwitchyardError {
  readonly code: string
  readonly kind = 'not_found' as const
  constructor(what: string, id: string, code = 'NOT_FOUND') {
    super(`${what} '${id}' not found`, { [what]: id })
    this.code = code
  }
}

export class ConflictError extends SwitchyardError {
  readonly code: string
  readonly kind = 'conflict' as const
  constructor(message: string, code = 'CONFLICT', details?: Record<string, unknown>) {
    super(message, details)
    this.code = code
  }
}

export class IllegalTransitionError extends SwitchyardError {
  readonly code = 'ILLEGAL_TRANSITION'
  readonly kind = 'conflict' as const
  constructor(
    readonly from: string,
    readonly to: string,
    readonly orderId?: string,
  ) {
    super(`an order in state '${from}' cannot move to '${to}'`, { from, to, ...(orderId ? { orderId } : {}) })
  }
}

export class ServiceUnavailableError extends SwitchyardError {
  readonly code: string
  readonly kind = 'unavailable' as const
  constructor(message: string, code = 'UNAVAILABLE', options?: { cause?: unknown }) {
    super(message, undefined, options)
    this.code = code
  }
}

export function isSwitchyardError(value: unknown): value is SwitchyardError {
  return value instanceof SwitchyardError
}
