/**
 * A webhook-only channel plugin that misbehaves on purpose (no poll, so nothing else touches its
 * health during the containment test): verify hangs on /hang, parse throws on /throw.
 */
import { customerSchema, definePlugin } from '@switchyard/plugin-sdk'

export default definePlugin({
  id: 'broken-webhook-channel',
  kind: 'channel',
  version: '0.0.1',
  sdk: '^1.0.0',
  displayName: 'Broken webhooks on purpose',
  // Any zod object will do; the SDK's customer schema has only optional fields.
  config: customerSchema,
  capabilities: {
    webhook: {
      produces: ['order'],
      verify(request) {
        if (request.path === '/hang') return new Promise(() => {})
        return { ok: true }
      },
      parse(request) {
        if (request.path === '/throw')
          throw new TypeError('cannot read properties of undefined (reading "id")')
        return { events: [] }
      },
    },
  },
})
