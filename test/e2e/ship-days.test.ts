import { SimulationService } from '@switchyard/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'

/**
 * Ship days and cut-offs are each location's, carrier non-delivery weekdays move promise dates,
 * and simulations and backtests route as of the order's placedAt, not the hub's clock: through the
 * public API on both databases, with the clock injected where "now" matters.
 */

// Friday 2026-11-27 17:00 in Auckland (NZDT, UTC+13): after the 15:00 cut-off.
const FRIDAY_EVENING = '2026-11-27T17:00:00+13:00'
// Wednesday 2026-12-02 10:00 in Auckland: a working day, before the cut-off.
const WEDNESDAY_MORNING = Date.parse('2026-12-02T10:00:00+13:00')

const location = {
  name: 'Auckland DC',
  type: 'warehouse',
  country: 'NZ',
  lat: -36.9069,
  lon: 174.8447,
  timezone: 'Pacific/Auckland',
}

describe.each(dbKinds)('ship days and promise dates on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer

  const simulate = async (order: Record<string, unknown>) => {
    const res = await hub.api('/api/v1/rules/sets/sourcing/versions/1/simulate', {
      body: { channel: 'web', order },
    })
    expect(res.status).toBe(200)
    return res.body.plan.shipments[0] as { shipDate: string; promiseDate: string; locationId: string }
  }
  const putCalendar = (nonDeliveryDays: string[]) =>
    hub.api('/api/v1/rules/carrier-calendars', {
      method: 'PUT',
      body: { items: [{ id: 'nzp', name: 'NZ Post', nonDeliveryDays, holidays: [] }] },
    })

  beforeAll(async () => {
    db = await createTestDb(kind)
    channel = await RestChannelPeer.start('channel-secret-123')
    hub = await startTestHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'WEB_SECRET' }, callbackUrl: channel.callbackUrl },
        },
      ],
      { WEB_SECRET: channel.secret },
    )
    const put = async (path: string, body: unknown, method = 'PUT') => {
      const res = await hub.api(path, { method, body })
      if (res.status >= 300) throw new Error(`${path}: ${JSON.stringify(res.body)}`)
    }
    await put('/api/v1/products', { items: [{ sku: 'SKU-A', name: 'Merino tee' }] })
    await put('/api/v1/locations/akl', location)
    await put('/api/v1/inventory', { items: [{ sku: 'SKU-A', locationId: 'akl', onHand: 100 }] })
    expect((await putCalendar(['sat', 'sun'])).status).toBe(200)
    await put('/api/v1/rules/carrier-lanes', {
      items: [
        {
          id: 'nz-standard',
          carrier: 'NZ Post',
          serviceLevel: 'standard',
          destCountry: 'NZ',
          transitDays: 1,
          cost: '5.00',
          currency: 'NZD',
          calendarId: 'nzp',
        },
      ],
    })
    await put('/api/v1/rules/sets', { id: 'sourcing', kind: 'sourcing', name: 'Sourcing' }, 'POST')
    await put(
      '/api/v1/rules/sets/sourcing/versions',
      {
        rules: [
          {
            name: 'node-primary',
            conditions: { all: [] },
            event: { type: 'strategy', params: { id: 'primary', label: 'Primary' } },
          },
        ],
      },
      'POST',
    )
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await db?.drop()
  })

  it('gives a location Monday to Friday and a 15:00 cut-off unless told otherwise', async () => {
    const res = await hub.api('/api/v1/locations/akl')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ shipDays: ['mon', 'tue', 'wed', 'thu', 'fri'], cutoffTime: '15:00' })
  })

  it('refuses ship days that are not a set of weekdays, naming the field', async () => {
    for (const [shipDays, field] of [
      [[], 'shipDays'],
      [['mon', 'funday'], 'shipDays[1]'],
      [['mon', 'mon'], 'shipDays'],
      ['mon', 'shipDays'],
    ] as const) {
      const res = await hub.api('/api/v1/locations/akl', { method: 'PUT', body: { ...location, shipDays } })
      expect(res.status).toBe(422)
      expect(res.contentType).toContain('application/problem+json')
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field)
    }
    const never = await putCalendar(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
    expect(never.status).toBe(422)
    expect(never.body.errors[0].field).toBe('items[0].nonDeliveryDays')
    expect((await hub.api('/api/v1/locations/akl')).body.shipDays).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ])
  })

  it("promises from the order's placedAt, whatever the hub's clock says", async () => {
    // Friday after the cut-off: ships Monday 30 November, one delivery day later is Tuesday.
    expect(await simulate(sampleOrder({ placedAt: FRIDAY_EVENING }))).toMatchObject({
      locationId: 'akl',
      shipDate: '2026-11-30',
      promiseDate: '2026-12-01',
    })
    // The same with the service's clock set to the Wednesday after; an order without placedAt is now.
    const core = hub.hub.core
    const wednesday = new SimulationService(
      core.db,
      core.catalogCache,
      core.ruleSets,
      core.routingConfig,
      core.simulation.prepare,
      core.simulation.loadOrder,
      () => WEDNESDAY_MORNING,
    )
    const at = async (order: Record<string, unknown>) =>
      (await wednesday.simulate('sourcing', 1, 'web', order as never)).plan.shipments?.[0]
    expect(await at(sampleOrder({ placedAt: FRIDAY_EVENING }))).toMatchObject({
      shipDate: '2026-11-30',
      promiseDate: '2026-12-01',
    })
    expect(await at(sampleOrder())).toMatchObject({ shipDate: '2026-12-02', promiseDate: '2026-12-03' })
  })

  it('ships on the days the location is given, and delivers on the days the carrier does', async () => {
    const saved = await hub.api('/api/v1/locations/akl', {
      method: 'PUT',
      body: { ...location, shipDays: ['sat', 'fri', 'thu', 'wed', 'tue', 'mon'], cutoffTime: '18:00' },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.shipDays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'])
    const read = await hub.api('/api/v1/locations/akl')
    expect(read.body).toMatchObject({
      shipDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      cutoffTime: '18:00',
    })

    // 17:00 is before the new 18:00 cut-off: ships Friday; NZ Post delivers on no weekend day, so Monday.
    expect(await simulate(sampleOrder({ placedAt: FRIDAY_EVENING }))).toMatchObject({
      shipDate: '2026-11-27',
      promiseDate: '2026-11-30',
    })
    // Placed Saturday morning: ships Saturday; NZ Post does not deliver Sunday, so Monday.
    const saturday = sampleOrder({ placedAt: '2026-11-28T09:00:00+13:00' })
    expect(await simulate(saturday)).toMatchObject({ shipDate: '2026-11-28', promiseDate: '2026-11-30' })
    // A carrier that does not deliver Mondays either: Tuesday.
    expect((await putCalendar(['sun', 'mon'])).status).toBe(200)
    expect(await simulate(saturday)).toMatchObject({ shipDate: '2026-11-28', promiseDate: '2026-12-01' })
    expect((await hub.api('/api/v1/rules/carrier-calendars')).body.items[0].nonDeliveryDays).toEqual([
      'mon',
      'sun',
    ])

    // Omitting shipDays keeps them.
    await hub.api('/api/v1/locations/akl', { method: 'PUT', body: { ...location, cutoffTime: '15:00' } })
    expect((await hub.api('/api/v1/locations/akl')).body.shipDays).toContain('sat')
    // Back to the defaults for the next test.
    await hub.api('/api/v1/locations/akl', {
      method: 'PUT',
      body: { ...location, shipDays: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    })
    expect((await putCalendar(['sat', 'sun'])).status).toBe(200)
  })

  it("backtests each order as of its placedAt, not the hub's clock", async () => {
    const res = await hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder({ placedAt: FRIDAY_EVENING }) },
    })
    expect(res.status).toBe(201)
    // A draft that holds every order, so each backtested order is reported with its live promise.
    const draft = await hub.api('/api/v1/rules/sets/sourcing/versions', {
      body: {
        rules: [
          {
            name: 'node-hold',
            conditions: { all: [] },
            event: { type: 'hold', params: { reason: 'backtest' } },
          },
        ],
      },
    })
    expect(draft.status).toBe(201)
    const v = draft.body.version.version
    const backtest = await hub.api(`/api/v1/rules/sets/sourcing/versions/${v}/backtest`, { body: {} })
    expect(backtest.status).toBe(200)
    const mine = backtest.body.changedOrders.find((o: { orderId: string }) => o.orderId === res.body.orderId)
    expect(mine.before).toMatchObject({ locations: ['akl'], promiseDate: '2026-12-01' })
    expect(mine.after.held).toBe(true)
  })
})
