import { describe, expect, it } from 'vitest'
import { demoSourcingRules } from '../../../server/src/demo/sourcing-rules'
import { builtInCatalogue } from '../model/catalogue'
import { compileGraph } from '../model/compile-graph'
import { importRules } from '../model/import-rules'
import { collectProblems, countByNode } from './problems'
import { commandFor, type KeyLike } from './shortcuts'
import { docFromVersion, settingsOf } from './use-rule-set'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('keyboard shortcuts', () => {
  it('answer to Ctrl and to Cmd alike', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      expect(commandFor(key('z', mod))).toBe('undo')
      expect(commandFor(key('Z', { ...mod, shiftKey: true }))).toBe('redo')
      expect(commandFor(key('y', mod))).toBe('redo')
      expect(commandFor(key('c', mod))).toBe('copy')
      expect(commandFor(key('v', mod))).toBe('paste')
      expect(commandFor(key('x', mod))).toBe('cut')
      expect(commandFor(key('d', mod))).toBe('duplicate')
      expect(commandFor(key('a', mod))).toBe('selectAll')
      expect(commandFor(key('s', mod))).toBe('save')
    }
    expect(commandFor(key('ˇ', { shiftKey: true, altKey: true, code: 'KeyT' }))).toBe('tidy')
    expect(commandFor(key('z'))).toBeNull()
  })
  it('leave keys typed into a field to the field', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT'])
      expect(commandFor(key('z', { ctrlKey: true, target: { tagName } }))).toBeNull()
    expect(
      commandFor(key('z', { ctrlKey: true, target: { tagName: 'DIV', isContentEditable: true } })),
    ).toBeNull()
    expect(commandFor(key('z', { ctrlKey: true, target: { tagName: 'DIV' } }))).toBe('undo')
  })
})

describe('problems', () => {
  it('map the hub’s validation to the node each issue is about, and count them per node', () => {
    const doc = importRules(demoSourcingRules)
    const compiled = compileGraph(doc)
    const validation = {
      valid: false,
      errors: [
        {
          code: 'UNKNOWN_TAG',
          rule: 'hazmat-licensed-only',
          field: 'rules[0].event.params.tags[0]',
          message: "no location has tag 'hazmat-licensed'",
        },
        {
          code: 'VALUE_TYPE_MISMATCH',
          rule: 'hold-large-orders',
          condition: 'c-total-over-5000',
          field: 'rules[2].conditions.all[0].value',
          message: 'must be a number',
        },
      ],
      warnings: [{ code: 'RULE_NEVER_FIRES', rule: 'strategy-express', field: 'rules', message: 'never' }],
    }
    const problems = collectProblems(doc, builtInCatalogue, compiled, validation, true)
    const hub = problems.filter((p) => p.source === 'hub')
    expect(hub.map((p) => [p.severity, p.nodeId])).toEqual([
      ['error', 'hazmat-licensed-only'],
      ['error', 'c-total-over-5000'],
      ['warning', 'strategy-express'],
    ])
    expect(countByNode(problems).get('c-total-over-5000')).toEqual({ errors: 1, warnings: 0 })
    // Until the last change is saved, the hub's report is about another document: left out.
    expect(
      collectProblems(doc, builtInCatalogue, compiled, validation, false).some((p) => p.source === 'hub'),
    ).toBe(false)
  })
})

describe("the hub's rule validation, run as you draw", () => {
  it('names a wrong action parameter on its node before the draft is saved, and only once after', () => {
    const doc = importRules(demoSourcingRules)
    const action = doc.nodes.find((n) => n.type === 'action' && n.data.event.type === 'exclude')!
    if (action.type !== 'action') throw new Error('the demo has an exclude action')
    action.data.event.params = { ...action.data.event.params, bogus: 1 }
    const compiled = compileGraph(doc)
    const drawing = collectProblems(doc, builtInCatalogue, compiled, null, false)
    const bogus = drawing.filter((p) => p.message.includes('bogus'))
    expect(bogus).toEqual([
      { severity: 'error', source: 'editor', message: "unknown parameter 'bogus'", nodeId: action.id },
    ])
    // The saved draft's report says the same: shown once, not twice.
    const index = compiled.ruleNodes.indexOf(action.id)
    const saved = {
      valid: false,
      errors: [
        {
          code: 'INVALID_ACTION',
          rule: compiled.rules[index]!.name!,
          field: `rules[${index}].event.params.bogus`,
          message: "unknown parameter 'bogus'",
        },
      ],
      warnings: [],
    }
    const after = collectProblems(doc, builtInCatalogue, compiled, saved, true)
    expect(after.filter((p) => p.message.includes('bogus'))).toHaveLength(1)
  })

  it('adds nothing to a clean drawing', () => {
    const doc = importRules(demoSourcingRules)
    const compiled = compileGraph(doc)
    const graphOnly = collectProblems(doc, builtInCatalogue, compiled, null, false)
    expect(graphOnly.filter((p) => p.severity === 'error')).toEqual([])
  })
})

describe('version settings on the start node', () => {
  it('shows a version’s time zone on its start node and saves it back as settings', () => {
    const doc = docFromVersion(
      { rules: demoSourcingRules, graph: null, settings: { timezone: 'Pacific/Auckland' } },
      'sourcing',
    )
    const start = doc.nodes.find((n) => n.type === 'start')!
    expect(start.type === 'start' && start.data.timezone).toBe('Pacific/Auckland')
    expect(settingsOf(doc, { timezone: 'UTC', other: 1 })).toEqual({ timezone: 'Pacific/Auckland', other: 1 })
    const typing = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.type === 'start' ? { ...n, data: { ...n.data, timezone: 'Pacific/Auck' } } : n,
      ),
    }
    expect(settingsOf(typing, { timezone: 'UTC' })).toEqual({ timezone: 'UTC' })
    expect(
      collectProblems(typing, builtInCatalogue, compileGraph(typing), null, true).map((p) => p.message),
    ).toContain("'Pacific/Auck' is not a time zone; use one such as Pacific/Auckland")
  })
})
