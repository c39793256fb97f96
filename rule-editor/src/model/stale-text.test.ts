import { describe, expect, it } from 'vitest'
import { importRules } from './import-rules'
import { quotedNumbers, staleTextMessage, staleTexts } from './stale-text'

describe('text that quotes the value a condition had in the version it replaces', () => {
  const rules = (value: number, reason: string, weight = 20) =>
    importRules([
      {
        name: 'hold-big',
        conditions: {
          all: [
            { name: 'c-total', fact: 'order.total', operator: 'greaterThan', value },
            { name: 'c-weight', fact: 'order.weightKg', operator: 'lessThan', value: weight },
          ],
        },
        event: { type: 'hold', params: { reason } },
      },
      {
        name: 'anywhere',
        conditions: { all: [] },
        event: { type: 'strategy', params: { id: 'anywhere', label: 'Ship from anywhere', fallback: true } },
      },
    ])
  const live = rules(5000, 'Orders over 5,000 are checked')

  it('reads numbers with thousands separators', () => {
    expect(quotedNumbers('Orders over 5,000 (or 12.5 kg)')).toEqual([5000, 12.5])
  })

  it('flags a reason quoting the old value of a condition before it, with both values', () => {
    const draft = rules(3000, 'Orders over 5,000 are checked')
    const stale = staleTexts(draft, live)
    expect(stale).toEqual([
      {
        nodeId: 'hold-big',
        field: 'reason',
        conditionNodeId: 'c-total',
        condition: 'Order: total is more than',
        before: 5000,
        after: [3000],
      },
    ])
    expect(staleTextMessage(stale[0]!, 'v1 (live)')).toBe(
      'The reason quotes 5,000, but "Order: total is more than" was 5,000 in v1 (live) and is now 3,000: reword it?',
    )
  })

  it('says nothing when the text was reworded, the value is unchanged, or there is no earlier version', () => {
    expect(staleTexts(rules(3000, 'Orders over 3,000 are checked'), live)).toEqual([])
    expect(staleTexts(live, live)).toEqual([])
    expect(staleTexts(rules(3000, 'Orders over 5,000 are checked'), null)).toEqual([])
  })

  it('is about the version history, not about any number: a figure no condition ever had is left alone', () => {
    // 7,000 was never a condition's value; 20 kg changed but the text does not quote it.
    expect(staleTexts(rules(5000, 'Orders over 7,000 are checked', 25), live)).toEqual([])
  })

  it('leaves a figure another condition on the way still tests', () => {
    const before = rules(5000, 'Orders over 5,000 under 20 kg', 5000)
    const after = rules(3000, 'Orders over 5,000 under 20 kg', 5000)
    expect(staleTexts(after, before)).toEqual([])
  })

  it('flags only text after the changed condition', () => {
    // The strategy's label sits on another path (from the start), so a 5,000 there is not this condition's.
    const labelled = (value: number) =>
      importRules([
        {
          name: 'hold-big',
          conditions: { all: [{ name: 'c-total', fact: 'order.total', operator: 'greaterThan', value }] },
          event: { type: 'hold', params: { reason: 'Big orders' } },
        },
        {
          name: 'anywhere',
          conditions: { all: [] },
          event: { type: 'strategy', params: { id: 'anywhere', label: 'Up to 5,000 a day', fallback: true } },
        },
      ])
    expect(staleTexts(labelled(3000), labelled(5000))).toEqual([])
  })
})
