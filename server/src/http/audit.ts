import type { AuditStore } from '@switchyard/core'
import type { MiddlewareHandler } from 'hono'

/** Reads a resource the way its caller could (the API's own GET, with the caller's key). */
export type ReadResource = (path: string, authorization: string) => Promise<unknown>

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Field names whose values never reach the trail. */
const SECRET = /secret|token|password|api_?key|authorization|signature/i
/** Larger request or resource bodies are noted by size only. */
const MAX_JSON = 64 * 1024

/**
 * Appends every write made through the API to the audit trail (core/src/audit): who (key, name,
 * role), what (method, path, route, the body with secrets masked), the status, and for a change to
 * an existing resource (`/orders/{id}/cancel`, `PUT /rules/sets/{id}/versions/{v}`) the resource
 * read before and after through the API itself. A new resource's `after` is the answer. Runs after
 * idempotency: a replayed answer did no work and is not a write.
 */
export function audit(store: AuditStore, read: ReadResource): MiddlewareHandler {
  return async function auditWrites(c, next) {
    if (!WRITES.has(c.req.method)) return next()
    const principal = c.get('principal')
    const authorization = c.req.header('authorization') ?? ''
    const subject = subjectOf(c.req.method, c.req.path)
    const before = subject ? await read(subject, authorization) : null
    const request = await bodyOf(() => c.req.text())
    await next()
    const after = subject
      ? await read(subject, authorization)
      : c.res.status < 300
        ? await bodyOf(() => c.res.clone().text())
        : null
    await store.append({
      at: Date.now(),
      keyId: principal.keyId,
      keyName: principal.name,
      role: principal.role,
      channelScope: principal.channelInstanceId ?? null,
      method: c.req.method,
      path: c.req.path,
      route: c.req.routePath || c.req.path,
      status: c.res.status,
      requestId: c.get('requestId') ?? null,
      request,
      before,
      after,
    })
  }
}

/**
 * The existing resource a write changes: the path itself (PUT, PATCH, DELETE) or the one an action
 * acts on (`POST …/{id}/cancel` → `…/{id}`), when the path ends in an id. Collections and creates
 * have none: their `after` is the answer.
 */
export function subjectOf(method: string, path: string): string | null {
  const segments = path
    .replace(/^\/api\/v1/, '')
    .split('/')
    .filter(Boolean)
  const target = method === 'POST' ? segments.slice(0, -1) : segments
  const last = target[target.length - 1]
  // An id: a UUID, a version number, or any segment with a digit in it.
  return last !== undefined && /\d/.test(last) ? `/${target.join('/')}` : null
}

async function bodyOf(text: () => Promise<string>): Promise<unknown> {
  const raw = await text().catch(() => '')
  if (!raw) return null
  if (raw.length > MAX_JSON) return { truncated: true, bytes: raw.length }
  try {
    return masked(JSON.parse(raw))
  } catch {
    return { text: raw.slice(0, 200) }
  }
}

/** The value with every secret-looking field's value replaced. */
export function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET.test(k) && typeof v !== 'object' ? '***' : masked(v)]),
    )
  return value
}

/** A ReadResource over the API app: the resource's JSON when it answers 200, else null. */
export function readThrough(
  request: (path: string, init: RequestInit) => Response | Promise<Response>,
): ReadResource {
  return async (path, authorization) => {
    const res = await request(path, { headers: { authorization } })
    if (res.status !== 200) return null
    return masked(await res.json().catch(() => null))
  }
}
