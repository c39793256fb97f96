import { describe, expect, it } from 'vitest'
import { importRules } from './import-rules'
import { quotedNumbers, staleTexts } from './stale-text'

describe('text that quotes a threshold the conditions no longer test', () => {
  const rules = (value: number, reason: string) =>
    importRules([
      {
        name: 'hold-big',
        conditions: { all: [{ name: 'c-total', fact: 'order.total', operator: 'greaterThan', value }] },
        event: { type: 'hold', params: { reason } },
      },
    ])

  it('reads numbers with thousands separators', () => {
    expect(quotedNumbers('Orders over 5,000 (or 12.5 kg)')).toEqual([5000, 12.5])
  })

  it('flags a hold reason quoting the old threshold, not one quoting the current', () => {
    expect(staleTexts(rules(3000, 'Orders over 5,000 are checked'))).toEqual([
      { nodeId: 'hold-big', field: 'reason', quoted: 5000, tested: [3000] },
    ])
    expect(staleTexts(rules(5000, 'Orders over 5,000 are checked'))).toEqual([])
    expect(staleTexts(rules(3000, 'Checked within 2 days'))).toEqual([])
  })
})
