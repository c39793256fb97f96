import { randomUUID } from 'node:crypto'
import { type Core, createOrm, openCore, openSqlDb, resolveDatabaseSettings } from '@switchyard/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * One customer however many identifiers an order carries (issue 12, item 4): a contract keyed on a
 * channel account applies to an order that also carries an email, a later order with only that
 * email is the same customer, and quotes by either identifier see the same contract.
 */
describe.each(dbKinds)('customer identity (%s)', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  const account = `acct-${randomUUID().slice(0, 8)}`
  const email = `buyer-${randomUUID().slice(0, 8)}@acme.example`

  beforeAll(async () => {
    db = await createTestDb(kind)
    channel = await RestChannelPeer.start('identity-secret-123')
    hub = await startTestHub(
      db,
      [
        { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
        { id: 'pos', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
      ],
      { WEB_SECRET: channel.secret },
    )
    await seedWorld(hub.api)
    const put = await hub.api('/api/v1/pricing/price-lists/acme-contract', {
      method: 'PUT',
      body: {
        name: 'Acme account contract',
        currency: 'NZD',
        customer: { channel: 'web', externalId: account },
        prices: [{ sku: 'SKU-A', price: '7.00' }],
      },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await db?.drop()
  })

  /** Posts an order priced above the contract: the contract, if it applies, holds it. */
  const place = async (instance: string, customer: Record<string, string>) => {
    const order = sampleOrder({ customer }, [{ sku: 'SKU-A', quantity: 1 }])
    const posted = await channel.postOrder(hub.url, instance, order)
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    const found = await waitFor(
      async () =>
        (await hub.api(`/api/v1/orders?channel=${instance}&externalId=${order.externalId}`)).body.items[0],
      10_000,
      `order ${order.externalId}`,
    )
    const detail = await hub.api(`/api/v1/orders/${found.id}`)
    const pricing = await hub.api(`/api/v1/pricing/orders/${found.id}`)
    return { detail: detail.body, pricing: pricing.body }
  }
  const quote = async (customer: Record<string, string>) => {
    const r = await hub.api('/api/v1/pricing/quote', {
      method: 'POST',
      body: { channel: 'web', customer, currency: 'NZD', lines: [{ sku: 'SKU-A', quantity: 1 }] },
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    return r.body.lines[0]
  }

  let customerId: string

  it('applies a contract keyed on the channel account to an order that also carries an email', async () => {
    const { detail, pricing } = await place('web', { externalId: account, email, name: 'Acme Buyer' })
    expect(detail.status).toBe('held')
    expect(pricing.mismatches).toMatchObject([{ sku: 'SKU-A', contractId: 'acme-contract' }])
    customerId = detail.customerId
    expect(customerId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('resolves a later order with only the email (any channel) to the same customer and contract', async () => {
    const { detail, pricing } = await place('pos', { email: email.toUpperCase() })
    expect(detail.customerId).toBe(customerId)
    expect(detail.status).toBe('held')
    expect(pricing.mismatches).toMatchObject([{ contractId: 'acme-contract' }])
  })

  it('links a new channel account that arrives with a known email to the same customer', async () => {
    const other = `${account}-pos`
    const { detail } = await place('pos', { externalId: other, email })
    expect(detail.customerId).toBe(customerId)
    const byOther = await hub.api('/api/v1/pricing/quote', {
      method: 'POST',
      body: {
        channel: 'pos',
        customer: { externalId: other },
        currency: 'NZD',
        lines: [{ sku: 'SKU-A', quantity: 1 }],
      },
    })
    expect(byOther.body.lines[0]).toMatchObject({ unitPrice: '7.00', priceListId: 'acme-contract' })
  })

  it('quotes the same contract price by the channel account, by the email, and by both', async () => {
    const refs: Record<string, string>[] = [
      { externalId: account },
      { email },
      { externalId: account, email },
    ]
    for (const customer of refs) {
      expect(await quote(customer), JSON.stringify(customer)).toMatchObject({
        unitPrice: '7.00',
        priceListId: 'acme-contract',
      })
    }
    expect(await quote({ email: 'someone-else@acme.example' })).toMatchObject({ priceListId: null })
  })

  it('makes a contract keyed on an email reach orders that bring only the channel account later', async () => {
    const lateEmail = `late-${randomUUID().slice(0, 8)}@acme.example`
    const lateAccount = `late-${randomUUID().slice(0, 8)}`
    const put = await hub.api('/api/v1/pricing/price-lists/late-contract', {
      method: 'PUT',
      body: {
        name: 'Late contract',
        currency: 'NZD',
        customer: { email: lateEmail },
        prices: [{ sku: 'SKU-A', price: '6.00' }],
      },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const first = await place('web', { externalId: lateAccount, email: lateEmail })
    expect(first.pricing.mismatches).toMatchObject([{ contractId: 'late-contract' }])
    const second = await place('web', { externalId: lateAccount })
    expect(second.detail.customerId).toBe(first.detail.customerId)
    expect(second.pricing.mismatches).toMatchObject([{ contractId: 'late-contract' }])
  })

  it('merges two customers an order shows to be one person: their orders and contracts follow', async () => {
    const guestEmail = `guest-${randomUUID().slice(0, 8)}@acme.example`
    const b2bAccount = `b2b-${randomUUID().slice(0, 8)}`
    // Known first by email alone, then a contract keyed on the channel account: two records.
    const guest = await place('pos', { email: guestEmail })
    expect(guest.detail.status).not.toBe('held')
    const put = await hub.api('/api/v1/pricing/price-lists/b2b-contract', {
      method: 'PUT',
      body: {
        name: 'B2B contract',
        currency: 'NZD',
        customer: { channel: 'web', externalId: b2bAccount },
        prices: [{ sku: 'SKU-A', price: '5.00' }],
      },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const contractCustomer = put.body.customerId
    expect(contractCustomer).not.toBe(guest.detail.customerId)

    const both = await place('web', { externalId: b2bAccount, email: guestEmail })
    expect(both.detail.customerId).toBe(contractCustomer)
    expect(both.pricing.mismatches).toMatchObject([{ contractId: 'b2b-contract' }])
    const later = await place('pos', { email: guestEmail })
    expect(later.detail.customerId).toBe(contractCustomer)
    expect(later.pricing.mismatches).toMatchObject([{ contractId: 'b2b-contract' }])
    expect((await hub.api(`/api/v1/orders/${guest.detail.id}`)).body.customerId).toBe(contractCustomer)
    const byEmail = await hub.api('/api/v1/pricing/quote', {
      method: 'POST',
      body: {
        channel: 'pos',
        customer: { email: guestEmail },
        currency: 'NZD',
        lines: [{ sku: 'SKU-A', quantity: 1 }],
      },
    })
    expect(byEmail.body.lines[0]).toMatchObject({ unitPrice: '5.00', priceListId: 'b2b-contract' })
  })
})

/**
 * The migration that records identities merges customers that already share an email (orders and
 * contracts move to the survivor) and links every known email, on both databases.
 */
describe.each(dbKinds)('customer identity migration (%s)', (kind) => {
  let db: TestDb

  beforeAll(async () => {
    db = await createTestDb(kind)
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('merges duplicates that share an email and backfills the links', async () => {
    const settings = resolveDatabaseSettings({ ...db.env })
    const orm = await createOrm(settings)
    await orm.getMigrator().up({ to: 'Migration20261126070000_pricing' })
    const sql = openSqlDb(settings)
    const [older, newer, loner] = [randomUUID(), randomUUID(), randomUUID()]
    const customer = (
      id: string,
      email: string | null,
      name: string | null,
      tier: string | null,
      at: number,
    ) =>
      sql.run(
        'insert into customer (id, email, name, phone, tier, segment, created_at, updated_at) values (?, ?, ?, null, ?, null, ?, ?)',
        [id, email, name, tier, at, at],
      )
    await customer(older, 'kiri@acme.example', null, 'gold', 1_000)
    await customer(newer, ' Kiri@Acme.Example', 'Kiri Tane', null, 2_000)
    await customer(loner, null, 'No Email', null, 3_000)
    const order = (customerId: string, email: string | null) =>
      sql.run(
        `insert into orders (id, channel_instance_id, external_order_id, status, currency, customer_id, email, ship_to,
           service_level, tags, placed_at, received_at, updated_at) values (?, 'web', ?, 'allocated', 'NZD', ?, ?, '{}', 'standard', '[]', 1, 1, 1)`,
        [randomUUID(), randomUUID(), customerId, email],
      )
    await order(older, 'kiri@acme.example')
    await order(newer, 'kiri@acme.example')
    await order(loner, null)
    const contract = (id: string, customerId: string) =>
      sql.run(
        `insert into price_list (id, name, currency, customer_id, priority, tolerance_minor, tolerance_percent, created_at, updated_at)
         values (?, 'Kiri', 'NZD', ?, 0, 0, '0', 1, 1)`,
        [id, customerId],
      )
    await contract('kiri-2025', older)
    await contract('kiri-2026', newer)
    const revision = await sql.one<{ revision: number | string }>('select revision from pricing_revision')

    await orm.getMigrator().up()
    await orm.close()

    // Both hold a contract: the older survives, gains the other's name, and holds both contracts.
    const customers = await sql.all<{ id: string; name: string | null; tier: string | null }>(
      'select id, name, tier from customer order by created_at',
    )
    expect(customers).toEqual([
      { id: older, name: 'Kiri Tane', tier: 'gold' },
      { id: loner, name: 'No Email', tier: null },
    ])
    const byCustomer = await sql.all<{ customer_id: string; n: number | string }>(
      'select customer_id, count(*) as n from orders group by customer_id order by customer_id',
    )
    expect(byCustomer.map((r) => [r.customer_id, Number(r.n)]).sort()).toEqual(
      [
        [older, 2],
        [loner, 1],
      ].sort(),
    )
    expect(await sql.all('select id, customer_id from price_list order by id')).toEqual([
      { id: 'kiri-2025', customer_id: older },
      { id: 'kiri-2026', customer_id: older },
    ])
    expect(
      await sql.all('select value, kind, channel_instance_id, customer_id from customer_identity'),
    ).toEqual([{ value: 'kiri@acme.example', kind: 'email', channel_instance_id: '', customer_id: older }])
    const after = await sql.one<{ revision: number | string }>('select revision from pricing_revision')
    expect(Number(after!.revision)).toBe(Number(revision!.revision) + 1)
    await sql.close()
  })
})

/**
 * Two hubs on one database meeting the same new customers at the same moment, through different
 * identifiers: every order of one customer ends on one record, with each identifier linked once.
 */
describe.each(dbKinds)('customer identity across two hubs (%s)', (kind) => {
  let db: TestDb
  let hubs: Core[] = []

  beforeAll(async () => {
    db = await createTestDb(kind)
    const settings = resolveDatabaseSettings({ ...db.env })
    const directory = { accepts: () => false }
    const a = await openCore({ settings, directory, workerId: 'hub-a' })
    const b = await openCore({ settings, directory, workerId: 'hub-b', migrate: false })
    hubs = [a, b]
    await a.catalog.upsertProducts([{ sku: 'SKU-A', name: 'Merino tee' }])
  })
  afterAll(async () => {
    for (const h of hubs) await h.close()
    await db?.drop()
  })

  it('converges on one customer record per person', async () => {
    const [a, b] = hubs as [Core, Core]
    const order = (customer: Record<string, string>) => ({
      externalId: `ORD-${randomUUID()}`,
      currency: 'NZD',
      customer,
      shipTo: { name: 'Kiri', line1: '12 Cuba Street', city: 'Wellington', postcode: '6011', country: 'NZ' },
      serviceLevel: 'standard' as const,
      lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: '10.00' }],
    })
    const people = Array.from({ length: 30 }, (_, i) => ({
      account: `race-${i}-${randomUUID().slice(0, 6)}`,
      email: `race-${i}-${randomUUID().slice(0, 6)}@acme.example`,
    }))
    const placed = await Promise.all(
      people.flatMap((p) => [
        a.intake.submit('web', order({ externalId: p.account, email: p.email })),
        b.intake.submit('web', order({ email: p.email })),
        b.intake.submit('web', order({ externalId: p.account })),
      ]),
    )
    const sql = a.db
    for (const [i, p] of people.entries()) {
      const ids = placed.slice(i * 3, i * 3 + 3).map((r) => r.orderId)
      const rows = await sql.all<{ customer_id: string }>(
        `select customer_id from orders where id in (?, ?, ?)`,
        ids,
      )
      const customers = new Set(rows.map((r) => r.customer_id))
      expect(customers.size, p.email).toBe(1)
      const links = await sql.all<{ customer_id: string }>(
        'select customer_id from customer_identity where value in (?, ?)',
        [p.account, p.email],
      )
      expect(links.map((l) => l.customer_id)).toEqual([...customers, ...customers])
    }
    // Records seen apart at first and merged when an order joined them stay only as pointers.
    const live = await sql.one<{ n: number | string }>(
      'select count(*) as n from customer where merged_into is null',
    )
    expect(Number(live!.n)).toBe(people.length)
    const onMerged = await sql.one<{ n: number | string }>(
      'select count(*) as n from orders o join customer c on c.id = o.customer_id where c.merged_into is not null',
    )
    expect(Number(onMerged!.n)).toBe(0)
  })
})
