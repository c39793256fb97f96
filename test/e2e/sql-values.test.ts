import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

/**
 * Filter values travel as bound parameters, not as SQL text, and a statement that fails names
 * itself with placeholders: neither the HTTP answer nor any log line repeats the value.
 */
describe.each(dbKinds)('values never written into SQL text on %s', (kind) => {
  let db: TestDb
  let hub: ConnectorHub

  beforeAll(async () => {
    db = await createTestDb(kind)
    hub = await startConnectorHub(db, [])
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  it('binds what MikroORM queries by: quotes and a NUL are data, not statement', async () => {
    const secret = `SECRET-${randomBytes(4).toString('hex')}`
    expect(
      (await hub.api(`/api/v1/orders?externalId=${encodeURIComponent(`${secret}' or '1'='1`)}`)).body,
    ).toEqual({
      items: [],
      nextCursor: null,
    })
    // Past the HTTP guard, straight to the ORM: SQLite stores and compares a NUL when it is bound;
    // PostgreSQL refuses it as a parameter, and says so without quoting it.
    const direct = hub.hub.core.orders.list({ externalOrderId: `${secret}\u0000` })
    if (kind === 'sqlite') expect((await direct).items).toEqual([])
    else {
      const error = (await direct.catch((e: unknown) => e)) as Error
      expect(error).toBeInstanceOf(Error)
      expect(`${error.message}\n${error.stack}\n${JSON.stringify(error)}`).not.toContain(secret)
    }
  })

  it('answers a failing statement with a 500 and a log line that do not hold the value', async () => {
    const secret = `SECRET-${randomBytes(4).toString('hex')}`
    const { db: sql } = hub.hub.core
    await sql.run('alter table orders rename column external_order_id to external_order_id_gone')
    try {
      hub.logs.length = 0
      const res = await hub.api(`/api/v1/orders?externalId=${secret}`)
      expect(res.status).toBe(500)
      expect(res.contentType).toContain('application/problem+json')
      expect(JSON.stringify(res.body)).not.toContain(secret)
      const logged = hub.logs.join('\n')
      // The failure is logged, naming what failed (the orders list runs on the SQL layer, whose
      // drivers name the missing column rather than the statement), but not the value.
      expect(logged).toContain('unhandled error')
      expect(logged).toMatch(/external_order_id/)
      expect(logged).not.toContain(secret)
    } finally {
      await sql.run('alter table orders rename column external_order_id_gone to external_order_id')
    }
    expect((await hub.api(`/api/v1/orders?externalId=${secret}`)).status).toBe(200)
  })
})
