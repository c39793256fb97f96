import { describe, expect, it } from 'vitest'
import { actionSpec } from './actions'
import { describeAction } from './describe'

describe('the ship-to-store action in the palette', () => {
  it('is an order action the analyst reads in plain words, naming who may send to the store', () => {
    const spec = actionSpec('sourcing', 'shipToStore')
    expect(spec).toMatchObject({ label: 'Ship to store', orderOnly: true })
    expect(describeAction('shipToStore', spec!.defaults)).toBe(
      'Ship to the pickup store from warehouse locations',
    )
    expect(
      describeAction('shipToStore', { locations: ['akl'] }, false, new Map([['akl', 'Auckland DC']])),
    ).toBe('Ship to the pickup store from Auckland DC')
    expect(describeAction('shipToStore', {})).toBe('Ship to the pickup store from every location')
  })
})
