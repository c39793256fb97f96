import { AsyncLocalStorage } from 'node:async_hooks'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openTestCore } from '../testing/test-core'

/**
 * On Node 20 an AsyncLocalStorage turns on promise hooks at its first run() and keeps them on
 * until it is disabled; MikroORM runs one around every flush. patches/@mikro-orm__core@6.6.16.patch
 * switches it off between commits, so one flush does not make every later promise of the hub pay
 * for the hooks.
 */
describe('MikroORM flush context', () => {
  afterEach(() => vi.restoreAllMocks())

  it('is switched off again once a flush has committed', async () => {
    const world = await openTestCore('sqlite', 'flush-context')
    try {
      const used = new Set<AsyncLocalStorage<unknown>>()
      const run = AsyncLocalStorage.prototype.run
      vi.spyOn(AsyncLocalStorage.prototype, 'run').mockImplementation(function (
        this: AsyncLocalStorage<unknown>,
        ...args: Parameters<typeof run>
      ) {
        used.add(this)
        return run.apply(this, args)
      })
      // A catalog write goes through MikroORM's unit of work.
      await world.core.catalog.upsertProducts([{ sku: 'FLUSH-1', name: 'Flushed' }])
      expect(used.size).toBeGreaterThan(0)
      // Node 20 keeps the instance's state in `enabled`: true while its hooks are installed.
      for (const storage of used) expect((storage as unknown as { enabled: boolean }).enabled).toBe(false)
    } finally {
      await world.close()
    }
  })
})
