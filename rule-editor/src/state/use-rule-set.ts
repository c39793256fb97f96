import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  type Api,
  ApiError,
  type RuleSetSummary,
  type ValidationReport,
  type Version,
  type VersionMeta,
} from '../api/client'
import { compileGraph } from '../model/compile-graph'
import { isTimeZone } from '../model/graph-checks'
import { GRAPH_SCHEMA_VERSION, type GraphDoc, type RuleSetKind } from '../model/graph-types'
import { importRules } from '../model/import-rules'
import * as H from './history'

/**
 * One rule set being edited. The working copy is the latest draft when there is one; otherwise the
 * latest published version, and the first change saves a new draft from it. Every change is kept
 * in this browser at once and saved to the hub shortly after (autosave), so nothing is lost on a
 * reload; the hub's validation of each save comes back with it.
 */
type SaveOutcome = 'saved' | 'nothing' | 'conflict' | 'error'

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict'

interface Stored {
  setId: string
  baseVersion: number
  /** The ETag of the version the unsaved changes were made on: a later save names it as If-Match. */
  baseEtag?: string | undefined
  draftVersion: number | null
  doc: GraphDoc
  dirty: boolean
}

const storeKey = (setId: string) => `switchyard.editor.${setId}`

export function docFromVersion(
  v: Pick<Version, 'graph' | 'rules' | 'settings'>,
  kind: RuleSetKind,
): GraphDoc {
  const g = v.graph as Partial<GraphDoc> | null
  const doc =
    g && g.schemaVersion === GRAPH_SCHEMA_VERSION && Array.isArray(g.nodes) && Array.isArray(g.edges)
      ? (g as GraphDoc)
      : importRules(v.rules ?? [], kind)
  // The start node shows the version's settings; a version saved without a graph has them only there.
  const tz = v.settings?.timezone
  if (typeof tz !== 'string') return doc
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.type === 'start' && n.data.timezone === undefined ? { ...n, data: { ...n.data, timezone: tz } } : n,
    ),
  }
}

/** The version settings a document carries (on its start node), over the ones it was based on. */
export function settingsOf(
  doc: GraphDoc,
  base: Record<string, unknown> | null | undefined,
): Record<string, unknown> | undefined {
  const start = doc.nodes.find((n) => n.type === 'start')
  const tz = start?.type === 'start' ? start.data.timezone : undefined
  // One being typed, or misspelt, stays out of the saved settings (the problem list names it).
  if (!tz || !isTimeZone(tz)) return base ?? undefined
  return { ...(base ?? {}), timezone: tz }
}

export type RuleSetState = ReturnType<typeof useRuleSet>

