/**
 * A channel plugin that misbehaves on purpose, for the containment test: its poll throws an
 * unclassified error and its status push never answers. The hub must stay up and show the
 * instance as degraded.
 */
import { customerSchema, definePlugin } from '@switchyard/plugin-sdk'

export default definePlugin({
  id: 'broken-channel',
  kind: 'channel',
  version: '0.0.1',
  sdk: '^1.0.0',
  displayName: 'Broken on purpose',
  // Any zod object will do; the SDK's customer schema has only optional fields and spares this
  // fixture a dependency of its own.
  config: customerSchema,
  capabilities: {
    ordersPoll: {
      intervalMs: 1000,
      async poll() {
        throw new Error('boom: the plugin fell over')
      },
    },
    statusPush: {
      pushStatus: () => new Promise(() => {}),
    },
  },
})
