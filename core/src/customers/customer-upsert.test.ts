import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { openTestCore } from '../testing/test-core'
import { type CustomerFields, upsertCustomers } from './customer-upsert'

describe.each(['sqlite', 'postgresql'] as const)('upsertCustomers on %s', (dialect) => {
  let core: Core
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ core, close } = await openTestCore(dialect, 'customer-upsert'))
  }, 60_000)
  afterAll(() => close())

  const ann: CustomerFields = {
    id: '0193a000-0000-7000-8000-00000000a001',
    email: null,
    name: 'Ann',
    phone: null,
    tier: null,
    segment: null,
  }
  const upsert = (customers: CustomerFields[], now: number) =>
    core.db.transaction((tx) => upsertCustomers(tx, customers, now))
  const row = async () =>
    core.db.one<Record<string, unknown>>(
      'select email, name, phone, tier, segment, created_at, updated_at from customer where id = ?',
      ['0193a000-0000-7000-8000-00000000a001'],
    )

  it('creates the record, then leaves it alone while orders change nothing', async () => {
    await upsert([ann], 1_000)
    await upsert([ann, { ...ann, name: null }], 2_000)
    expect(await row()).toMatchObject({ name: 'Ann', email: null })
    expect(Number((await row())!.updated_at)).toBe(1_000)
  })

  it('takes the first email and any field an order changes, and then records the change time', async () => {
    await upsert([{ ...ann, email: 'ann@example.nz' }], 3_000)
    expect(await row()).toMatchObject({ email: 'ann@example.nz' })
    expect(Number((await row())!.updated_at)).toBe(3_000)
    await upsert([{ ...ann, email: 'other@example.nz', tier: 'gold' }], 4_000)
    const after = await row()
    // The email a record holds is kept (identity links decide who an email belongs to); the tier is new.
    expect(after).toMatchObject({ email: 'ann@example.nz', tier: 'gold', name: 'Ann' })
    expect([Number(after!.created_at), Number(after!.updated_at)]).toEqual([1_000, 4_000])
    await upsert([{ ...ann, name: 'Ann Smith', phone: '+64 21 000', segment: 'b2b' }], 5_000)
    expect(await row()).toMatchObject({
      name: 'Ann Smith',
      phone: '+64 21 000',
      segment: 'b2b',
      tier: 'gold',
    })
    expect(Number((await row())!.updated_at)).toBe(5_000)
    await upsert([{ ...ann, name: 'Ann Smith', tier: 'gold' }], 6_000)
    expect(Number((await row())!.updated_at)).toBe(5_000)
  })
})
