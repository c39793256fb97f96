import { ReactFlowProvider, useReactFlow } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Api, Me, RuleSetSummary, SimulateBody, Simulation } from '../api/client'
import { builtInCatalogue, type Catalogue } from '../model/catalogue'
import { compileGraph, nodeForField } from '../model/compile-graph'
import { describeField, describeFieldValue } from '../model/describe'
import { diffGraphs, type GraphDiff } from '../model/diff'
import { type Clip, copySelection, createNode, type PaletteItem, paste, removeNodes } from '../model/edit-ops'
import { checkGraph, nodeTitle } from '../model/graph-checks'
import type { GraphDoc, RuleSetKind } from '../model/graph-types'
import { importRules } from '../model/import-rules'
import { autoLayout } from '../model/layout'
import { simulationOverlay } from '../model/sim-overlay'
import { docFromVersion, useRuleSet } from '../state/use-rule-set'
import { Canvas } from './canvas/Canvas'
import { ImpactPanel } from './panels/ImpactPanel'
import { Inspector } from './panels/Inspector'
import { JsonPanel } from './panels/JsonPanel'
import { Palette } from './panels/Palette'
import { type Problem, ProblemsPanel } from './panels/ProblemsPanel'
import { PublishDialog } from './panels/PublishDialog'
import { SimulatePanel } from './panels/SimulatePanel'
import { VersionsPanel } from './panels/VersionsPanel'

type Tab = 'inspect' | 'json' | 'problems' | 'simulate' | 'impact' | 'versions'

export function Workspace(props: { api: Api; me: Me; onSignOut: () => void }) {
  return (
    <ReactFlowProvider>
      <WorkspaceInner {...props} />
    </ReactFlowProvider>
  )
}

function setFromHash(): string | null {
  const m = /^#\/sets\/([^/]+)/.exec(window.location.hash)
  return m ? decodeURIComponent(m[1]!) : null
}

