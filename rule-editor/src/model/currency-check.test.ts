import { describe, expect, it } from 'vitest'
import { builtInCatalogue, type Catalogue } from './catalogue'
import { moneyWithoutCurrency } from './currency-check'
import { importRules } from './import-rules'

describe('money compared across currencies', () => {
  const cat = (currencies: string[]): Catalogue => ({
    ...builtInCatalogue,
    values: { ...builtInCatalogue.values, currencies },
  })
  const total = { name: 'c-total', fact: 'order.total', operator: 'greaterThan', value: 5000 }
  const nzd = { name: 'c-nzd', fact: 'order.currency', operator: 'equal', value: 'NZD' }

  it('flags a total threshold with no currency condition before it, once orders come in two currencies', () => {
    const doc = importRules([
      { name: 'hold', conditions: { all: [total] }, event: { type: 'hold', params: { reason: 'x' } } },
    ])
    expect(moneyWithoutCurrency(doc, cat(['AUD', 'NZD']))).toEqual([
      expect.objectContaining({
        nodeId: 'c-total',
        message: expect.stringContaining('5000 AUD and NZD alike'),
      }),
    ])
    expect(moneyWithoutCurrency(doc, cat(['NZD']))).toEqual([])
  })

  it('is content when the currency is tested first', () => {
    const doc = importRules([
      { name: 'hold', conditions: { all: [nzd, total] }, event: { type: 'hold', params: { reason: 'x' } } },
    ])
    expect(moneyWithoutCurrency(doc, cat(['AUD', 'NZD']))).toEqual([])
  })
})
