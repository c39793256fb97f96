import { RestChannelPeer } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import type { TestDb } from './databases'
import { type PluginEntry, startTestHub, type TestHub } from './test-hub'

export interface RestHub {
  hub: TestHub
  /** The storefront peer behind instance `web` (REST channel). */
  channel: RestChannelPeer
  /** The warehouse peer behind instance `dc` (REST WMS). */
  wms: RestWmsPeer
  stop(): Promise<void>
}

/**
 * The usual end-to-end hub: a REST channel `web` and a REST WMS `dc`, each with a simulated peer on
 * 127.0.0.1, plus any further plugins and environment a test needs.
 */
export async function startRestHub(
  db: TestDb,
  extra: {
    plugins?: readonly PluginEntry[]
    env?: Record<string, string>
    adminKey?: string
    /** More config of the channel instance `web` (e.g. a `refundsUrl` on its peer). */
    channelConfig?: (peer: RestChannelPeer) => Record<string, unknown>
  } = {},
): Promise<RestHub> {
  const channel = await RestChannelPeer.start('channel-secret-123')
  const wms = await RestWmsPeer.start('wms-api-key-456', 'wms-hook-secret-789')
  const hub = await startTestHub(
    db,
    [
      {
        id: 'web',
        use: '@switchyard/rest-channel',
        config: {
          secret: { $env: 'WEB_SECRET' },
          callbackUrl: channel.callbackUrl,
          ...extra.channelConfig?.(channel),
        },
      },
      {
        id: 'dc',
        use: '@switchyard/rest-wms',
        config: { baseUrl: wms.http.url, apiKey: { $env: 'DC_KEY' }, webhookSecret: { $env: 'DC_HOOK' } },
      },
      ...(extra.plugins ?? []),
    ],
    { WEB_SECRET: channel.secret, DC_KEY: wms.apiKey, DC_HOOK: wms.webhookSecret, ...extra.env },
    extra.adminKey,
  )
  return {
    hub,
    channel,
    wms,
    async stop() {
      await hub.stop()
      await channel.close()
      await wms.close()
    },
  }
}
