import { describe, expect, it } from 'vitest'
import { importRules } from './import-rules'
import { splitOverrides } from './split-overrides'

describe('split rules shown on the strategies they override', () => {
  const doc = importRules([
    {
      name: 'ship-complete',
      conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'complete' }] },
      event: { type: 'split', params: { policy: 'never' } },
    },
    {
      name: 'express-two',
      conditions: { all: [] },
      event: { type: 'split', params: { policy: 'allowed', maxShipments: 2, strategies: ['express'] } },
    },
    { name: 's-express', conditions: { all: [] }, event: { type: 'strategy', params: { id: 'express' } } },
    { name: 's-standard', conditions: { all: [] }, event: { type: 'strategy', params: { id: 'standard' } } },
  ])

  it('lists every split rule for a strategy it applies to, with what it sets', () => {
    expect(splitOverrides(doc, 'express')).toEqual([
      expect.objectContaining({ rule: 'ship-complete', text: 'Never split' }),
      expect.objectContaining({ rule: 'express-two', text: 'at most 2 shipments' }),
    ])
  })

  it('leaves out a split rule scoped to other strategies', () => {
    expect(splitOverrides(doc, 'standard').map((o) => o.rule)).toEqual(['ship-complete'])
  })
})
