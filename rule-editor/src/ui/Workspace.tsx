import { ReactFlowProvider, useReactFlow } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Api, Me, Quote, QuoteBody, RuleSetSummary, SimulateBody, Simulation } from '../api/client'
import { builtInCatalogue, type Catalogue, normaliseCatalogue } from '../model/catalogue'
import { type CompileResult, compileGraph } from '../model/compile-graph'
import { diffGraphs, type GraphDiff } from '../model/diff'
import { type Clip, copySelection, createNode, type PaletteItem, paste, removeNodes } from '../model/edit-ops'
import type { RuleSetKind } from '../model/graph-types'
import { importRules } from '../model/import-rules'
import { autoLayout } from '../model/layout'
import { quoteNotes, quoteTrace, simulationNotes, simulationOverlay } from '../model/sim-overlay'
import { starterDoc } from '../model/starter'
import { collectProblems, countByNode } from '../state/problems'
import { commandFor } from '../state/shortcuts'
import { docFromVersion, useRuleSet } from '../state/use-rule-set'
import { Canvas } from './canvas/Canvas'
import { DiffList } from './panels/DiffList'
import { ImpactPanel } from './panels/ImpactPanel'
import { Inspector } from './panels/inspector/Inspector'
import { JsonPanel } from './panels/JsonPanel'
import { NewSetDialog } from './panels/NewSetDialog'
import { Palette } from './panels/Palette'
import { PricingImpactPanel } from './panels/PricingImpactPanel'
import { PricingSimulatePanel } from './panels/PricingSimulatePanel'
import { ProblemsPanel } from './panels/ProblemsPanel'
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
  const [catalogues, setCatalogues] = useState<{ sourcing: Catalogue; pricing: Catalogue }>({
    sourcing: builtInCatalogue,
    pricing: builtInCatalogue,
  })
  const [sets, setSets] = useState<RuleSetSummary[]>([])
  const [setId, setSetId] = useState<string | null>(setFromHash)
  const [tab, setTab] = useState<Tab>('inspect')
  const [selection, setSelection] = useState<Set<string>>(new Set())
  const [toast, setToast] = useState<string | null>(null)
  // A routing simulation (sourcing) or a quote (pricing), with the rules it ran against.
  const [sim, setSim] = useState<
    | ({ rulesJson: string; compiled: CompileResult | null } & (
        | { kind: 'route'; result: Simulation }
        | { kind: 'quote'; result: Quote }
      ))
    | null
  >(null)
  const [requestedOrder, setRequestedOrder] = useState<string | null>(null)
  const [diff, setDiff] = useState<{ a: number; b: number; diff: GraphDiff } | null>(null)
  const [publishing, setPublishing] = useState(false)
  const [creating, setCreating] = useState(false)
  const clipboard = useRef<Clip | null>(null)
  const canEdit = me.canEdit
  const rs = useRuleSet(api, setId, canEdit)
  const doc = rs.doc
  const readOnly = !canEdit || diff !== null
  const kind: RuleSetKind = rs.set?.kind ?? 'sourcing'
  const catalogue = kind === 'pricing' ? catalogues.pricing : catalogues.sourcing

  useEffect(() => {
    void api
      .facts()
      .then((c) => setCatalogues((x) => ({ ...x, sourcing: normaliseCatalogue(c) })))
      .catch(() => undefined)
    // Pricing has its own facts and lists (price lists instead of locations).
    void api
      .pricingFacts()
      .then((c) => setCatalogues((x) => ({ ...x, pricing: normaliseCatalogue(c) })))
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
      setTimeout(() => void flow.fitView({ padding: 0.2, duration: 0, maxZoom: 1 }), 50)
    }
  }, [doc, setId, flow])

  // Leaving with changes the hub has not got yet asks first (they are kept in this browser anyway).
  const pending = canEdit && rs.saveState !== 'saved'
  useEffect(() => {
    if (!pending) return
    const guard = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', guard)
    return () => window.removeEventListener('beforeunload', guard)
  }, [pending])

  const showToast = useCallback((text: string) => {
    setToast(text)
    setTimeout(() => setToast((t) => (t === text ? null : t)), 4000)
  }, [])

  const problems = useMemo(
    () =>
      doc && rs.compiled
        ? collectProblems(doc, catalogue, rs.compiled, rs.validation, rs.saveState === 'saved')
        : [],
    [doc, catalogue, rs.compiled, rs.validation, rs.saveState],
  )
  const errors = problems.filter((p) => p.severity === 'error').length
  const issuesByNode = useMemo(() => countByNode(problems), [problems])

  /* ---------- simulation overlay, kept while the compiled rules stay the same ---------- */
  const rulesJson = useMemo(() => JSON.stringify(rs.compiled?.rules ?? []), [rs.compiled])
  useEffect(() => {
    if (sim && sim.rulesJson !== rulesJson) setSim(null)
  }, [rulesJson, sim])
  const overlay = useMemo(() => {
    if (!sim || !doc || !sim.compiled) return null
    return simulationOverlay(
      doc,
      sim.compiled,
      sim.kind === 'route'
        ? { trace: sim.result.trace, rulesFired: sim.result.plan.details?.rulesFired ?? [] }
        : quoteTrace(sim.compiled, sim.result),
    )
  }, [sim, doc])
  const notes = useMemo(() => {
    if (!sim || !rs.compiled || !doc) return new Map<string, string[]>()
    if (sim.kind === 'quote') return quoteNotes(rs.compiled, sim.result)
    return simulationNotes(
      doc,
      rs.compiled,
      sim.result.plan,
      new Map(catalogue.values.locations.map((l) => [l.id, l.name])),
    )
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
    setTimeout(() => void flow.fitView({ padding: 0.2, duration: 0, maxZoom: 1 }), 30)
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
      // A KeyboardEvent's fields are getters on its prototype: spread would lose them.
      const command = commandFor({
        key: e.key,
        code: e.code,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        target: e.target as HTMLElement | null,
      })
      if (!command) return
      e.preventDefault()
      switch (command) {
        case 'undo':
          return rs.undo()
        case 'redo':
          return rs.redo()
        case 'copy':
          return copy()
        case 'cut':
          copy()
          return removeSelection()
        case 'paste':
          return void pasteClip()
        case 'duplicate':
          copy()
          return void pasteClip()
        case 'selectAll':
          return setSelection(new Set(doc?.nodes.map((n) => n.id) ?? []))
        case 'save':
          return void rs.flush()
        case 'tidy':
          return tidy()
        case 'deselect':
          return setSelection(new Set())
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [rs, copy, pasteClip, removeSelection, tidy, doc])

  const runSimulation = useCallback(
    async (body: SimulateBody) => {
      await rs.flush()
      if (!setId || rs.workingVersion === null) throw new Error('save the rule set first')
      const result = await api.simulate(setId, rs.workingVersion, body)
      setSim({ kind: 'route', result, rulesJson, compiled: rs.compiled })
      setDiff(null)
      return result
    },
    [api, rs, setId, rulesJson],
  )

  /** Pricing: a quote against the working version (a draft is priced as if it were live). */
  const quoteDraft = useCallback(
    async (body: QuoteBody) => {
      await rs.flush()
      if (!setId || rs.workingVersion === null) throw new Error('save the rule set first')
      return api.quote({ ...body, ruleSet: { id: setId, version: rs.workingVersion } })
    },
    [api, rs, setId],
  )
  const runQuote = useCallback(
    async (body: QuoteBody) => {
      const result = await quoteDraft(body)
      setSim({ kind: 'quote', result, rulesJson, compiled: rs.compiled })
      setDiff(null)
      return result
    },
    [quoteDraft, rulesJson, rs.compiled],
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
      setTimeout(() => void flow.fitView({ padding: 0.2, duration: 0, maxZoom: 1 }), 30)
    },
    [api, setId, rs.set, flow],
  )

  const goToRule = useCallback(
    (rule: string) => {
      const i = rs.compiled?.rules.findIndex((r) => r.name === rule) ?? -1
      const node = i >= 0 ? rs.compiled!.ruleNodes[i] : undefined
      if (node) focusNode(node)
    },
    [rs.compiled, focusNode],
  )
  const openOrder = useCallback((id: string) => {
    setRequestedOrder(null)
    setTimeout(() => setRequestedOrder(id), 0)
    setTab('simulate')
  }, [])

  const selected =
    doc && selection.size === 1 ? (diff ? null : (doc.nodes.find((n) => selection.has(n.id)) ?? null)) : null
  const live = rs.set?.liveVersion ?? null
  const canPublish = canEdit && !diff && rs.draftVersion !== null && rs.saveState === 'saved' && errors === 0

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
            ? {
                saved: 'All changes saved',
                unsaved: 'Unsaved…',
                saving: 'Saving…',
                error: 'Not saved',
                conflict: 'Not saved: someone else saved',
              }[rs.saveState]
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
      {rs.saveError && rs.saveState === 'error' && (
        <div className="banner error">
          Not saved: {rs.saveError} (your changes are kept in this browser){' '}
          <button type="button" onClick={() => void rs.flush().catch(() => undefined)}>
            Try again
          </button>
        </div>
      )}
      {rs.conflict && (
        <div className="banner error" data-testid="conflict-banner">
          {rs.conflict.by ?? 'Someone'} saved this draft
          {rs.conflict.at ? ` at ${new Date(rs.conflict.at).toLocaleTimeString()}` : ''} while you were
          editing it. Your changes are kept in this browser.{' '}
          <button
            type="button"
            data-testid="conflict-theirs"
            onClick={() => void rs.resolveConflict('theirs')}
          >
            Take theirs (drop mine)
          </button>{' '}
          <button type="button" data-testid="conflict-mine" onClick={() => void rs.resolveConflict('mine')}>
            Keep mine (replace theirs)
          </button>
        </div>
      )}
      {rs.loadError && <div className="banner error">{rs.loadError}</div>}
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
                    setTimeout(() => void flow.fitView({ padding: 0.2, duration: 0, maxZoom: 1 }), 30)
                  } catch (e) {
                    showToast((e as Error).message)
                  }
                }}
              />
            )}
            {tab === 'problems' && <ProblemsPanel problems={problems} onGo={focusNode} />}
            {tab === 'simulate' && kind !== 'pricing' && (
              <SimulatePanel
                api={api}
                catalogue={catalogue}
                requestedOrder={requestedOrder}
                onRun={runSimulation}
                result={sim?.kind === 'route' ? sim.result : null}
                onGoToRule={goToRule}
                onClear={() => setSim(null)}
              />
            )}
            {tab === 'simulate' && kind === 'pricing' && (
              <PricingSimulatePanel
                api={api}
                catalogue={catalogue}
                requestedOrder={requestedOrder}
                onRun={runQuote}
                result={sim?.kind === 'quote' ? sim.result : null}
                onGoToRule={goToRule}
                onClear={() => setSim(null)}
              />
            )}
            {tab === 'impact' && kind === 'pricing' && (
              <PricingImpactPanel api={api} quoteDraft={quoteDraft} onOpenOrder={openOrder} />
            )}
            {tab === 'impact' && kind !== 'pricing' && (
              <ImpactPanel
                names={new Map(catalogue.values.locations.map((l) => [l.id, l.name]))}
                run={async (limit) => {
                  await rs.flush()
                  if (!setId || rs.workingVersion === null) throw new Error('save the rule set first')
                  return api.backtest(setId, rs.workingVersion, limit)
                }}
                onOpenOrder={openOrder}
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
