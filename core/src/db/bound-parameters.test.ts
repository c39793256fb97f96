import { JsonProperty } from '@mikro-orm/core'
import { describe, expect, it } from 'vitest'
import { toBindings } from './bound-parameters'

const platform = {
  quoteValue: (v: unknown) =>
    v === null || v === undefined ? 'NULL' : v instanceof Date ? `'${v.toISOString()}'` : String(v),
  quoteIdentifier: (id: string) => `"${id}"`,
}

describe('MikroORM statements with bound text', () => {
  it('binds strings and JSON, inlines numbers, booleans, nulls and identifiers as MikroORM does', () => {
    const json = Object.defineProperty(['a', 'b'], JsonProperty, { value: true })
    expect(
      toBindings(
        platform,
        'select * from ?? where a = ? and b in (?) and c = ? and d = ? and e = ? and f = ? limit ?',
        ['orders', "x\u0000y' or 1=1 --", ['p', 2, 'q'], { k: 'v' }, json, true, null, 51],
      ),
    ).toEqual({
      sql: 'select * from "orders" where a = ? and b in (?, 2, ?) and c = ? and d = ? and e = true and f = NULL limit 51',
      bindings: ["x\u0000y' or 1=1 --", 'p', 'q', '{"k":"v"}', '["a","b"]'],
    })
  })

  it('leaves a statement with a literal question mark to MikroORM', () => {
    expect(toBindings(platform, "select '\\?' where a = ?", ['x'])).toBeUndefined()
    expect(
      toBindings({ ...platform, quoteIdentifier: () => '"a?b"' }, 'select ?? from t', ['x']),
    ).toBeUndefined()
  })
})
