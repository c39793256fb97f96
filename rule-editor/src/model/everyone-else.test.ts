import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile-graph'
import { everyoneElse } from './edit-ops'
import { importRules } from './import-rules'

describe('"everyone else" in one click', () => {
  const doc = importRules([
    {
      name: 'premium-fastest',
      conditions: {
        all: [{ name: 'premium', fact: 'order.customerTier', operator: 'equal', value: 'premium' }],
      },
      event: { type: 'strategy', params: { id: 'fastest', label: 'Fastest' } },
    },
  ])
  const place = (_n: unknown, want: { x: number; y: number }) => want

  it("connects a new strategy to the condition's no output, leaving the yes branch as it was", () => {
    const r = everyoneElse(doc, 'premium', place)!
    expect(r).not.toBeNull()
    const added = r.doc.nodes.find((n) => n.id === r.id)!
    expect(added.type).toBe('strategy')
    expect(r.doc.edges).toContainEqual(
      expect.objectContaining({ source: 'premium', sourceHandle: 'false', target: r.id }),
    )
    const rules = compileGraph(r.doc).rules
    expect(rules[0]).toEqual(compileGraph(doc).rules[0])
    expect(rules[1]!.conditions).toEqual({
      all: [{ not: { name: 'premium', fact: 'order.customerTier', operator: 'equal', value: 'premium' } }],
    })
  })

  it('does nothing when the no output is connected already', () => {
    const once = everyoneElse(doc, 'premium', place)!.doc
    expect(everyoneElse(once, 'premium', place)).toBeNull()
  })
})