function WorkspaceInner({ api, me, onSignOut }: { api: Api; me: Me; onSignOut: () => void }) {
  const flow = useReactFlow()
  const [catalogue, setCatalogue] = useState<Catalogue>(builtInCatalogue)
  const [sets, setSets] = useState<RuleSetSummary[]>([])
  const [setId, setSetId] = useState<string | null>(setFromHash)
  const [tab, setTab] = useState<Tab>('inspect')
  const [selection, setSelection] = useState<Set<string>>(new Set())
  const [toast, setToast] = useState<string | null>(null)
  const [sim, setSim] = useState<{
    result: Simulation
    rulesJson: string
    compiled: ReturnType<typeof useRuleSet>['compiled']
  } | null>(null)
  const [requestedOrder, setRequestedOrder] = useState<string | null>(null)
  const [diff, setDiff] = useState<{ a: number; b: number; diff: GraphDiff } | null>(null)
  const [publishing, setPublishing] = useState(false)
  const [creating, setCreating] = useState(false)
  const clipboard = useRef<Clip | null>(null)
  const canEdit = me.canEdit
  const rs = useRuleSet(api, setId, canEdit)
  const doc = rs.doc
  const readOnly = !canEdit || diff !== null

  useEffect(() => {
    void api
      .facts()
      .then(setCatalogue)
      .catch(() => undefined)
    void api.sets().then((list) => {
      setSets(list)
      setSetId(
        (cur) => cur ?? list.find((s) => s.kind === 'sourcing' && s.liveVersion)?.id ?? list[0]?.id ?? null,
      )
    })
  }, [api])
  useEffect(() => {
    if (setId) window.history.replaceState(null, '', `#/sets/${encodeURIComponent(setId)}`)
    setSelection(new Set())
    setSim(null)
    setDiff(null)
  }, [setId])
  useEffect(() => {
    if (rs.set) setSets((list) => list.map((s) => (s.id === rs.set!.id ? { ...s, ...rs.set } : s)))
  }, [rs.set])

  // Fit the canvas once per loaded rule set.
  const fitted = useRef<string | null>(null)
  useEffect(() => {
    if (doc && fitted.current !== setId) {
      fitted.current = setId
      setTimeout(() => void flow.fitView({ padding: 0.2, duration: 0 }), 50)
    }
  }, [doc, setId, flow])

  const showToast = useCallback((text: string) => {
    setToast(text)
    setTimeout(() => setToast((t) => (t === text ? null : t)), 4000)
  }, [])

  /* ---------- problems: the editor's own checks, and the hub's validation of the saved draft ---------- */
  const problems: Problem[] = useMemo(() => {
    if (!doc || !rs.compiled) return []
    const local = checkGraph(doc, catalogue, rs.compiled).map((i) => ({
      severity: i.severity,
      source: 'editor' as const,
      message: i.message,
      ...(i.nodeId ? { nodeId: i.nodeId } : {}),
    }))
    const hub: Problem[] = []
    if (rs.validation && rs.saveState === 'saved') {
      const byName = new Map(rs.compiled.rules.map((r, i) => [r.name, rs.compiled!.ruleNodes[i]!]))
      for (const [severity, list] of [
        ['error', rs.validation.errors],
        ['warning', rs.validation.warnings],
      ] as const)
        for (const issue of list) {
          if (issue.code === 'NO_FALLBACK' && local.some((l) => l.message.startsWith('no fallback'))) continue
          const nodeId = nodeForField(rs.compiled, issue.field) ?? byName.get(issue.rule)
          hub.push({
            severity,
            source: 'hub',
            message: `${issue.message} (hub: ${issue.code})`,
            ...(nodeId ? { nodeId } : {}),
          })
        }
    }
    return [...local, ...hub].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
    )
  }, [doc, catalogue, rs.compiled, rs.validation, rs.saveState])
  const errors = problems.filter((p) => p.severity === 'error').length
  const issuesByNode = useMemo(() => {
    const m = new Map<string, { errors: number; warnings: number }>()
    for (const p of problems)
      if (p.nodeId) {
        const c = m.get(p.nodeId) ?? { errors: 0, warnings: 0 }
        if (p.severity === 'error') c.errors++
        else c.warnings++
        m.set(p.nodeId, c)
      }
    return m
  }, [problems])

  /* ---------- simulation overlay, kept while the compiled rules stay the same ---------- */
  const rulesJson = useMemo(() => JSON.stringify(rs.compiled?.rules ?? []), [rs.compiled])
  useEffect(() => {
    if (sim && sim.rulesJson !== rulesJson) setSim(null)
  }, [rulesJson, sim])
  const overlay = useMemo(() => {
    if (!sim || !doc || !sim.compiled) return null
    return simulationOverlay(doc, sim.compiled, {
      trace: sim.result.trace,
      rulesFired: sim.result.plan.details?.rulesFired ?? [],
    })
  }, [sim, doc])
  const notes = useMemo(() => {
    const m = new Map<string, string[]>()
    if (!sim || !rs.compiled) return m
    const names = new Map(catalogue.values.locations.map((l) => [l.id, l.name]))
    const nodeOf = new Map(rs.compiled.rules.map((r, i) => [r.name, rs.compiled!.ruleNodes[i]!]))
    for (const c of sim.result.plan.candidates)
      for (const x of [c.excluded, ...(c.partialExclusions ?? [])]) {
        const node = x && nodeOf.get(x.rule)
        if (node) m.set(node, [...(m.get(node) ?? []), `left out ${names.get(c.locationId) ?? c.locationId}`])
      }
    const strategyNode = doc?.nodes.find(
      (n) => n.type === 'strategy' && n.data.event.params?.id === sim.result.plan.strategy,
    )
    if (strategyNode) m.set(strategyNode.id, [...(m.get(strategyNode.id) ?? []), 'chose the locations'])
    return m
  }, [sim, rs.compiled, catalogue, doc])

  /* ---------- commands ---------- */
  const focusNode = useCallback(
    (id: string) => {
      const n = flow.getNode(id)
      if (!n) return
      setSelection(new Set([id]))
      const w = n.measured?.width ?? 220
      const h = n.measured?.height ?? 80
      void flow.setCenter(n.position.x + w / 2, n.position.y + h / 2, { zoom: 1.1, duration: 0 })
      setTab('inspect')
    },
    [flow],
  )

  const addFromPalette = useCallback(
    (item: PaletteItem) => {
      if (!doc || readOnly) return
      const box = document.querySelector('.canvas')?.getBoundingClientRect()
      const p = flow.screenToFlowPosition({
        x: (box?.left ?? 0) + (box?.width ?? 800) / 2,
        y: (box?.top ?? 0) + (box?.height ?? 600) / 2,
      })
      const node = createNode(doc, item, { x: Math.round(p.x - 110), y: Math.round(p.y - 40) })
      rs.change((d) => ({ ...d, nodes: [...d.nodes, node] }))
      setSelection(new Set([node.id]))
      setTab('inspect')
    },
    [doc, readOnly, flow, rs],
  )

  const tidy = useCallback(() => {
    if (!doc || readOnly) return
    const measured = new Map(
      flow
        .getNodes()
        .flatMap((n) =>
          n.measured?.width && n.measured.height
            ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const]
            : [],
        ),
    )
    rs.change((d) => autoLayout(d, measured))
    setTimeout(() => void flow.fitView({ padding: 0.2, duration: 0 }), 30)
  }, [doc, readOnly, flow, rs])

  const copy = useCallback(() => {
    if (!doc || selection.size === 0) return
    clipboard.current = copySelection(doc, selection)
    void navigator.clipboard
      ?.writeText(JSON.stringify({ switchyardClip: clipboard.current }))
      .catch(() => undefined)
  }, [doc, selection])

  const pasteClip = useCallback(async () => {
    if (!doc || readOnly) return
    let clip = clipboard.current
    try {
      const text = await navigator.clipboard?.readText()
      const parsed = text ? (JSON.parse(text) as { switchyardClip?: Clip }) : null
      if (parsed?.switchyardClip?.nodes) clip = parsed.switchyardClip
    } catch {
      // Not ours, or no permission: the in-page clipboard is enough.
    }
    if (!clip || clip.nodes.length === 0) return
    const r = paste(doc, clip, { x: 40, y: 40 })
    rs.change(r.doc)
    clipboard.current = {
      nodes: r.doc.nodes.filter((n) => r.ids.includes(n.id)),
      edges: r.doc.edges.filter((e) => r.ids.includes(e.source) && r.ids.includes(e.target)),
    }
    setSelection(new Set(r.ids))
  }, [doc, readOnly, rs])

  const removeSelection = useCallback(() => {
    if (!doc || readOnly || selection.size === 0) return
    rs.change((d) => removeNodes(d, selection))
    setSelection(new Set())
  }, [doc, readOnly, selection, rs])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null
      if (
        t &&
        (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)
      )
        return
      const mod = e.ctrlKey || e.metaKey
      const k = e.key.toLowerCase()
      if (mod && k === 'z' && !e.shiftKey) rs.undo()
      else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) rs.redo()
      else if (mod && k === 'c') copy()
      else if (mod && k === 'x') {
        copy()
        removeSelection()
      } else if (mod && k === 'v') void pasteClip()
      else if (mod && k === 'd') {
        copy()
        void pasteClip()
      } else if (mod && k === 'a') setSelection(new Set(doc?.nodes.map((n) => n.id) ?? []))
      else if (mod && k === 's') void rs.flush()
      else if (e.shiftKey && e.altKey && (k === 't' || e.code === 'KeyT')) tidy()
      else if (k === 'escape') setSelection(new Set())
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [rs, copy, pasteClip, removeSelection, tidy, doc])

  const runSimulation = useCallback(
    async (body: SimulateBody) => {
      await rs.flush()
      if (!setId || rs.workingVersion === null) throw new Error('save the rule set first')
      const result = await api.simulate(setId, rs.workingVersion, body)
      setSim({ result, rulesJson, compiled: rs.compiled })
      setDiff(null)
      return result
    },
    [api, rs, setId, rulesJson],
  )

  const compare = useCallback(
    async (a: number, b: number) => {
      if (!setId || !rs.set) return
      const [va, vb] = await Promise.all([
        api.version(setId, Math.min(a, b)),
        api.version(setId, Math.max(a, b)),
      ])
      const d = diffGraphs(docFromVersion(va, rs.set.kind), docFromVersion(vb, rs.set.kind))
      setSim(null)
      setSelection(new Set())
      setDiff({ a: va.version, b: vb.version, diff: d })
      setTimeout(() => void flow.fitView({ padding: 0.2, duration: 0 }), 30)
    },
    [api, setId, rs.set, flow],
  )

  const selected =
    doc && selection.size === 1 ? (diff ? null : (doc.nodes.find((n) => selection.has(n.id)) ?? null)) : null
  const live = rs.set?.liveVersion ?? null
  const canPublish = canEdit && !diff && rs.draftVersion !== null && rs.saveState === 'saved' && errors === 0
  const kind: RuleSetKind = rs.set?.kind ?? 'sourcing'

  return (
    <div className="workspace">
      <header className="topbar">
        <b className="brand">Switchyard rules</b>
        <select data-testid="set-picker" value={setId ?? ''} onChange={(e) => setSetId(e.target.value)}>
          {sets.length === 0 && <option value="">(no rule sets)</option>}
          {(['sourcing', 'pricing', 'returns'] as const).map((k) => {
            const list = sets.filter((s) => s.kind === k)
            return list.length ? (
              <optgroup key={k} label={k}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} — {s.liveVersion ? `live v${s.liveVersion}` : 'not live'}, latest v
                    {s.latestVersion ?? 0}
                  </option>
                ))}
              </optgroup>
            ) : null
          })}
        </select>
        {canEdit && (
          <button type="button" data-testid="new-set" onClick={() => setCreating(true)}>
            New rule set
          </button>
        )}
        <span className="spacer" />
        {rs.base && (
          <span className="small" data-testid="working-version">
            {rs.draftVersion !== null
              ? `Draft v${rs.draftVersion}`
              : `v${rs.base.version} (${rs.base.status})`}
            {live ? ` · live v${live}` : ' · nothing live'}
          </span>
        )}
        <span className={`save ${rs.saveState}`} data-testid="save-state" title={rs.saveError ?? ''}>
          {canEdit
            ? { saved: 'All changes saved', unsaved: 'Unsaved…', saving: 'Saving…', error: 'Not saved' }[
                rs.saveState
              ]
            : ''}
        </span>
        <button
          type="button"
          data-testid="undo"
          disabled={readOnly || !rs.history?.past.length}
          onClick={rs.undo}
          title="Undo (Ctrl/Cmd+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          data-testid="redo"
          disabled={readOnly || !rs.history?.future.length}
          onClick={rs.redo}
          title="Redo (Ctrl/Cmd+Shift+Z)"
        >
          Redo
        </button>
        <button
          type="button"
          data-testid="tidy"
          disabled={readOnly}
          onClick={tidy}
          title="Tidy up (Shift+Alt+T)"
        >
          Tidy up
        </button>
        {canEdit && (
          <button
            type="button"
            className="primary"
            data-testid="publish"
            disabled={!canPublish}
            title={
              errors
                ? `${errors} problem(s) to fix first`
                : rs.draftVersion === null
                  ? 'No changes to publish'
                  : ''
            }
            onClick={() => setPublishing(true)}
          >
            Publish{errors ? ` (${errors} to fix)` : ''}
          </button>
        )}
        <span className="who small" data-testid="who">
          {me.name} · {me.role}
        </span>
        <button type="button" className="link" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {!canEdit && (
        <div className="banner" data-testid="read-only-banner">
          Read only: your key’s role ({me.role}) can look at rules and simulate orders, not change or publish
          them.
        </div>
      )}
      {rs.saveError && (
        <div className="banner error">Not saved: {rs.saveError} (your changes are kept in this browser)</div>
      )}
      {rs.loadError && <div className="banner error">{rs.loadError}</div>}
      {kind === 'pricing' && (
        <div className="banner">
          Pricing rules can be drafted here; the hub has no pricing engine yet, so it refuses to publish them.
        </div>
      )}
      {diff && (
        <div className="banner diff" data-testid="diff-banner">
          Comparing v{diff.a} → v{diff.b}: <span className="pill added">{diff.diff.counts.added} added</span>{' '}
          <span className="pill removed">{diff.diff.counts.removed} removed</span>{' '}
          <span className="pill changed">{diff.diff.counts.changed} changed</span>
          <button type="button" data-testid="diff-exit" onClick={() => setDiff(null)}>
            Back to editing
          </button>
        </div>
      )}
      <div className="main">
        <Palette kind={kind} disabled={readOnly} onAdd={addFromPalette} />
        {doc ? (
          <Canvas
            doc={doc}
            readOnly={readOnly}
            selection={selection}
            onSelection={setSelection}
            change={rs.change}
            checkpoint={rs.checkpoint}
            overlay={diff ? null : overlay}
            diff={diff?.diff ?? null}
            issues={diff ? new Map() : issuesByNode}
            notes={diff ? new Map() : notes}
            onRefused={(r) => showToast(`Cannot connect: ${r}`)}
            onCreated={() => setTab('inspect')}
          />
        ) : (
          <div className="canvas center muted">{setId ? 'Loading…' : 'No rule set yet.'}</div>
        )}
        <aside className="side">
          <nav className="tabs">
            {(
              [
                ['inspect', 'Inspector'],
                ['json', 'JSON'],
                ['problems', `Problems${problems.length ? ` (${problems.length})` : ''}`],
                ['simulate', 'Simulate'],
                ['impact', 'Impact'],
                ['versions', 'Versions'],
              ] as [Tab, string][]
            ).map(([t, label]) => (
              <button
                key={t}
                type="button"
                data-testid={`tab-${t}`}
                className={tab === t ? 'active' : ''}
                onClick={() => setTab(t)}
              >
                {label}
              </button>
            ))}
          </nav>
          <div className="tab-body">
            {tab === 'inspect' &&
              (diff ? (
                <DiffList diff={diff.diff} onGo={(id) => focusNode(id)} />
              ) : doc ? (
                <>
                  {selection.size > 1 && (
                    <p className="muted">
                      {selection.size} nodes selected: copy, cut, duplicate or delete them together.
                    </p>
                  )}
                  {selection.size <= 1 && (
                    <Inspector
                      doc={doc}
                      node={selected}
                      catalogue={catalogue}
                      readOnly={readOnly}
                      change={rs.change}
                    />
                  )}
                </>
              ) : null)}
            {tab === 'json' && rs.compiled && (
              <JsonPanel
                rules={rs.compiled.rules}
                readOnly={readOnly}
                onImport={(rules) => {
                  try {
                    rs.change(importRules(rules, kind))
                    setTimeout(() => void flow.fitView({ padding: 0.2, duration: 0 }), 30)
                  } catch (e) {
                    showToast((e as Error).message)
                  }
                }}
              />
            )}
            {tab === 'problems' && <ProblemsPanel problems={problems} onGo={focusNode} />}
            {tab === 'simulate' && (
              <SimulatePanel
                api={api}
                catalogue={catalogue}
                requestedOrder={requestedOrder}
                onRun={runSimulation}
                result={sim?.result ?? null}
                onGoToRule={(rule) => {
                  const i = rs.compiled?.rules.findIndex((r) => r.name === rule) ?? -1
                  const node = i >= 0 ? rs.compiled!.ruleNodes[i] : undefined
                  if (node) focusNode(node)
                }}
                onClear={() => setSim(null)}
              />
            )}
            {tab === 'impact' && (
              <ImpactPanel
                names={new Map(catalogue.values.locations.map((l) => [l.id, l.name]))}
                run={async (limit) => {
                  await rs.flush()
                  if (!setId || rs.workingVersion === null) throw new Error('save the rule set first')
                  return api.backtest(setId, rs.workingVersion, limit)
                }}
                onOpenOrder={(id) => {
                  setRequestedOrder(null)
                  setTimeout(() => setRequestedOrder(id), 0)
                  setTab('simulate')
                }}
              />
            )}
            {tab === 'versions' && rs.set && (
              <VersionsPanel
                versions={rs.set.versions}
                liveVersion={live}
                workingVersion={rs.workingVersion}
                readOnly={!canEdit}
                onCompare={(a, b) => void compare(a, b)}
                onRollback={(v) =>
                  void rs
                    .rollback(v)
                    .then(() => showToast(`Version ${v} restored as a new draft: publish it to make it live`))
                }
              />
            )}
          </div>
        </aside>
      </div>
      <footer className="statusbar small muted">
        {doc
          ? `${doc.nodes.length} nodes · ${doc.edges.length} connections · ${rs.compiled?.rules.length ?? 0} rules`
          : ''}{' '}
        · Ctrl/Cmd+Z undo · Ctrl/Cmd+Shift+Z redo · Ctrl/Cmd+C/V/X/D copy, paste, cut, duplicate · Delete
        removes · Shift+Alt+T tidy up · Shift+drag selects several
      </footer>
      {toast && (
        <div className="toast" role="status" data-testid="toast">
          {toast}
        </div>
      )}
      {publishing && rs.draftVersion !== null && (
        <PublishDialog
          version={rs.draftVersion}
          onClose={() => setPublishing(false)}
          onPublish={async (input) => {
            const v = await rs.publish(input)
            showToast(
              `Version ${v.version} published${v.effectiveFrom ? `, effective ${new Date(v.effectiveFrom).toLocaleString()}` : ''}`,
            )
          }}
        />
      )}
      {creating && (
        <NewSetDialog
          onClose={() => setCreating(false)}
          onCreate={async (name, k) => {
            const id =
              name
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, '-')
                .replace(/^-+|-+$/g, '')
                .slice(0, 60) || `set-${Date.now()}`
            await api.createSet({ id, kind: k, name })
            const starter = starterDoc(k)
            await api.createVersion(id, {
              rules: compileGraph(starter).rules,
              graph: starter,
              comment: 'New rule set',
            })
            setSets(await api.sets())
            setSetId(id)
            setCreating(false)
          }}
        />
      )}
    </div>
  )
}

