import { PreconditionFailedError, type SqlDb } from '@switchyard/core'
import { describe, expect, it } from 'vitest'
import { entityTag, ifMatchHolds, writeIfEachMatches, writeIfMatch } from './etag'
import { ProblemError } from './problem'

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

describe('writeIfEachMatches (a bulk write with a tag per entry)', () => {
  const slow = () => new Promise((r) => setTimeout(r, 5))
  const rows = new Map<string, number>()
  const tagOf = (n: number) => entityTag({ n })
  const resource = (key: string) => `row '${key}'`
  const tagged = async (keys: string[]) => {
    await slow()
    return new Map(
      keys.flatMap((k) => (rows.has(k) ? [[k, { etag: tagOf(rows.get(k)!), updatedAt: null }]] : [])),
    )
  }
  const bulk = (entries: [key: string, ifMatch: string, n: number][]) =>
    writeIfEachMatches(
      entries.map(([key, ifMatch], i) => ({
        resource: resource(key),
        key,
        field: `rows[${i}].ifMatch`,
        ifMatch,
      })),
      tagged,
      async () => {
        await slow()
        for (const [key, , n] of entries) rows.set(key, n)
        return entries.length
      },
      sqlite,
    )

  it('writes when every named entry is as read, and nothing when one is not, naming it', async () => {
    rows.clear()
    rows.set('a', 0).set('b', 0)
    expect(
      await bulk([
        ['a', tagOf(0), 1],
        ['b', tagOf(0), 1],
      ]),
    ).toBe(2)
    const refused = await bulk([
      ['a', tagOf(1), 2],
      ['b', tagOf(0), 2],
      ['gone', '*', 2],
    ]).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ProblemError)
    const problem = refused as ProblemError
    expect(problem.status).toBe(412)
    expect(problem.code).toBe('PRECONDITION_FAILED')
    expect(problem.errors?.map((e) => e.field)).toEqual(['rows[1].ifMatch', 'rows[2].ifMatch'])
    expect(problem.extra).toEqual({
      details: { current: { b: { etag: tagOf(1), updatedAt: null }, gone: { etag: null, updatedAt: null } } },
    })
    expect([...rows]).toEqual([
      ['a', 1],
      ['b', 1],
    ])
  })

  it('takes turns with a single If-Match write of the same entry: of two stale writers one goes ahead', async () => {
    rows.clear()
    rows.set('a', 0)
    const single = writeIfMatch(
      tagOf(0),
      resource('a'),
      async () => (await tagged(['a'])).get('a'),
      async () => {
        await slow()
        rows.set('a', 7)
        return 7
      },
      sqlite,
    )
    const [one, many] = await Promise.allSettled([single, bulk([['a', tagOf(0), 9]])])
    expect(one).toEqual({ status: 'fulfilled', value: 7 })
    expect(many.status).toBe('rejected')
    expect(rows.get('a')).toBe(7)
  })

  it('writes at once when no entry names a tag', async () => {
    rows.clear()
    expect(await writeIfEachMatches([], tagged, async () => 'done', sqlite)).toBe('done')
  })
})
