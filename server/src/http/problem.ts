import { type ErrorCode, type FieldIssue, isConnectionError, isSwitchyardError } from '@switchyard/core'
import { isPayloadError, isPluginError, type PayloadIssue, zodIssues } from '@switchyard/plugin-sdk'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'

/** RFC 9457 problem details, plus a stable `code` and, for validation, the failing fields. */
export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  code: string
  errors?: FieldIssue[]
  requestId?: string
  [extra: string]: unknown
}

export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldIssue[],
    readonly headers?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'ProblemError'
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  408: 'Request timeout',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  501: 'Not implemented',
  503: 'Service unavailable',
}

export function problemTitle(status: number): string {
  return TITLES[status] ?? 'Error'
}

export interface ProblemInput {
  status: number
  /** From the closed list; `HTTP_<status>` only for a framework error the hub did not raise. */
  code: ErrorCode | `HTTP_${number}`
  title?: string
  detail?: string
  errors?: FieldIssue[]
  [extra: string]: unknown
}

export function problemResponse(
  c: Context,
  problem: ProblemInput,
  headers?: Record<string, string>,
): Response {
  const body: Problem = {
    type: `https://switchyard.dev/problems/${problem.code.toLowerCase().replace(/_/g, '-')}`,
    title: problem.title ?? problemTitle(problem.status),
    ...problem,
    requestId: c.get('requestId') as string | undefined,
  }
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  })
}

export function zodFieldIssues(error: ZodError, root = '(body)'): FieldIssue[] {
  return zodIssues(error, [], root)
}

const KIND_STATUS = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  precondition: 412,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
} as const

/**
 * Validation failures that are about a query parameter, not a body: 400, as the route schemas
 * answer for their own query checks (every list's cursor).
 */
const QUERY_CODES: ReadonlySet<string> = new Set(['INVALID_CURSOR'])

/** Maps anything thrown in a handler to problem+json; unknown errors are 500 and logged. */
export function toProblem(c: Context, error: unknown, log: (e: unknown) => void): Response {
  if (error instanceof ProblemError) {
    return problemResponse(
      c,
      {
        status: error.status,
        code: error.code,
        detail: error.message,
        ...(error.errors ? { errors: error.errors } : {}),
        ...error.extra,
      },
      error.headers,
    )
  }
  if (isSwitchyardError(error)) {
    const issues = (error as { issues?: FieldIssue[] }).issues
    return problemResponse(c, {
      status: QUERY_CODES.has(error.code) ? 400 : KIND_STATUS[error.kind],
      code: error.code,
      detail: error.message,
      ...(issues ? { errors: issues } : {}),
      ...(error.details && error.kind !== 'validation' ? { details: error.details } : {}),
    })
  }
  if (isPayloadError(error)) {
    const malformed = error.status === 400
    return problemResponse(c, {
      status: malformed ? 400 : 422,
      code: malformed ? 'MALFORMED_JSON' : 'INVALID_PAYLOAD',
      detail: error.message,
      errors: (error as { issues: PayloadIssue[] }).issues,
    })
  }
  if (isPluginError(error)) {
    log(error)
    const status = error.failure === 'transient' ? 503 : 502
    return problemResponse(c, { status, code: error.code, detail: error.message })
  }
  if (error instanceof HTTPException) {
    const malformed = /malformed json|unexpected token|json/i.test(error.message) && error.status === 400
    return problemResponse(c, {
      status: error.status,
      code: malformed ? 'MALFORMED_JSON' : `HTTP_${error.status}`,
      detail: error.message,
      ...(malformed ? { errors: [{ field: '(body)', message: 'is not valid JSON' }] } : {}),
    })
  }
  if (isConnectionError(error)) {
    // Whatever path met the outage first (a price book reload, a catalogue read), the answer is the
    // same: nothing was accepted, try again shortly.
    log(error)
    return problemResponse(
      c,
      {
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
        detail: 'the database is unreachable; nothing was accepted, try again shortly',
      },
      { 'retry-after': '2' },
    )
  }
  log(error)
  return problemResponse(c, {
    status: 500,
    code: 'INTERNAL',
    detail: 'an unexpected error occurred; it has been logged',
  })
}
