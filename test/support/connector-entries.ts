import type { AmazonPeer } from '../peers/amazon-peer'
import type { EbayPeer } from '../peers/ebay-peer'
import type { ShipbobPeer } from '../peers/shipbob-peer'
import type { PluginEntry } from './test-hub'

/**
 * Plugin instances of the connectors as the tests configure them against their simulated peers:
 * one description each, so a config change is made once. Secrets come from the environment
 * variables the tests set (`AMZN_CLIENT_SECRET`, `AMZN_REFRESH_TOKEN`, `EBAY_CLIENT_SECRET`,
 * `EBAY_REFRESH_TOKEN`, and `EBAY_DELETION_TOKEN` when a test gives a `deletionEndpoint`;
 * `SB_TOKEN` and `SB_HOOK` for ShipBob).
 */
export function amazonEntry(amazon: AmazonPeer, config: Record<string, unknown> = {}): PluginEntry {
  return {
    id: 'amzn',
    use: '@switchyard/amazon',
    config: {
      endpoint: amazon.http.url,
      tokenUrl: `${amazon.http.url}/auth/o2/token`,
      marketplaceId: amazon.marketplaceId,
      sellerId: 'A2EXAMPLESELLER',
      clientId: amazon.clientId,
      clientSecret: { $env: 'AMZN_CLIENT_SECRET' },
      refreshToken: { $env: 'AMZN_REFRESH_TOKEN' },
      reconcileFrom: new Date(Date.now() - 60_000).toISOString(),
      lookbackSec: 0,
      ...config,
    },
  }
}

/** The eBay seller's application against the simulated eBay APIs; its stock calls are not paced down. */
export function ebayEntry(ebay: EbayPeer, config: Record<string, unknown> = {}): PluginEntry {
  return {
    id: 'ebay',
    use: '@switchyard/ebay',
    config: {
      apiUrl: ebay.http.url,
      tokenUrl: `${ebay.http.url}/identity/v1/oauth2/token`,
      clientId: ebay.clientId,
      clientSecret: { $env: 'EBAY_CLIENT_SECRET' },
      refreshToken: { $env: 'EBAY_REFRESH_TOKEN' },
      marketplaceId: ebay.marketplaceId,
      reconcileFrom: new Date(Date.now() - 60_000).toISOString(),
      lookbackSec: 0,
      callsPerSec: 50,
      ...(config.deletionEndpoint ? { deletionVerificationToken: { $env: 'EBAY_DELETION_TOKEN' } } : {}),
      ...config,
    },
  }
}

/** The EDI X12 trading partner ACME RETAIL, exchanging files through `mailbox`. */
export function ediEntry(mailbox: string, config: Record<string, unknown> = {}): PluginEntry {
  return {
    id: 'acme-edi',
    use: '@switchyard/edi-x12',
    config: {
      mailbox,
      partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
      us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
      usage: 'T',
      currency: 'NZD',
      shipFrom: { name: 'AUCKLAND DC', id: 'AKL' },
      remitTo: { name: 'HUB SUPPLIER LTD', id: 'HUB' },
      gs1CompanyPrefix: '0012345',
      ...config,
    },
  }
}

/** ShipBob as the WMS `sb`, against the simulated ShipBob. */
export function shipbobEntry(shipbob: ShipbobPeer): PluginEntry {
  return {
    id: 'sb',
    use: '@switchyard/shipbob',
    config: {
      baseUrl: shipbob.baseUrl,
      apiToken: { $env: 'SB_TOKEN' },
      channelId: shipbob.channelId,
      webhookSecret: { $env: 'SB_HOOK' },
    },
  }
}

/** The environment `shipbobEntry` reads its secrets from. */
export const shipbobEnv = (shipbob: ShipbobPeer) => ({
  SB_TOKEN: shipbob.apiToken,
  SB_HOOK: shipbob.webhookSecret,
})
