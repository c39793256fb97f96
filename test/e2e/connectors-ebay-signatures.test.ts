import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EbayPeer } from '../peers/ebay-peer'
import { waitFor } from '../peers/http-peer'
import { ebayEntry } from '../support/connector-entries'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

/**
 * A seller domiciled in the EU or the UK: eBay accepts a Post-Order cancellation only with a digital
 * signature. The hub's eBay instance holds the seller's Key Management keypair (as secrets from the
 * environment), and the simulated eBay checks each signature with its own verifier
 * (test/peers/ebay-signatures.ts) against eBay's guide: digest, components, time, key.
 */
describe.each(dbKinds)('eBay digital signatures through the hub on %s', (kind) => {
  let db: TestDb
  let hub: ConnectorHub
  let ebay: EbayPeer
  const order = async (externalId: string) =>
    (await hub.api(`/api/v1/orders?channel=ebay&externalId=${externalId}`)).body.items[0]

  beforeAll(async () => {
    db = await createTestDb(kind)
    ebay = await EbayPeer.start()
    ebay.sellerInEurope = true
    const key = ebay.signatures.createSigningKey()
    hub = await startConnectorHub(
      db,
      [
        ebayEntry(ebay, {
          signingKeyJwe: { $env: 'EBAY_SIGNING_JWE' },
          signingPrivateKey: { $env: 'EBAY_SIGNING_KEY' },
        }),
      ],
      {
        EBAY_CLIENT_SECRET: ebay.clientSecret,
        EBAY_REFRESH_TOKEN: ebay.refreshToken,
        EBAY_SIGNING_JWE: key.jwe,
        EBAY_SIGNING_KEY: key.privateKey,
      },
      { pollMs: 250 },
    )
    await seedWorld(hub.api)
  })

  afterAll(async () => {
    await hub?.stop()
    await ebay?.close()
    await db?.drop()
  })

  it('cancels on eBay with a signed Post-Order call that eBay accepts', async () => {
    const sold = ebay.createOrder([{ sku: 'SKU-A', quantity: 1, price: '19.90' }])
    const taken = await waitFor(() => order(sold.orderId), 15_000, 'polled eBay order')
    const res = await hub.api(`/api/v1/orders/${taken.id}/cancel`, { body: { reason: 'out of stock' } })
    expect(res.status).toBe(200)
    const cancelled = await waitFor(
      () => ebay.cancellations.find((c) => c.legacyOrderId === sold.legacyOrderId),
      15_000,
      'signed Post-Order cancellation',
    )
    expect(cancelled.cancelReason).toBe('OUT_OF_STOCK_OR_CANNOT_FULFILL')
    expect(ebay.signedCalls).toContain('/post-order/v2/cancellation')
    // The secret key never reaches a log line.
    const privateKey = (hub.logs.join('\n').match(/MC4CAQAwBQYDK2VwBCIEI[A-Za-z0-9+/=]+/) ?? [])[0]
    expect(privateKey).toBeUndefined()
  })
})
