import { PreconditionFailedError, type SqlDb } from '@switchyard/core'
import { describe, expect, it } from 'vitest'
import { entityTag, ifMatchHolds, writeIfMatch } from './etag'

describe('entity tags', () => {
  it('are strong tags that change with the state and only with it', () => {
    const tag = entityTag({ name: 'Retail', prices: [{ sku: 'A', price: '1.00' }] })
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    expect(entityTag({ name: 'Retail', prices: [{ sku: 'A', price: '1.00' }] })).toBe(tag)
    expect(entityTag({ name: 'Retail', prices: [{ sku: 'A', price: '1.01' }] })).not.toBe(tag)
  })

  it('If-Match: absent goes ahead, * needs the resource, a listed tag must match strongly', () => {
    const current = '"abc"'
    expect(ifMatchHolds(undefined, current)).toBe(true)
    expect(ifMatchHolds(undefined, undefined)).toBe(true)
    expect(ifMatchHolds('*', current)).toBe(true)
    expect(ifMatchHolds('*', undefined)).toBe(false)
    expect(ifMatchHolds('"abc"', current)).toBe(true)
    expect(ifMatchHolds('"x", "abc"', current)).toBe(true)
    expect(ifMatchHolds('W/"abc"', current)).toBe(false)
    expect(ifMatchHolds('"abc"', undefined)).toBe(false)
  })
})

// One hub on one SQLite file: the turn within the process is the whole of the guard.
const sqlite = { dialect: 'sqlite' } as SqlDb

describe('writeIfMatch', () => {
  it('lets one of two writers that read the same state through, and names the current tag to the other', async () => {
    let state = { n: 0 }
    const read = entityTag(state)
    const write = (n: number) =>
      writeIfMatch(
        read,
        'counter',
        async () => {
          await new Promise((r) => setTimeout(r, 5))
          return { etag: entityTag(state), updatedAt: null }
        },
        async () => {
          await new Promise((r) => setTimeout(r, 5))
          state = { n }
          return n
        },
        sqlite,
      )
    const [a, b] = await Promise.allSettled([write(1), write(2)])
    expect(a).toEqual({ status: 'fulfilled', value: 1 })
    expect(b.status).toBe('rejected')
    const error = (b as PromiseRejectedResult).reason as PreconditionFailedError
    expect(error).toBeInstanceOf(PreconditionFailedError)
    expect(error.details).toEqual({ current: { etag: entityTag({ n: 1 }), updatedAt: null } })
    expect(state).toEqual({ n: 1 })
  })

  it('writes without a check when no If-Match is sent, and refuses a resource that is gone', async () => {
    expect(
      await writeIfMatch(
        undefined,
        'x',
        async () => undefined,
        async () => 'done',
        sqlite,
      ),
    ).toBe('done')
    await expect(
      writeIfMatch(
        '*',
        'x',
        async () => undefined,
        async () => 'done',
        sqlite,
      ),
    ).rejects.toThrow(/does not exist/)
  })
})
