import { afterAll, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import { allOrders, checkOrderInvariants } from '../support/invariants'
import { type Level, type RaceHubs, raceClients, startRaceHubs, watchLedger } from '../support/race'
import { seedWorld } from '../support/world'

const ORDERS = Number(process.env.KIT_RACE_ORDERS ?? 1200)
const CLIENTS = 20
// The gift set: two tees (SKU-A) and a shell (SKU-B). The tees run out first: 300 in stock, while
// the kits alone would want 2 × 120 and the tee orders 600.
const KIT = {
  sku: 'KIT-GIFT',
  components: [
    { sku: 'SKU-A', quantity: 2 },
    { sku: 'SKU-B', quantity: 1 },
  ],
}
const STOCK = [
  { sku: 'SKU-A', locationId: 'akl', onHand: 200 },
  { sku: 'SKU-A', locationId: 'wlg', onHand: 100 },
  { sku: 'SKU-B', locationId: 'akl', onHand: 60 },
  { sku: 'SKU-B', locationId: 'wlg', onHand: 60 },
]
const CITIES = [
  { city: 'Auckland', lat: -36.8485, lon: 174.7633 },
  { city: 'Wellington', lat: -41.2865, lon: 174.7762 },
  { city: 'Hamilton', lat: -37.787, lon: 175.2793 },
]

/**
 * Two channels sell the same tees at once: `kits` sells gift sets (each two tees and a shell),
 * `parts` sells tees alone. 20 clients, 1,200 orders (two hubs on PostgreSQL). A watcher reads the
 * ledger throughout: no component's ATP ever below zero. At the end every tee allocated is one a
 * kit or a tee order holds (two per kit), no more than there are, and every order is allocated or
 * backordered.
 */
describe.each([
  ['sqlite', 1],
  ['postgresql', 2],
] as const)('kit race on %s with %i hub(s)', (kind, hubCount) => {
  let hubs: RaceHubs | undefined
  afterAll(() => hubs?.stop())

  it('never oversells a component sold alone and in a kit', async () => {
    hubs = await startRaceHubs(kind, hubCount, ['kits', 'parts'])
    const { api, apis } = hubs
    await seedWorld(api, { stock: STOCK })
    expect(
      (
        await api('/api/v1/products', {
          method: 'PUT',
          body: { items: [{ sku: KIT.sku, name: 'Gift set' }] },
        })
      ).status,
    ).toBe(200)
    expect(
      (await api(`/api/v1/kits/${KIT.sku}`, { method: 'PUT', body: { components: KIT.components } })).status,
    ).toBe(201)

    const watcher = watchLedger(api)
    const statuses: Record<string, Record<string, number>> = { kits: {}, parts: {} }
    await raceClients(CLIENTS, ORDERS, async (i, n) => {
      const channel = i % 2 ? 'kits' : 'parts'
      const place = CITIES[(i * 7 + n) % CITIES.length]!
      const res = await apis[i % apis.length]!('/api/v1/orders', {
        body: {
          channel,
          order: sampleOrder(
            { externalId: `KR-${i}`, shipTo: { line1: '1 Race St', country: 'NZ', ...place } },
            [{ sku: channel === 'kits' ? KIT.sku : 'SKU-A', quantity: 1 }],
          ),
        },
      })
      expect(res.status).toBe(201)
      const s = statuses[channel]!
      s[res.body.status] = (s[res.body.status] ?? 0) + 1
    })
    const { watched, violations } = await watcher.stop()

    const levels = (await api('/api/v1/inventory?limit=5000')).body.items as Level[]
    const of = (sku: string) => levels.filter((l) => l.sku === sku)
    const teesAllocated = of('SKU-A').reduce((s, l) => s + l.allocated, 0)
    const shellsAllocated = of('SKU-B').reduce((s, l) => s + l.allocated, 0)
    const kitsAllocated = statuses.kits!.allocated ?? 0
    const teeOrdersAllocated = statuses.parts!.allocated ?? 0
    // Each allocated order holds exactly its units; nothing else holds any.
    expect(teesAllocated).toBe(2 * kitsAllocated + teeOrdersAllocated)
    expect(shellsAllocated).toBe(kitsAllocated)
    for (const l of levels) expect(l.allocated).toBeLessThanOrEqual(l.onHand)
    const oversold = Math.max(0, teesAllocated - 300) + Math.max(0, shellsAllocated - 120)
    expect(oversold).toBe(0)
    // The tees ran out: what is left anywhere cannot make a kit or fill a tee order.
    expect(teesAllocated).toBeGreaterThan(290)
    for (const s of Object.values(statuses))
      expect(Object.keys(s).every((k) => k === 'allocated' || k === 'backordered')).toBe(true)

    const orders = await allOrders(api)
    expect(orders).toHaveLength(ORDERS)
    expect(await checkOrderInvariants(api, orders)).toEqual([])
    // A kit order holds its set at one location, whole.
    for (const o of orders.filter((x) => x.externalOrderId && x.lines[0]?.sku === KIT.sku))
      expect(new Set(o.allocations.map((a) => a.locationId)).size).toBeLessThanOrEqual(1)
    process.stdout.write(
      `kit race figures (${kind}, ${hubCount} hub(s)): ${JSON.stringify({ orders: ORDERS, clients: CLIENTS, tees: 300, shells: 120, teesAllocated, shellsAllocated, kitsAllocated, teeOrdersAllocated, oversold, statuses, watcherChecks: watched, negativeSeen: violations.length })}\n`,
    )
  }, 900_000)
})
