import type { HubConfigFile } from '../plugins/config-file'

export const DEMO_CHANNEL = 'demo-web'
export const DEMO_WMS = 'demo-wms'

/**
 * With no config file, the demo runs a REST channel and a REST WMS whose peers are simulated inside
 * the hub (`/demo/...`), so an order placed on the demo channel walks all the way to shipped.
 * The secrets are demo values unless the environment gives others.
 */
export function demoConfig(publicUrl: string, env: NodeJS.ProcessEnv): HubConfigFile {
  return {
    baseDir: process.cwd(),
    path: undefined,
    plugins: [
      {
        id: DEMO_CHANNEL,
        use: '@switchyard/rest-channel',
        enabled: true,
        config: {
          secret: env.SWITCHYARD_DEMO_CHANNEL_SECRET || 'demo-channel-secret',
          callbackUrl: `${publicUrl}/demo/channel/callback`,
        },
      },
      {
        id: DEMO_WMS,
        use: '@switchyard/rest-wms',
        enabled: true,
        config: {
          baseUrl: `${publicUrl}/demo/wms`,
          apiKey: env.SWITCHYARD_DEMO_WMS_KEY || 'demo-wms-api-key',
          webhookSecret: env.SWITCHYARD_DEMO_WMS_SECRET || 'demo-wms-webhook-secret',
        },
      },
    ],
  }
}
