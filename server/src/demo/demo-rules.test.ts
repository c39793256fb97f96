import { validateRules } from '@switchyard/core/rules'
import { describe, expect, it } from 'vitest'
import { demoSourcingRules } from './sourcing-rules'
import { demoLocations } from './world'

describe('the demo rule set', () => {
  it('passes the hub validation it is published through, with no errors and no warnings', () => {
    const report = validateRules(demoSourcingRules, {
      locations: demoLocations.map((l) => ({ id: l.id, type: l.type, tags: l.tags ?? [] })),
    })
    expect(report.errors).toEqual([])
    expect(report.warnings).toEqual([])
  })
})
