import { useEffect, useMemo, useState } from 'react'
import type { Api } from '../api/client'
import type { GraphDoc, RuleSetKind } from '../model/graph-types'
import { docFromVersion } from './use-rule-set'

/** The version the working copy is compared with, and how the problems list names it. */
export interface CompareBase {
  version: number
  label: string
  doc: GraphDoc
}

/**
 * Which version the working copy replaces or is compared with: the one chosen (Impact's
 * "against"), else what is live, else the latest published one. None when that is the working
 * copy itself (nothing changed yet) or nothing was ever published.
 */
export function compareBaseVersion(
  set: { liveVersion: number | null; versions: { version: number; status: string }[] },
  workingVersion: number | null,
  against: number | null,
): number | null {
  const published = set.versions
    .filter((v) => v.status !== 'draft' && v.version !== workingVersion)
    .map((v) => v.version)
  const v = against ?? set.liveVersion ?? (published.length ? Math.max(...published) : null)
  return v === workingVersion ? null : v
}

export const compareBaseLabel = (version: number, liveVersion: number | null) =>
  `v${version}${version === liveVersion ? ' (live)' : ''}`

/** Loads the graph of the compared version, once per version (published versions do not change). */
export function useCompareBase(
  api: Api,
  setId: string | null,
  kind: RuleSetKind,
  version: number | null,
  liveVersion: number | null,
): CompareBase | null {
  const [loaded, setLoaded] = useState<{ key: string; doc: GraphDoc } | null>(null)
  const key = setId && version !== null ? `${setId}@${version}` : null
  useEffect(() => {
    if (!key || !setId || version === null || loaded?.key === key) return
    let current = true
    void api
      .version(setId, version)
      .then((v) => current && setLoaded({ key, doc: docFromVersion(v, kind) }))
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [api, key, setId, version, kind, loaded?.key])
  // One object per loaded version, so what depends on it recomputes only when it changes.
  return useMemo(
    () =>
      key && version !== null && loaded?.key === key
        ? { version, label: compareBaseLabel(version, liveVersion), doc: loaded.doc }
        : null,
    [key, version, liveVersion, loaded],
  )
}
