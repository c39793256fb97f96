import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi'
import { z } from 'zod'
import { requirePermission } from './auth'
import type { Permission } from './permissions'
import { problemResponse, zodFieldIssues } from './problem'

/** An OpenAPIHono whose validation failures are problem+json naming each field. */
export function apiRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return
      const target = result.target
      const body = target === 'json' || target === 'form'
      return problemResponse(c, {
        status: body ? 422 : 400,
        code: 'VALIDATION_FAILED',
        detail: `the request ${target === 'json' ? 'body' : target} is invalid`,
        errors: zodFieldIssues(result.error as z.ZodError, body ? '(body)' : `(${target})`),
      })
    },
  })
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' })

/** An error response in the document: problem+json, with what it means on this route. */
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
})

/** A JSON success response: every 2xx names its schema, so the document and the editor's types say its shape. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

/** A required JSON request body. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** The error responses every authenticated route can give; `apiRoute` adds them. */
const commonErrors = {
  400: problem(
    'Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter)',
  ),
  401: problem('Missing or invalid API key'),
  403: problem(
    'The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`)',
  ),
  422: problem(
    'Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name)',
  ),
  429: problem(
    '`RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again',
  ),
}
const bodyTooLarge = problem('`BODY_TOO_LARGE`: the body is over 1 MiB')

/** Writes take an Idempotency-Key (server/src/http/idempotency.ts). */
const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({
      description:
        'Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry ' +
        'with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. ' +
        'The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being ' +
        'answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s.',
    }),
})
const keyInUse = problem(
  '`IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered',
)

/** 409 on an order: what its state does not allow, with `code` and `details` saying why. */
export const orderConflict = problem(
  "The order's state does not allow this: `OPERATION_NOT_ALLOWED` (naming the state), `ILLEGAL_TRANSITION` (a status move the state machine refuses, naming both states), `ORDER_STATUS_CHANGED` (it changed meanwhile: read it again), or another conflict named by `code`",
)

/** What `/me` needs: any valid key. */
export const ANY_KEY = 'authenticated'

/**
 * A route that declares the permission it needs: the check runs as its middleware (before the
 * request is validated), and the document names it in `x-permission` and as the bearer
 * requirement's scope, from this one argument, so the two cannot differ. The route lists its
 * success responses and its own 404/409; the errors every route can give are added here.
 */
export function apiRoute<R extends RouteConfig & { operationId: string }>(
  permission: Permission | typeof ANY_KEY,
  config: R,
): R {
  const write = config.method === 'post' || config.method === 'patch'
  const headers = config.request?.headers
  return createRoute({
    ...config,
    ...(write
      ? {
          request: {
            ...config.request,
            // A write's own headers (If-Match) come beside the Idempotency-Key every write takes.
            headers:
              headers instanceof z.ZodObject
                ? idempotencyHeaders.extend(headers.shape)
                : (headers ?? idempotencyHeaders),
          },
        }
      : {}),
    responses: {
      ...commonErrors,
      ...(config.request?.body ? { 413: bodyTooLarge } : {}),
      ...(write ? { 409: keyInUse } : {}),
      ...config.responses,
    },
    security: [{ bearer: [permission] }],
    'x-permission': permission,
    ...(permission === ANY_KEY ? {} : { middleware: requirePermission(permission) }),
  }) as R
}
