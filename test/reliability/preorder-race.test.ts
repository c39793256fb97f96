import { afterAll, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import { allOrders, checkOrderInvariants } from '../support/invariants'
import { type RaceHubs, raceClients, startRaceHubs } from '../support/race'
import { seedWorld } from '../support/world'

const ORDERS = Number(process.env.PREORDER_RACE_ORDERS ?? 400)
const CLIENTS = 20
const CAP = 50
// Two purchase orders of a pre-order sku: the first brings 40 (under the cap, so all 40 may be
// sold ahead), the second 100 (50 may be). 90 units in all may be pre-sold, and no more.
const SUPPLY = [
  { externalRef: 'PO-EARLY', locationId: 'akl', quantity: 40, expectedDate: '2027-05-01' },
  { externalRef: 'PO-LATE', locationId: 'wlg', quantity: 100, expectedDate: '2027-06-01' },
]
const ROOM = 40 + CAP

type Supply = { externalRef: string; quantityExpected: number; preorderSold: number }

/**
 * Two channels sell the last pre-order units at once: 20 clients, 400 one-unit orders for 90 units
 * of room (two hubs on PostgreSQL). Each take is one conditional update on the supply's row, so
 * exactly 90 orders are taken, every other one is refused with PREORDER_CAP_REACHED, and no supply
 * is sold beyond its cap.
 */
describe.each([
  ['sqlite', 1],
  ['postgresql', 2],
] as const)('pre-order race on %s with %i hub(s)', (kind, hubCount) => {
  let hubs: RaceHubs | undefined
  afterAll(() => hubs?.stop())

  it('never sells a pre-order beyond its cap', async () => {
    hubs = await startRaceHubs(kind, hubCount, ['web', 'pos'])
    const { api, apis } = hubs
    await seedWorld(api, { stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 1 }] })
    const product = await api('/api/v1/products', {
      method: 'PUT',
      body: { items: [{ sku: 'PRE-1', name: 'Next season jacket', preorder: true, preorderCap: CAP }] },
    })
    expect(product.status).toBe(200)
    for (const s of SUPPLY)
      expect((await api('/api/v1/inbound-supplies', { body: { sku: 'PRE-1', ...s } })).status).toBe(201)

    const answers: Record<string, number> = {}
    await raceClients(CLIENTS, ORDERS, async (i, n) => {
      const res = await apis[(i + n) % apis.length]!('/api/v1/orders', {
        body: {
          channel: i % 2 ? 'web' : 'pos',
          order: sampleOrder({ externalId: `PR-${i}` }, [{ sku: 'PRE-1', quantity: 1 }]),
        },
      })
      const answer = res.status === 201 ? `201 ${res.body.status}` : `${res.status} ${res.body.code}`
      answers[answer] = (answers[answer] ?? 0) + 1
    })

    expect(answers).toEqual({
      '201 backordered': ROOM,
      '422 PREORDER_CAP_REACHED': ORDERS - ROOM,
    })
    const supplies = (await api('/api/v1/inbound-supplies?sku=PRE-1')).body.items as Supply[]
    const sold = Object.fromEntries(supplies.map((s) => [s.externalRef, s.preorderSold]))
    expect(sold).toEqual({ 'PO-EARLY': 40, 'PO-LATE': CAP })
    const orders = await allOrders(api)
    expect(orders).toHaveLength(ROOM)
    expect(await checkOrderInvariants(api, orders)).toEqual([])
    process.stdout.write(
      `pre-order race figures (${kind}, ${hubCount} hub(s)): ${JSON.stringify({ orders: ORDERS, clients: CLIENTS, room: ROOM, answers, sold })}\n`,
    )
  }, 600_000)
})
