/**
 * Errors a plugin raises, classified so the host knows what to do: `config` stops the instance
 * until someone fixes it, `transient` is retried with backoff, `permanent` gives up on that message.
 * Checked by brand, not `instanceof`, so a second copy of the SDK still classifies correctly.
 */
const BRAND = Symbol.for('switchyard:plugin-error')

/** Every code a plugin error carries, with what it means: a closed list, so a caller can switch on it. */
export const pluginErrorCodes = {
  SWITCHYARD_PLUGIN_CONFIG: "the instance's config is wrong; it stops until someone fixes it",
  SWITCHYARD_PLUGIN_TRANSIENT: 'the peer failed for now; retried with backoff',
  SWITCHYARD_PLUGIN_RATE_LIMITED: 'the peer asked us to slow down; retried after its Retry-After',
  SWITCHYARD_PLUGIN_TIMEOUT: 'the peer did not answer in time; retried with backoff',
  SWITCHYARD_PLUGIN_PERMANENT: 'the peer refused for good; that message is given up',
  SWITCHYARD_PLUGIN_PAYLOAD: 'the peer sent a body that can never be accepted; answered naming the fields',
} as const

export type PluginErrorCode = keyof typeof pluginErrorCodes

export type FailureClass = 'config' | 'transient' | 'permanent'

export interface PluginErrorOptions {
  cause?: unknown
  retryAfterMs?: number
  status?: number
  details?: Record<string, unknown>
}

export class PluginError extends Error {
  readonly [BRAND] = true
  readonly code: PluginErrorCode
  readonly failure: FailureClass
  readonly retryAfterMs: number | undefined
  readonly status: number | undefined
  readonly details: Record<string, unknown> | undefined

  constructor(
    message: string,
    code: PluginErrorCode,
    failure: FailureClass,
    options: PluginErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'PluginError'
    this.code = code
    this.failure = failure
    this.retryAfterMs = options.retryAfterMs
    this.status = options.status
    this.details = options.details
  }
}

export class ConfigError extends PluginError {
  constructor(message: string, options?: PluginErrorOptions) {
    super(message, 'SWITCHYARD_PLUGIN_CONFIG', 'config', options)
    this.name = 'ConfigError'
  }
}

export class TransientError extends PluginError {
  constructor(message: string, options?: PluginErrorOptions) {
    super(message, 'SWITCHYARD_PLUGIN_TRANSIENT', 'transient', options)
    this.name = 'TransientError'
  }
}

export class RateLimitedError extends PluginError {
  constructor(message: string, options?: PluginErrorOptions) {
    super(message, 'SWITCHYARD_PLUGIN_RATE_LIMITED', 'transient', options)
    this.name = 'RateLimitedError'
  }
}

export class TimeoutError extends PluginError {
  constructor(message: string, options?: PluginErrorOptions) {
    super(message, 'SWITCHYARD_PLUGIN_TIMEOUT', 'transient', options)
    this.name = 'TimeoutError'
  }
}

export class PermanentError extends PluginError {
  constructor(message: string, options?: PluginErrorOptions) {
    super(message, 'SWITCHYARD_PLUGIN_PERMANENT', 'permanent', options)
    this.name = 'PermanentError'
  }
}

export interface PayloadIssue {
  /** Where in the payload, written as a path such as `lines[0].quantity`. */
  field: string
  message: string
}

/** The peer sent something we cannot accept; the host answers 422 naming each field. */
export class PayloadError extends PluginError {
  readonly issues: PayloadIssue[]
  constructor(message: string, issues: PayloadIssue[], options?: PluginErrorOptions) {
    super(message, 'SWITCHYARD_PLUGIN_PAYLOAD', 'permanent', options)
    this.name = 'PayloadError'
    this.issues = issues
  }
}

export function isPluginError(value: unknown): value is PluginError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true
}

export function isPayloadError(value: unknown): value is PayloadError {
  return isPluginError(value) && value.code === 'SWITCHYARD_PLUGIN_PAYLOAD'
}

/** Anything a plugin throws that is not classified is treated as transient: retrying is the safe default. */
export function classifyError(error: unknown): PluginError {
  if (isPluginError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new TransientError(`unclassified plugin failure: ${message}`, { cause: error })
}
