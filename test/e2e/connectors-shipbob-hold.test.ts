import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { ShipbobPeer } from '../peers/shipbob-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

interface FulfilmentView {
  id: string
  status: string
  hold: { reason: string; since: string | null } | null
}

/**
 * ShipBob holding a shipment (`order.shipment.on_hold`: an invalid address, missing customs data)
 * is shown on the hub's fulfilment, with ShipBob's reason, in the order API and its history; it
 * clears when ShipBob takes the shipment up again (seen by the holds poll, since ShipBob sends no
 * webhook for that) and when it ships. Stock and the order's status do not move meanwhile.
 */
describe.each(dbKinds)('ShipBob on hold (%s)', (kind) => {
  let db: TestDb
  let hub: ConnectorHub
  let shipbob: ShipbobPeer
  let channel: RestChannelPeer

  const fulfilmentOf = async (orderId: string): Promise<FulfilmentView> =>
    (await hub.api(`/api/v1/orders/${orderId}`)).body.fulfilments[0]

  /** An order placed through the REST channel, as accepted by ShipBob. */
  async function placed(): Promise<{ orderId: string; fulfilmentId: string }> {
    const posted = await channel.postOrder(hub.url, 'web', sampleOrder())
    expect(posted.status).toBe(201)
    const orderId = (posted.body.results as { orderId: string }[])[0]!.orderId
    const f = await waitFor(
      async () => {
        const f = await fulfilmentOf(orderId)
        return f?.status === 'accepted' ? f : undefined
      },
      10_000,
      'fulfilment accepted by ShipBob',
    )
    expect(shipbob.byReference(f.id)).toBeDefined()
    return { orderId, fulfilmentId: f.id }
  }

  beforeAll(async () => {
    db = await createTestDb(kind)
    shipbob = await ShipbobPeer.start()
    channel = await RestChannelPeer.start('hold-channel-secret')
    hub = await startConnectorHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'WEB_SECRET' }, callbackUrl: channel.callbackUrl },
        },
        {
          id: 'sb',
          use: '@switchyard/shipbob',
          config: {
            baseUrl: shipbob.baseUrl,
            apiToken: { $env: 'SB_TOKEN' },
            channelId: shipbob.channelId,
            webhookSecret: { $env: 'SB_HOOK' },
            locations: { '7': 'akl', '9': 'chc', '11': 'wlg' },
          },
        },
      ],
      { WEB_SECRET: channel.secret, SB_TOKEN: shipbob.apiToken, SB_HOOK: shipbob.webhookSecret },
      { pollMs: 300 },
    )
    await seedWorld(hub.api, { wms: 'sb' })
  })

  afterAll(async () => {
    await hub?.stop()
    await shipbob?.close()
    await channel?.close()
    await db?.drop()
  })

  it('shows the hold with its reason, leaves the order as it was, and clears it when ShipBob lets the shipment go', async () => {
    const { orderId, fulfilmentId } = await placed()
    const before = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(before.status).toBe('released')
    expect(before.fulfilments[0].hold).toBeNull()

    const res = await shipbob.hold(hub.url, 'sb', fulfilmentId, [
      { id: 401, name: 'InvalidAddress', description: 'Invalid Address' },
    ])
    expect(res.status).toBe(200)
    // Held by this delivery, or a moment earlier by the poll that saw ShipBob's status first.
    expect(res.body.results).toEqual([
      { type: 'hold', orderId, fulfilmentId, held: true, changed: expect.any(Boolean) },
    ])

    const held = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(held.status).toBe('released')
    expect(held.fulfilments[0]).toMatchObject({
      id: fulfilmentId,
      status: 'accepted',
      hold: { reason: 'ShipBob On Hold: Invalid Address (InvalidAddress)' },
    })
    expect(Date.parse(held.fulfilments[0].hold.since)).not.toBeNaN()
    expect(held.allocations).toEqual(before.allocations)
    const heldEvents = held.history.filter((h: { type: string }) => h.type === 'fulfilment.held')
    expect(heldEvents).toHaveLength(1)
    expect(heldEvents[0]).toMatchObject({
      actor: 'wms:sb',
      data: { fulfilmentId, reason: 'ShipBob On Hold: Invalid Address (InvalidAddress)' },
    })

    // ShipBob redelivers (a new delivery id): nothing changes, nothing is written twice.
    const again = await shipbob.hold(hub.url, 'sb', fulfilmentId, [
      { id: 401, name: 'InvalidAddress', description: 'Invalid Address' },
    ])
    expect(again.body.results[0]).toMatchObject({ type: 'hold', changed: false })

    // The poll also sees it held (no change), then sees ShipBob take it up again.
    shipbob.releaseHold(fulfilmentId)
    const resumed = await waitFor(
      async () => {
        const f = await fulfilmentOf(orderId)
        return f.hold === null ? f : undefined
      },
      10_000,
      'the hold cleared by the poll',
    )
    expect(resumed.status).toBe('accepted')
    const after = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(after.history.filter((h: { type: string }) => h.type === 'fulfilment.held')).toHaveLength(1)
    expect(after.history.filter((h: { type: string }) => h.type === 'fulfilment.resumed')).toHaveLength(1)
    const polls = shipbob.http.requests.filter((r) => r.path.includes('LastUpdateStartDate='))
    expect(polls.length).toBeGreaterThan(0)
  })

  it('clears a hold when the shipment ships, and ignores holds on orders the hub did not send', async () => {
    const { orderId, fulfilmentId } = await placed()
    await shipbob.hold(hub.url, 'sb', fulfilmentId, [
      { id: 404, name: 'MissingTarriffInformation', description: 'Missing Customs Info' },
    ])
    expect((await fulfilmentOf(orderId)).hold?.reason).toBe(
      'ShipBob On Hold: Missing Customs Info (MissingTarriffInformation)',
    )
    const shipped = await shipbob.ship(hub.url, 'sb', fulfilmentId, {
      carrier: 'USPS',
      trackingNumber: '9400111899223197428490',
    })
    expect(shipped.status).toBe(200)
    const f = await fulfilmentOf(orderId)
    expect(f).toMatchObject({ status: 'shipped', hold: null })

    const foreign = await shipbob.sendWebhook(hub.url, 'sb', 'order.shipment.on_hold', {
      id: 5,
      order_id: 6,
      reference_id: 'not-the-hubs',
      status: 'OnHold',
      status_details: [{ id: 400, name: 'PaymentDeclined', description: 'Payment Failure' }],
    })
    expect(foreign.status).toBe(200)
    expect(foreign.body.results[0].type).toBe('ignored')
  })
})
