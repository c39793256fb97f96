import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HubConfigFile } from '../plugins/config-file'
import { DEMO_EDI_OUR_ID, DEMO_EDI_PARTNER_ID } from './demo-edi-partner'

export const DEMO_CHANNEL = 'demo-web'
export const DEMO_WMS = 'demo-wms'
/** The demo marketplace: the Amazon plugin, talking to a stand-in SP-API the hub serves at /demo/amazon. */
export const DEMO_MARKET = 'demo-market'
/** The demo EDI trading partner: the X12 plugin, with a mailbox folder standing in for the SFTP drop. */
export const DEMO_EDI = 'demo-edi'
export const DEMO_MARKETPLACE_ID = 'A2EUQ1WTGCTBG2'

/**
 * With no config file, the demo runs three kinds of channel (a storefront over the REST channel, a
 * marketplace over the Amazon plugin, an EDI trading partner over the X12 plugin) and a REST WMS.
 * Their peers are stand-ins: the storefront, the SP-API and the warehouse are served by the hub
 * itself under `/demo/...`, and the trading partner's mailbox is a local folder
 * (SWITCHYARD_DEMO_EDI_MAILBOX, else one in the system's temp folder). So an order placed on any
 * of them walks all the way to shipped, with the real plugins doing the talking. The secrets are
 * demo values unless the environment gives others.
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
        id: DEMO_MARKET,
        use: '@switchyard/amazon',
        enabled: true,
        config: {
          endpoint: `${publicUrl}/demo/amazon`,
          tokenUrl: `${publicUrl}/demo/amazon/auth/o2/token`,
          marketplaceId: DEMO_MARKETPLACE_ID,
          sellerId: 'DEMOSELLER',
          clientId: 'demo-client',
          clientSecret: 'demo-client-secret',
          refreshToken: 'Atzr|demo-refresh-token',
          acknowledge: false,
        },
      },
      {
        id: DEMO_EDI,
        use: '@switchyard/edi-x12',
        enabled: true,
        config: {
          mailbox: env.SWITCHYARD_DEMO_EDI_MAILBOX || join(tmpdir(), 'switchyard-demo-edi'),
          partner: { qualifier: 'ZZ', id: DEMO_EDI_PARTNER_ID },
          us: { qualifier: 'ZZ', id: DEMO_EDI_OUR_ID },
          usage: 'T',
          currency: 'NZD',
          defaultCountry: 'NZ',
          shipFrom: { name: 'Switchyard demo DC', id: 'AKL-DC' },
          remitTo: { name: 'Switchyard demo', id: 'SY-DEMO' },
          gs1CompanyPrefix: '9421000',
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
