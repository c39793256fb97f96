import { describe, expect, it } from 'vitest'
import { hashOf, orderHash, parseHash, simulateHash } from './route'

describe('console routes', () => {
  it('reads the section, the rest and the query from the hash', () => {
    const r = parseHash('#/orders?status=held,backordered&q=ann%40example.com')
    expect(r.path).toBe('orders')
    expect(r.rest).toEqual([])
    expect(r.query.get('status')).toBe('held,backordered')
    expect(r.query.get('q')).toBe('ann@example.com')
  })

  it('an empty hash is the default section', () => {
    expect(parseHash('').path).toBe('')
    expect(parseHash('#/').path).toBe('')
  })

  it("round-trips an order's address and the editor's own", () => {
    expect(parseHash(orderHash('a b/c')).rest).toEqual(['a b/c'])
    expect(parseHash('#/sets/default-sourcing')).toMatchObject({ path: 'sets', rest: ['default-sourcing'] })
    const sim = parseHash(simulateHash('0192'))
    expect([sim.path, sim.query.get('simulate')]).toEqual(['rules', '0192'])
    expect(hashOf('orders')).toBe('#/orders')
  })
})
