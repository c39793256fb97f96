import { afterAll, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import { allOrders, checkOrderInvariants } from '../support/invariants'
import { type RaceHubs, raceClients, startRaceHubs } from '../support/race'
import { seedWorld } from '../support/world'

const ORDERS = Number(process.env.PREORDER_RACE_ORDERS ?? 480)
const CLIENTS = 20
// Many pre-order skus with a little room each, so the last units are fought over many times: each
// has a purchase order of 10 of which its cap lets 3 be sold ahead.
const SKUS = Array.from({ length: 40 }, (_, i) => `PRE-${i}`)
const CAP = 3
const ROOM = SKUS.length * CAP

type Dated = { sku: string; on: { backordered: number; preorder: { room: number } } }

/**
 * Two channels sell the last pre-order units at once: 20 clients, 480 one-unit orders over 40
 * pre-order skus with room for 3 each (two hubs on PostgreSQL). Each intake locks the sku's open
 * supply rows before it counts the units waiting, so exactly 120 orders are taken, 3 per sku, and
 * every other one is refused with PREORDER_CAP_REACHED.
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
    const items = SKUS.map((sku) => ({ sku, name: `Pre-order ${sku}`, preorder: true, preorderCap: CAP }))
    expect((await api('/api/v1/products', { method: 'PUT', body: { items } })).status).toBe(200)
    for (const sku of SKUS) {
      const po = { sku, locationId: 'akl', quantity: 10, expectedDate: '2027-05-01' }
      expect((await api('/api/v1/inbound-supplies', { body: po })).status).toBe(201)
    }

    const answers: Record<string, number> = {}
    await raceClients(CLIENTS, ORDERS, async (i, n) => {
      const res = await apis[(i + n) % apis.length]!('/api/v1/orders', {
        body: {
          channel: i % 2 ? 'web' : 'pos',
          // A customer each: nothing about the customer makes two intakes wait for each other.
          order: sampleOrder(
            { externalId: `PR-${i}`, customer: { email: `c${i}@example.nz`, name: `Customer ${i}` } },
            [{ sku: SKUS[i % SKUS.length]!, quantity: 1 }],
          ),
        },
      })
      const answer = res.status === 201 ? `201 ${res.body.status}` : `${res.status} ${res.body.code}`
      answers[answer] = (answers[answer] ?? 0) + 1
    })

    expect(answers).toEqual({
      '201 backordered': ROOM,
      '422 PREORDER_CAP_REACHED': ORDERS - ROOM,
    })
    const dated: Dated[] = []
    for (let i = 0; i < SKUS.length; i += 20) {
      const skus = SKUS.slice(i, i + 20).join(',')
      dated.push(...((await api(`/api/v1/availability?sku=${skus}&on=2027-12-31`)).body.items as Dated[]))
    }
    const overCap = dated.filter((d) => d.on.backordered > CAP).map((d) => d.sku)
    expect(overCap).toEqual([])
    expect(dated.every((d) => d.on.backordered === CAP && d.on.preorder.room === 0)).toBe(true)
    const orders = await allOrders(api)
    expect(orders).toHaveLength(ROOM)
    expect(await checkOrderInvariants(api, orders)).toEqual([])
    process.stdout.write(
      `pre-order race figures (${kind}, ${hubCount} hub(s)): ${JSON.stringify({ orders: ORDERS, clients: CLIENTS, skus: SKUS.length, cap: CAP, answers, overCap })}\n`,
    )
  }, 600_000)
})
