import { describe, expect, it } from 'vitest'
import { demoSourcingRules } from '../../../server/src/demo/sourcing-rules'
import type { RuleSetSummary } from '../api/client'
import { compileGraph } from '../model/compile-graph'
import { diffGraphs } from '../model/diff'
import { copySelection, paste } from '../model/edit-ops'
import { importRules } from '../model/import-rules'
import { starterDoc } from '../model/starter'
import { clipFromText, clipOf, clipToText } from './clipboard'
import { defaultSetId, hashFor, newSetId, setIdFromHash, setsByKind, withSummary } from './rule-set-list'
import { publishButton, saveLabel, versionLabel } from './toolbar-labels'
import {
  type Comparison,
  initialView,
  isReadOnly,
  type SimRun,
  selectedNode,
  tabs,
  type View,
  viewReducer,
} from './workspace-view'

const doc = starterDoc('sourcing')
const [first, second] = doc.nodes
const sim = (rulesJson: string): SimRun =>
  ({ kind: 'quote', rulesJson, compiled: compileGraph(doc), result: {} }) as unknown as SimRun
const comparison: Comparison = { a: 1, b: 2, diff: diffGraphs(doc, doc) }
const run = (view: View, ...actions: Parameters<typeof viewReducer>[1][]) => actions.reduce(viewReducer, view)

describe('the workspace view', () => {
  it('focuses a node: selects only it and opens the inspector', () => {
    const v = run(initialView, { type: 'tab', tab: 'json' }, { type: 'select', ids: [first!.id, second!.id] })
    expect([...v.selection]).toEqual([first!.id, second!.id])
    const focused = viewReducer(v, { type: 'focus', id: second!.id })
    expect(focused.tab).toBe('inspect')
    expect([...focused.selection]).toEqual([second!.id])
    expect(selectedNode(doc, focused)).toBe(second)
    expect(selectedNode(doc, v)).toBeNull()
  })

  it('drops a simulation once the compiled rules differ from the ones it ran against, and only then', () => {
    const v = viewReducer(initialView, { type: 'simulated', sim: sim('[1]') })
    expect(viewReducer(v, { type: 'rulesChanged', rulesJson: '[1]' })).toBe(v)
    expect(viewReducer(v, { type: 'rulesChanged', rulesJson: '[2]' }).sim).toBeNull()
    expect(viewReducer(initialView, { type: 'rulesChanged', rulesJson: '[2]' })).toBe(initialView)
  })

  it('compares versions read only, without the simulation or the selection; a new simulation ends it', () => {
    const v = run(
      initialView,
      { type: 'select', ids: [first!.id] },
      { type: 'simulated', sim: sim('[]') },
      { type: 'compared', diff: comparison },
    )
    expect(v).toMatchObject({ sim: null, diff: comparison })
    expect(v.selection.size).toBe(0)
    expect(isReadOnly(v, true)).toBe(true)
    expect(selectedNode(doc, viewReducer(v, { type: 'select', ids: [first!.id] }))).toBeNull()
    expect(viewReducer(v, { type: 'simulated', sim: sim('[]') }).diff).toBeNull()
    expect(isReadOnly(viewReducer(v, { type: 'exitDiff' }), true)).toBe(false)
    expect(isReadOnly(initialView, false)).toBe(true)
  })

  it('keeps nothing of the last rule set when another opens, except the tab', () => {
    const v = run(
      initialView,
      { type: 'select', ids: [first!.id] },
      { type: 'tab', tab: 'versions' },
      { type: 'simulated', sim: sim('[]') },
      { type: 'compared', diff: comparison },
      { type: 'setOpened' },
    )
    expect(v).toEqual({ ...initialView, tab: 'versions' })
  })

  it('opens the inspector on a click of one node whatever tab is open; a box selection or the pane leaves the tab', () => {
    const onSim = run(initialView, { type: 'tab', tab: 'simulate' })
    expect(viewReducer(onSim, { type: 'select', ids: [first!.id] }).tab).toBe('inspect')
    expect(viewReducer(onSim, { type: 'select', ids: [first!.id, second!.id] }).tab).toBe('simulate')
    expect(viewReducer(onSim, { type: 'select', ids: [] }).tab).toBe('simulate')
    // The same node reported selected again (React Flow does after a drag) keeps the tab.
    const again = run(initialView, { type: 'select', ids: [first!.id] }, { type: 'tab', tab: 'impact' })
    expect(viewReducer(again, { type: 'select', ids: [first!.id] }).tab).toBe('impact')
  })

  it('counts problems on their tab', () => {
    expect(tabs(0).find(([t]) => t === 'problems')?.[1]).toBe('Problems')
    expect(tabs(3).find(([t]) => t === 'problems')?.[1]).toBe('Problems (3)')
  })
})