function starterDoc(kind: RuleSetKind): GraphDoc {
  const doc: GraphDoc = importRules([], kind, { layout: false })
  if (kind !== 'sourcing') return doc
  return autoLayout({
    ...doc,
    nodes: [
      ...doc.nodes,
      {
        id: 'strategy-anywhere',
        type: 'strategy',
        position: { x: 300, y: 0 },
        data: {
          event: {
            type: 'strategy',
            params: {
              id: 'anywhere',
              label: 'Anywhere, backorder the rest',
              fallback: true,
              split: { policy: 'allowed', maxShipments: 3 },
              unfillable: { action: 'backorder' },
            },
          },
        },
      },
    ],
    edges: [
      {
        id: 'e-start-out-strategy-anywhere-in',
        source: 'start',
        sourceHandle: 'out',
        target: 'strategy-anywhere',
        targetHandle: 'in',
      },
    ],
  })
}

function DiffList({ diff, onGo }: { diff: GraphDiff; onGo: (id: string) => void }) {
  const changed = diff.nodes.filter((n) => n.status !== 'unchanged')
  if (changed.length === 0) return <p>The two versions route the same way (only positions may differ).</p>
  return (
    <ul className="difflist" data-testid="diff-list">
      {changed.map((n) => (
        <li key={n.node.id} className={`diff-${n.status}`} data-node={n.node.id} data-status={n.status}>
          <button type="button" className="link" onClick={() => onGo(n.node.id)}>
            <b>{n.status}</b> {nodeTitle(n.node)}
          </button>
          {n.changes.map((c) => (
            <div key={c.field} className="small">
              {describeField(c.field)}: {describeFieldValue(c.field, c.before)} →{' '}
              {describeFieldValue(c.field, c.after)}
            </div>
          ))}
        </li>
      ))}
    </ul>
  )
}

function NewSetDialog(props: {
  onClose: () => void
  onCreate: (name: string, kind: RuleSetKind) => Promise<void>
}) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<RuleSetKind>('sourcing')
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-label="New rule set">
        <h2>New rule set</h2>
        <label>
          Name
          <input data-testid="new-set-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Kind
          <select
            data-testid="new-set-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as RuleSetKind)}
          >
            <option value="sourcing">sourcing</option>
            <option value="pricing">pricing</option>
            <option value="returns">returns</option>
          </select>
        </label>
        {error && <p className="error">{error}</p>}
        <div className="row">
          <button
            type="button"
            className="primary"
            data-testid="new-set-create"
            disabled={!name.trim()}
            onClick={() => props.onCreate(name.trim(), kind).catch((e: Error) => setError(e.message))}
          >
            Create
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
