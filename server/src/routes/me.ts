import { z } from 'zod'
import { ANY_KEY, apiRoute, apiRouter, json } from '../http/openapi'
import { type Permission, permissions, scopedPermissions } from '../http/permissions'
import type { HubContext } from '../hub-context'

const meSchema = z
  .strictObject({
    keyId: z.string(),
    name: z.string(),
    role: z.string(),
    channelInstanceId: z.string().nullable(),
    permissions: z.array(z.string()),
    canEdit: z.boolean().meta({ description: 'May save and publish rule sets (rules:write)' }),
  })
  .meta({ id: 'Me' })

/** What the calling key is and may do: the rule editor signs in with it and shows or hides editing. */
export function meRoutes(_hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute(ANY_KEY, {
      operationId: 'getMe',
      method: 'get',
      path: '/',
      tags: ['auth'],
      summary: 'The calling API key: its name, role and permissions',
      responses: {
        200: json(meSchema, 'The key'),
      },
    }),
    (c) => {
      const p = c.get('principal')
      const granted = (Object.keys(permissions) as Permission[]).filter(
        (perm) =>
          (permissions[perm] as readonly string[]).includes(p.role) &&
          (!p.channelInstanceId || scopedPermissions.includes(perm)),
      )
      return c.json(
        {
          keyId: p.keyId,
          name: p.name,
          role: p.role,
          channelInstanceId: p.channelInstanceId,
          permissions: granted,
          canEdit: granted.includes('rules:write'),
        },
        200,
      )
    },
  )
  return app
}