describe('the rule set list', () => {
  const set = (id: string, kind: RuleSetSummary['kind'], liveVersion: number | null): RuleSetSummary =>
    ({ id, kind, name: id, liveVersion, latestVersion: 1 }) as RuleSetSummary

  it('opens the set the address names, round-tripping odd characters', () => {
    expect(setIdFromHash(hashFor('a b/c'))).toBe('a b/c')
    expect(setIdFromHash('#/sets/x/versions')).toBe('x')
    expect(setIdFromHash('')).toBeNull()
  })

  it('opens the live sourcing set when none is named, else the first', () => {
    const list = [set('p', 'pricing', 1), set('s0', 'sourcing', null), set('s1', 'sourcing', 2)]
    expect(defaultSetId(list)).toBe('s1')
    expect(defaultSetId(list.slice(0, 2))).toBe('p')
    expect(defaultSetId([])).toBeNull()
  })

  it('groups by kind in a fixed order and updates the open set in place', () => {
    const list = [set('r', 'returns', null), set('p', 'pricing', 1), set('s', 'sourcing', 1)]
    expect(setsByKind(list).map(([k, l]) => [k, l.map((s) => s.id)])).toEqual([
      ['sourcing', ['s']],
      ['pricing', ['p']],
      ['returns', ['r']],
    ])
    expect(setsByKind([list[1]!]).map(([k]) => k)).toEqual(['pricing'])
    expect(withSummary(list, { ...list[1]!, liveVersion: 4 }).map((s) => s.liveVersion)).toEqual([null, 4, 1])
  })

  it('makes a new set’s id from its name', () => {
    expect(newSetId('  Summer Sale 2026! ', 7)).toBe('summer-sale-2026')
    expect(newSetId('x'.repeat(80), 7)).toHaveLength(60)
    expect(newSetId('¡¿!', 7)).toBe('set-7')
  })
})

describe('the clipboard', () => {
  it('reads back only a clip of ours', () => {
    const clip = copySelection(doc, new Set([first!.id]))
    expect(clipFromText(clipToText(clip))).toEqual(clip)
    expect(clipFromText('{"nodes":[]}')).toBeNull()
    expect(clipFromText('not json')).toBeNull()
    expect(clipFromText('null')).toBeNull()
    expect(clipFromText(undefined)).toBeNull()
  })

  it('copies what was pasted, with the edges between the pasted nodes', () => {
    const demo = importRules(demoSourcingRules)
    const all = copySelection(demo, new Set(demo.nodes.map((n) => n.id)))
    const r = paste(demo, all, { x: 40, y: 40 })
    const again = clipOf(r.doc, r.ids)
    expect(again.nodes.map((n) => n.id).sort()).toEqual([...r.ids].sort())
    // The start node is never copied, so its connections are not either.
    expect(again.edges).toHaveLength(all.edges.length)
    expect(all.edges.length).toBeGreaterThan(0)
    expect(again.edges.every((e) => r.ids.includes(e.source) && r.ids.includes(e.target))).toBe(true)
  })
})

describe('the top bar', () => {
  const ready = { canEdit: true, comparing: false, draftVersion: 3, saveState: 'saved', errors: 0 } as const

  it('publishes only a saved draft with no errors, and not while comparing', () => {
    expect(publishButton(ready)).toEqual({ enabled: true, title: '', label: 'Publish' })
    expect(publishButton({ ...ready, errors: 2 })).toEqual({
      enabled: false,
      title: '2 problem(s) to fix first',
      label: 'Publish (2 to fix)',
    })
    expect(publishButton({ ...ready, draftVersion: null })).toMatchObject({
      enabled: false,
      title: 'No changes to publish',
    })
    for (const other of [{ comparing: true }, { saveState: 'saving' as const }, { canEdit: false }])
      expect(publishButton({ ...ready, ...other }).enabled).toBe(false)
  })

  it('says where the working copy stands', () => {
    expect(versionLabel(4, { version: 3, status: 'published' }, 3)).toBe('Draft v4 · live v3')
    expect(versionLabel(null, { version: 3, status: 'archived' }, null)).toBe('v3 (archived) · nothing live')
    expect(saveLabel(true, 'conflict')).toBe('Not saved: someone else saved')
    expect(saveLabel(false, 'unsaved')).toBe('')
  })
})
