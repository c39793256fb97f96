import { describe, expect, it } from 'vitest'
import { builtInCatalogue, type Catalogue } from './catalogue'
import { importRules } from './import-rules'
import { seenValues, unseenMessage, unseenValueWarnings } from './seen-values'

describe('values the hub has seen, and typed values nothing has', () => {
  const cat: Catalogue = {
    ...builtInCatalogue,
    values: {
      ...builtInCatalogue.values,
      tiers: ['gold', 'premium'],
      orderTags: ['gift', 'vip'],
      productTags: ['fragile', 'lithium'],
    },
  }

  it('offers the seen values of open sets only', () => {
    expect(seenValues(cat, { id: 'order.customerTier' })).toEqual(['gold', 'premium'])
    expect(seenValues(cat, { id: 'order.tags' })).toEqual(['gift', 'vip'])
    expect(seenValues(cat, { id: 'order.total' })).toBeNull()
  })

  it("offers products' tags for a line's tags and the order's product tags, not for the order's own", () => {
    expect(seenValues(cat, { id: 'line.tags' })).toEqual(['fragile', 'lithium'])
    expect(seenValues(cat, { id: 'order.productTags' })).toEqual(['fragile', 'lithium'])
    expect(unseenMessage(cat, 'line.tags', 'fragil')).toBe("no product is tagged 'fragil'")
    expect(unseenMessage(cat, 'order.productTags', ['lithium'])).toBeNull()
    expect(unseenMessage(cat, 'order.tags', 'fragile')).toBe("no recent order is tagged 'fragile'")
  })

  it('says which typed value nothing has, ignoring case; nothing when nothing is known yet', () => {
    expect(unseenMessage(cat, 'order.customerTier', 'premuim')).toBe("no customer has tier 'premuim'")
    expect(unseenMessage(cat, 'order.customerTier', 'Premium')).toBeNull()
    expect(unseenMessage(cat, 'order.tags', ['vip', 'vipp'])).toBe("no recent order is tagged 'vipp'")
    expect(unseenMessage(cat, 'order.customerSegment', 'b2b')).toBeNull()
  })

  it('lists a warning on each node testing such a value, groups included', () => {
    const doc = importRules([
      {
        name: 'premium',
        conditions: {
          any: [
            { fact: 'order.customerTier', operator: 'equal', value: 'premuim' },
            { fact: 'order.tags', operator: 'contains', value: 'vip' },
          ],
        },
        event: { type: 'hold', params: { reason: 'x' } },
      },
    ])
    expect(unseenValueWarnings(doc, cat)).toEqual([
      expect.objectContaining({ message: "Value never seen: no customer has tier 'premuim'" }),
    ])
  })
})
