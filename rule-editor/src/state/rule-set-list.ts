import type { RuleSetSummary } from '../api/client'
import type { RuleSetKind } from '../model/graph-types'

/** The rule sets the picker lists, and which one the address names. */

export function setIdFromHash(hash: string): string | null {
  const m = /^#\/sets\/([^/]+)/.exec(hash)
  return m ? decodeURIComponent(m[1]!) : null
}

export const hashFor = (setId: string): string => `#/sets/${encodeURIComponent(setId)}`

/** With none named: the live sourcing set, else the first. */
export function defaultSetId(list: readonly RuleSetSummary[]): string | null {
  return list.find((s) => s.kind === 'sourcing' && s.liveVersion)?.id ?? list[0]?.id ?? null
}

/** A new set's id from its name; a name with no letters or digits gets a time-stamped one. */
export function newSetId(name: string, now: number): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug || `set-${now}`
}

/** The picker's groups, in a fixed order, leaving out kinds with no set. */
export function setsByKind(list: readonly RuleSetSummary[]): [RuleSetKind, RuleSetSummary[]][] {
  return (['sourcing', 'pricing', 'returns'] as const)
    .map((k): [RuleSetKind, RuleSetSummary[]] => [k, list.filter((s) => s.kind === k)])
    .filter(([, sets]) => sets.length > 0)
}

/** The open set's latest summary (a new draft, a publish) replaces its entry in the list. */
export function withSummary<T extends RuleSetSummary>(list: T[], set: RuleSetSummary): T[] {
  return list.map((s) => (s.id === set.id ? { ...s, ...set } : s))
}
