import { useCallback, useEffect, useState } from 'react'
import type { Api, RuleSetSummary } from '../api/client'
import { compileGraph } from '../model/compile-graph'
import type { RuleSetKind } from '../model/graph-types'
import { starterDoc } from '../model/starter'
import { defaultSetId, hashFor, newSetId, setIdFromHash, withSummary } from './rule-set-list'

/** The hub's rule sets and which one is open; the open one is kept in the address (#/sets/<id>). */
export function useRuleSetList(api: Api) {
  const [sets, setSets] = useState<RuleSetSummary[]>([])
  const [setId, open] = useState<string | null>(() => setIdFromHash(window.location.hash))

  useEffect(() => {
    void api.sets().then((list) => {
      setSets(list)
      open((cur) => cur ?? defaultSetId(list))
    })
  }, [api])
  useEffect(() => {
    if (setId) window.history.replaceState(null, '', hashFor(setId))
  }, [setId])

  const update = useCallback((set: RuleSetSummary) => setSets((list) => withSummary(list, set)), [])

  /** A new set starts with a saved starter draft, and opens. */
  const create = useCallback(
    async (name: string, kind: RuleSetKind) => {
      const id = newSetId(name, Date.now())
      await api.createSet({ id, kind, name })
      const starter = starterDoc(kind)
      await api.createVersion(id, {
        rules: compileGraph(starter).rules,
        graph: starter,
        comment: 'New rule set',
      })
      setSets(await api.sets())
      open(id)
    },
    [api],
  )

  return { sets, setId, open, update, create }
}
