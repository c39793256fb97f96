import { useReactFlow } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import type { Api, Me } from '../api/client'
import type { RuleProperties } from '../model/core-rules'
import { localDateTime } from '../model/dates'
import { diffGraphs } from '../model/diff'
import type { RuleSetKind } from '../model/graph-types'
import { importRules } from '../model/import-rules'
import { collectProblems, countByNode } from './problems'
import { loadPublishPreview } from './publish-preview'
import { publishButton } from './toolbar-labels'
import { useCatalogues } from './use-catalogues'
import { compareBaseVersion, useCompareBase } from './use-compare-base'
import { useEditCommands, useFitSoon } from './use-edit-commands'
import { useLeaveGuard } from './use-leave-guard'
import { docFromVersion, useRuleSet } from './use-rule-set'
import { useRuleSetList } from './use-rule-set-list'
import { useShortcuts } from './use-shortcuts'
import { useSimulation } from './use-simulation'
import { useToast } from './use-toast'
import { initialView, isReadOnly, viewReducer } from './workspace-view'

export type WorkspaceState = ReturnType<typeof useWorkspace>

/** Everything the workspace shows and does, for the rule set the address names. */
export function useWorkspace(api: Api, me: Me) {
  const flow = useReactFlow()
  const fitSoon = useFitSoon()
  const catalogues = useCatalogues(api)
  const list = useRuleSetList(api)
  const { setId } = list
  const rs = useRuleSet(api, setId, me.canEdit)
  const { doc, compiled } = rs
  const [view, dispatch] = useReducer(viewReducer, initialView)
  const [toast, showToast] = useToast()
  const readOnly = isReadOnly(view, me.canEdit)
  const kind: RuleSetKind = rs.set?.kind ?? 'sourcing'
  const catalogue = kind === 'pricing' ? catalogues.pricing : catalogues.sourcing

  // biome-ignore lint/correctness/useExhaustiveDependencies: opening another set is what resets the view
  useEffect(() => dispatch({ type: 'setOpened' }), [setId])
  const { update } = list
  useEffect(() => {
    if (rs.set) update(rs.set)
  }, [rs.set, update])
  useLeaveGuard(me.canEdit && rs.saveState !== 'saved')

  // Fit the canvas once per loaded rule set.
  const fitted = useRef<string | null>(null)
  useEffect(() => {
    if (doc && fitted.current !== setId) {
      fitted.current = setId
      fitSoon(50)
    }
  }, [doc, setId, fitSoon])

  const base = useCompareBase(
    api,
    setId,
    kind,
    rs.set ? compareBaseVersion(rs.set, rs.workingVersion, view.against) : null,
    rs.set?.liveVersion ?? null,
  )
  const problems = useMemo(
    () =>
      doc && compiled
        ? collectProblems(doc, catalogue, compiled, rs.validation, rs.saveState === 'saved', base)
        : [],
    [doc, catalogue, compiled, rs.validation, rs.saveState, base],
  )
  const issuesByNode = useMemo(() => countByNode(problems), [problems])
  const errors = problems.filter((p) => p.severity === 'error').length

  const sim = useSimulation(api, rs, setId, catalogue, view.sim, dispatch)
  const edit = useEditCommands(rs, readOnly, view.selection, dispatch)

  const select = useCallback((ids: Iterable<string>) => dispatch({ type: 'select', ids }), [])

  useShortcuts({
    undo: rs.undo,
    redo: rs.redo,
    copy: edit.copy,
    cut: () => {
      edit.copy()
      edit.removeSelection()
    },
    paste: () => void edit.paste(),
    duplicate: () => {
      edit.copy()
      void edit.paste()
    },
    selectAll: () => select(doc?.nodes.map((n) => n.id) ?? []),
    save: () => void rs.flush(),
    tidy: edit.tidy,
    deselect: () => select([]),
  })

  /** Selects a node, centres it and opens it in the inspector. */
  const focusNode = useCallback(
    (id: string) => {
      const n = flow.getNode(id)
      if (!n) return
      dispatch({ type: 'focus', id })
      const w = n.measured?.width ?? 220
      const h = n.measured?.height ?? 80
      void flow.setCenter(n.position.x + w / 2, n.position.y + h / 2, { zoom: 1.1, duration: 0 })
    },
    [flow],
  )
  const goToRule = useCallback(
    (rule: string) => {
      const i = compiled?.rules.findIndex((r) => r.name === rule) ?? -1
      const node = i >= 0 ? compiled!.ruleNodes[i] : undefined
      if (node) focusNode(node)
    },
    [compiled, focusNode],
  )

  // Asking for the same order again must still reach the panel: clear it, then set it.
  const [requestedOrder, setRequestedOrder] = useState<string | null>(null)
  const openOrder = useCallback((id: string) => {
    setRequestedOrder(null)
    setTimeout(() => setRequestedOrder(id), 0)
    dispatch({ type: 'tab', tab: 'simulate' })
  }, [])

  const compare = useCallback(
    async (a: number, b: number) => {
      if (!setId || !rs.set) return
      const [va, vb] = await Promise.all([
        api.version(setId, Math.min(a, b)),
        api.version(setId, Math.max(a, b)),
      ])
      const diff = diffGraphs(docFromVersion(va, rs.set.kind), docFromVersion(vb, rs.set.kind))
      dispatch({ type: 'compared', diff: { a: va.version, b: vb.version, diff } })
      fitSoon()
    },
    [api, setId, rs.set, fitSoon],
  )

  const importJson = useCallback(
    (rules: RuleProperties[]) => {
      try {
        rs.change(importRules(rules, kind))
        fitSoon()
      } catch (e) {
        showToast((e as Error).message)
      }
    },
    [rs, kind, fitSoon, showToast],
  )
  const rollback = useCallback(
    (v: number) =>
      void rs.rollback(v).then(() => {
        showToast(`Version ${v} restored as a new draft: publish it to make it live`)
        // The restored graph was drawn where that version had it: show all of it.
        fitSoon(50)
      }),
    [rs, showToast, fitSoon],
  )
  const { backtest } = sim
  const publishPreview = useCallback(async () => {
    if (!rs.set || !rs.doc || rs.draftVersion === null) throw new Error('nothing to publish')
    return loadPublishPreview({
      api,
      set: rs.set,
      doc: rs.doc,
      draftVersion: rs.draftVersion,
      backtest,
    })
  }, [api, rs.set, rs.doc, rs.draftVersion, backtest])
  const publish = useCallback(
    async (input: { comment: string; effectiveFrom: string | null }) => {
      const v = await rs.publish(input)
      const effective = v.effectiveFrom ? `, effective ${localDateTime(v.effectiveFrom)}` : ''
      showToast(`Version ${v.version} published${effective}`)
    },
    [rs, showToast],
  )

  return {
    api,
    me,
    list,
    rs,
    view,
    dispatch,
    readOnly,
    kind,
    catalogue,
    catalogues,
    problems,
    issuesByNode,
    publishButton: publishButton({
      canEdit: me.canEdit,
      comparing: view.diff !== null,
      draftVersion: rs.draftVersion,
      saveState: rs.saveState,
      errors,
    }),
    sim,
    edit,
    select,
    toast,
    showToast,
    requestedOrder,
    focusNode,
    goToRule,
    openOrder,
    compare,
    importJson,
    rollback,
    publish,
    publishPreview,
  }
}
