import type { ApiKeys, Principal } from '@switchyard/core'
import type { MiddlewareHandler } from 'hono'
import { type Permission, permissions, scopedPermissions } from './permissions'
import { ProblemError } from './problem'

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal
  }
}

/** Authenticates `Authorization: Bearer <key>`; every /api route needs it. */
export function authenticate(keys: ApiKeys): MiddlewareHandler {
  return async function authenticate(c, next) {
    const header = c.req.header('authorization')
    if (!header) {
      throw new ProblemError(
        401,
        'UNAUTHENTICATED',
        'send an API key as Authorization: Bearer <key>',
        undefined,
        {
          'www-authenticate': 'Bearer realm="switchyard"',
        },
      )
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const principal = match ? await keys.verify(match[1]!) : null
    if (!principal) {
      throw new ProblemError(401, 'INVALID_API_KEY', 'the API key is unknown or revoked', undefined, {
        'www-authenticate': 'Bearer realm="switchyard", error="invalid_token"',
      })
    }
    c.set('principal', principal)
    await next()
  }
}

/** Refuses with 403 unless the key's role (and scope) allows `permission`. */
export function requirePermission(permission: Permission): MiddlewareHandler {
  return async function requirePermission(c, next) {
    assertPermission(c.get('principal'), permission)
    await next()
  }
}

function assertPermission(principal: Principal, permission: Permission): void {
  if (!(permissions[permission] as readonly string[]).includes(principal.role)) {
    throw new ProblemError(
      403,
      'FORBIDDEN_ROLE',
      `role '${principal.role}' may not ${permission.replace(':', ' ')}`,
    )
  }
  if (principal.channelInstanceId && !scopedPermissions.includes(permission)) {
    throw new ProblemError(
      403,
      'FORBIDDEN_SCOPE',
      `a key scoped to channel '${principal.channelInstanceId}' may not ${permission.replace(':', ' ')}`,
    )
  }
}

/**
 * A scoped key may act only for its own channel instance: naming another channel (creating an
 * order, a reservation or a quote for it, filtering a list by it) is 403 `FORBIDDEN_SCOPE`.
 */
export function assertChannelScope(principal: Principal, channelInstanceId: string): void {
  if (principal.channelInstanceId && principal.channelInstanceId !== channelInstanceId) {
    throw new ProblemError(
      403,
      'FORBIDDEN_SCOPE',
      `this key is scoped to channel '${principal.channelInstanceId}' and may not act for '${channelInstanceId}'`,
    )
  }
}

/**
 * A scoped key sees only its own channel's resources: another channel's order, return or
 * reservation is not found (404), as a missing one is, so the key cannot learn that it exists.
 */
export function hideOtherChannel(
  principal: Principal,
  owner: string | null | undefined,
  notFound: () => Error,
): void {
  if (principal.channelInstanceId && owner !== principal.channelInstanceId) throw notFound()
}
