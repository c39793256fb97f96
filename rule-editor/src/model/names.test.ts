import { describe, expect, it } from 'vitest'
import { importRules } from './import-rules'
import { ruleNames, withRuleLabels } from './names'

describe('rules named as an analyst knows them, never by node id', () => {
  const doc = importRules([
    {
      name: 'restrict-vwwfj',
      conditions: { all: [{ fact: 'order.total', operator: 'greaterThan', value: 5000 }] },
      event: { type: 'restrict', params: { locations: ['akl'] } },
    },
    {
      name: 'restrict-vw',
      conditions: { all: [] },
      event: { type: 'hold', params: { reason: 'Big order' } },
    },
    {
      name: 'fast',
      conditions: { all: [] },
      event: { type: 'strategy', params: { id: 'fastest', label: 'Fastest first' } },
    },
  ])
  const names = ruleNames(doc, new Map([['akl', 'Auckland DC']]))

  it('labels actions by what they do, locations by name, strategies by label', () => {
    expect(names.rules.get('restrict-vwwfj')).toBe('Ship only from Auckland DC')
    expect(names.rules.get('restrict-vw')).toBe('Hold: Big order')
    expect(names.rules.get('fast')).toBe('strategy Fastest first')
    expect(names.strategies.get('fastest')).toBe('Fastest first')
  })

  it("replaces rule names in the hub's text whole, a longer name before one it starts with", () => {
    expect(
      withRuleLabels(
        'Excluded: Wellington store (restrict-vwwfj). Held for review: Big order (rule restrict-vw).',
        names.rules,
      ),
    ).toBe(
      'Excluded: Wellington store (‘Ship only from Auckland DC’). Held for review: Big order (‘Hold: Big order’).',
    )
    expect(withRuleLabels('restrict-vwwfjx stays', names.rules)).toBe('restrict-vwwfjx stays')
  })
})