export function useRuleSet(api: Api, setId: string | null, canEdit: boolean) {
  const [set, setSet] = useState<(RuleSetSummary & { versions: VersionMeta[] }) | null>(null)
  const [base, setBase] = useState<Version | null>(null)
  const [draftVersion, setDraftVersion] = useState<number | null>(null)
  const [history, setHistory] = useState<H.History | null>(null)
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [saveError, setSaveError] = useState<string | null>(null)
  const [validation, setValidation] = useState<ValidationReport | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  /** Someone else saved the draft since we loaded or saved it: theirs or ours? */
  const [conflict, setConflict] = useState<{ by: string | null; at: string | null } | null>(null)
  const savedDoc = useRef<GraphDoc | null>(null)
  /**
   * The set the working document belongs to. When another set opens, the render that brings the
   * new set id still holds the old set's document: neither kept in the browser nor saved under the
   * new id (it would restore one set's drawing into another, with the other's ETag).
   */
  const docOf = useRef<string | null>(null)
  const saving = useRef<Promise<SaveOutcome> | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const live = useRef({ draftVersion, base, history, setId })
  live.current = { draftVersion, base, history, setId }

  const refreshSet = useCallback(async () => {
    if (!setId) return null
    const s = await api.set(setId)
    setSet(s)
    return s
  }, [api, setId])

  const load = useCallback(
    async (prefer?: number) => {
      if (!setId) return
      setLoadError(null)
      try {
        const s = await api.set(setId)
        setSet(s)
        const versions = [...s.versions].sort((a, b) => b.version - a.version)
        const latest = versions[0]
        const pick =
          prefer ?? (latest?.status === 'draft' ? latest.version : (s.liveVersion ?? latest?.version))
        const v = pick ? await api.version(setId, pick) : null
        const draft = v?.status === 'draft' ? v.version : null
        let doc = v ? docFromVersion(v, s.kind) : importRules([], s.kind)
        const stored = readStored(setId)
        let dirty = false
        if (stored?.dirty && canEdit && stored.baseVersion === (v?.version ?? 0)) {
          doc = stored.doc
          dirty = true
        }
        // Changes kept in this browser were made on the state they were read in, not on what the
        // hub holds now: saving them names that state, so another editor's save since is a conflict
        // (412) to resolve, never overwritten unnoticed.
        setBase(v && dirty && stored?.baseEtag ? { ...v, etag: stored.baseEtag } : v)
        setDraftVersion(draft)
        savedDoc.current = dirty ? null : doc
        docOf.current = setId
        setHistory(H.start(doc))
        setSaveState(dirty ? 'unsaved' : 'saved')
        setSaveError(null)
        setConflict(null)
        setValidation(v ? await api.validate(setId, v.version).catch(() => null) : null)
      } catch (e) {
        setLoadError((e as Error).message)
      }
    },
    [api, setId, canEdit],
  )

  useEffect(() => {
    docOf.current = null
    setHistory(null)
    setBase(null)
    setSet(null)
    setValidation(null)
    void load()
  }, [load])

  const save = useCallback(
    async (options: { overwrite?: boolean } = {}): Promise<SaveOutcome> => {
      if (saving.current) await saving.current
      const cur = live.current
      if (!cur.history || !cur.setId || !canEdit || docOf.current !== cur.setId) return 'nothing'
      const doc = cur.history.present
      if (doc === savedDoc.current) return 'nothing'
      const rules = compileGraph(doc).rules
      setSaveState('saving')
      const run = (async (): Promise<SaveOutcome> => {
        try {
          let result: { version: Version; validation: ValidationReport }
          // The hub saves over exactly the state this editor read (If-Match), so a second editor's
          // work is never overwritten unnoticed; overwriting is a person's explicit choice.
          const ifMatch =
            !options.overwrite && cur.base && cur.base.version === cur.draftVersion
              ? cur.base.etag
              : undefined
          try {
            if (cur.draftVersion === null) throw new ApiError(409, 'NO_DRAFT', 'no draft yet')
            result = await api.updateDraft(
              cur.setId!,
              cur.draftVersion,
              { rules, graph: doc, settings: settingsOf(doc, cur.base?.settings) },
              ifMatch,
            )
          } catch (e) {
            if (e instanceof ApiError && e.status === 412) {
              const current = (e.details.current ?? {}) as {
                author?: string | null
                updatedAt?: string | null
              }
              setConflict({ by: current.author ?? null, at: current.updatedAt ?? null })
              setSaveState('conflict')
              return 'conflict'
            }
            if (!(e instanceof ApiError) || e.status !== 409) throw e
            result = await api.createVersion(cur.setId!, {
              rules,
              graph: doc,
              settings: cur.base?.settings ?? undefined,
              comment: cur.base ? `Draft from version ${cur.base.version}` : 'First draft',
            })
          }
          savedDoc.current = doc
          setDraftVersion(result.version.version)
          setBase(result.version)
          setValidation(result.validation)
          writeStored({
            setId: cur.setId!,
            baseVersion: result.version.version,
            baseEtag: result.version.etag,
            draftVersion: result.version.version,
            doc,
            dirty: false,
          })
          setSaveState(live.current.history?.present === doc ? 'saved' : 'unsaved')
          setSaveError(null)
          setConflict(null)
          void refreshSet()
          return 'saved'
        } catch (e) {
          setSaveState('error')
          setSaveError(
            e instanceof ApiError && e.issues.length
              ? `${e.message}: ${e.issues.map((i) => `${i.field} ${i.message}`).join('; ')}`
              : (e as Error).message,
          )
          return 'error'
        }
      })()
      saving.current = run
      const outcome = await run
      saving.current = null
      return outcome
    },
    [api, canEdit, refreshSet],
  )

  /** Applies a change to the working document: one undo step, or part of the last (`coalesce`). */
  const change = useCallback(
    (next: GraphDoc | ((d: GraphDoc) => GraphDoc), opts: { coalesce?: string; step?: boolean } = {}) => {
      if (!canEdit) return
      setHistory((h) => {
        if (!h) return h
        const doc = typeof next === 'function' ? next(h.present) : next
        if (doc === h.present) return h
        return opts.step === false ? H.replace(h, doc) : H.commit(h, doc, opts.coalesce)
      })
    },
    [canEdit],
  )

  const checkpoint = useCallback(() => setHistory((h) => (h ? H.checkpoint(h) : h)), [])
  const undo = useCallback(() => canEdit && setHistory((h) => (h ? H.undo(h) : h)), [canEdit])
  const redo = useCallback(() => canEdit && setHistory((h) => (h ? H.redo(h) : h)), [canEdit])

  // Keep every change in this browser at once, and save it to the hub after a short pause.
  const doc = history?.present ?? null
  useEffect(() => {
    if (!doc || !setId || !canEdit || docOf.current !== setId || doc === savedDoc.current) return
    writeStored({
      setId,
      baseVersion: base?.version ?? 0,
      baseEtag: base?.etag,
      draftVersion,
      doc,
      dirty: true,
    })
    // While a conflict waits for an answer, changes stay in this browser only.
    if (conflict) return
    setSaveState('unsaved')
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(), 700)
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [doc, setId, canEdit, base?.version, base?.etag, draftVersion, save, conflict])

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    const outcome = await save()
    if (outcome === 'conflict')
      throw new Error('another editor saved this draft: keep yours or take theirs first')
    if (outcome === 'error') throw new Error('the last change could not be saved')
  }, [save])

  const publish = useCallback(
    async (input: { comment: string; effectiveFrom: string | null }) => {
      await flush()
      const cur = live.current
      if (!cur.setId || cur.draftVersion === null) throw new Error('nothing to publish: no draft')
      // What is published is the draft as this editor saved it: if another editor saved over it
      // since, the hub refuses (412) rather than publishing their work under this comment.
      const ifMatch = cur.base?.version === cur.draftVersion ? cur.base.etag : undefined
      const r = await api
        .publish(
          cur.setId,
          cur.draftVersion,
          { comment: input.comment || null, effectiveFrom: input.effectiveFrom },
          ifMatch,
        )
        .catch((e: unknown) => {
          if (!(e instanceof ApiError) || e.status !== 412) throw e
          const current = (e.details.current ?? {}) as { author?: string | null; updatedAt?: string | null }
          setConflict({ by: current.author ?? null, at: current.updatedAt ?? null })
          setSaveState('conflict')
          throw new Error('another editor saved this draft: keep yours or take theirs first')
        })
      setDraftVersion(null)
      setBase({ ...r.version })
      clearStored(cur.setId)
      await refreshSet()
      return r.version
    },
    [api, flush, refreshSet],
  )

  /** An earlier version becomes a new draft (its rules and graph as they were), ready to publish. */
  const rollback = useCallback(
    async (version: number) => {
      if (!setId || !set) return
      await flush()
      const old = await api.version(setId, version)
      const graph = docFromVersion(old, set.kind)
      const r = await api.createVersion(setId, {
        rules: old.rules,
        graph,
        settings: old.settings ?? undefined,
        comment: `Roll back to version ${version}`,
      })
      clearStored(setId)
      await load(r.version.version)
    },
    [api, flush, load, set, setId],
  )

  /** Keep mine (overwrite their save) or take theirs (drop the changes made here). */
  const resolveConflict = useCallback(
    async (choice: 'mine' | 'theirs') => {
      if (!setId) return
      if (choice === 'mine') {
        setConflict(null)
        await save({ overwrite: true })
      } else {
        clearStored(setId)
        await load(live.current.draftVersion ?? undefined)
      }
    },
    [save, load, setId],
  )

  const compiled = useMemo(() => (doc ? compileGraph(doc) : null), [doc])

  return {
    set,
    base,
    draftVersion,
    doc,
    compiled,
    history,
    saveState,
    saveError,
    conflict,
    resolveConflict,
    validation,
    loadError,
    change,
    checkpoint,
    undo,
    redo,
    flush,
    publish,
    rollback,
    reload: load,
    refreshSet,
    /** The version simulation and impact run against: the draft, or what the working copy came from. */
    workingVersion: draftVersion ?? base?.version ?? null,
  }
}

function readStored(setId: string): Stored | null {
  try {
    const raw = localStorage.getItem(storeKey(setId))
    return raw ? (JSON.parse(raw) as Stored) : null
  } catch {
    return null
  }
}

function writeStored(s: Stored): void {
  try {
    localStorage.setItem(storeKey(s.setId), JSON.stringify(s))
  } catch {
    // Storage full or disabled: the hub's autosave still keeps the work.
  }
}

function clearStored(setId: string): void {
  localStorage.removeItem(storeKey(setId))
}
