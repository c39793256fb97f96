import { type Dispatch, useCallback, useEffect, useMemo } from 'react'
import type { Api, QuoteBody, SimulateBody } from '../api/client'
import type { Catalogue } from '../model/catalogue'
import { quoteNotes, quoteTrace, simulationNotes, simulationOverlay } from '../model/sim-overlay'
import type { RuleSetState } from './use-rule-set'
import type { SimRun, ViewAction } from './workspace-view'

/**
 * Trying the working version: a routing simulation or a quote, laid over the canvas while the
 * compiled rules stay the ones it ran against, and the impact on real orders. Each saves first,
 * since the hub runs the saved version.
 */
export function useSimulation(
  api: Api,
  rs: RuleSetState,
  setId: string | null,
  catalogue: Catalogue,
  sim: SimRun | null,
  dispatch: Dispatch<ViewAction>,
) {
  const { doc, compiled } = rs
  const rulesJson = useMemo(() => JSON.stringify(compiled?.rules ?? []), [compiled])
  // Also on a new result: rules changed while it ran make it stale on arrival.
  useEffect(() => {
    if (sim) dispatch({ type: 'rulesChanged', rulesJson })
  }, [rulesJson, sim, dispatch])

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
    if (!sim || !compiled || !doc) return new Map<string, string[]>()
    if (sim.kind === 'quote') return quoteNotes(compiled, sim.result)
    return simulationNotes(
      doc,
      compiled,
      sim.result.plan,
      new Map(catalogue.values.locations.map((l) => [l.id, l.name])),
    )
  }, [sim, compiled, catalogue, doc])

  /** The version the hub runs: the working copy, saved. */
  const savedVersion = useCallback(async () => {
    await rs.flush()
    if (!setId || rs.workingVersion === null) throw new Error('save the rule set first')
    return { setId, version: rs.workingVersion }
  }, [rs, setId])

  const simulate = useCallback(
    async (body: SimulateBody) => {
      const v = await savedVersion()
      const result = await api.simulate(v.setId, v.version, body)
      dispatch({ type: 'simulated', sim: { kind: 'route', result, rulesJson, compiled } })
      return result
    },
    [api, savedVersion, rulesJson, compiled, dispatch],
  )

  /** Pricing: a quote against the working version (a draft is priced as if it were live). */
  const quoteDraft = useCallback(
    async (body: QuoteBody) => {
      const v = await savedVersion()
      return api.quote({ ...body, ruleSet: { id: v.setId, version: v.version } })
    },
    [api, savedVersion],
  )
  const quote = useCallback(
    async (body: QuoteBody) => {
      const result = await quoteDraft(body)
      dispatch({ type: 'simulated', sim: { kind: 'quote', result, rulesJson, compiled } })
      return result
    },
    [quoteDraft, rulesJson, compiled, dispatch],
  )

  const backtest = useCallback(
    async (limit: number, against?: number) => {
      const v = await savedVersion()
      return api.backtest(v.setId, v.version, limit, against)
    },
    [api, savedVersion],
  )

  return { overlay, notes, simulate, quote, quoteDraft, backtest }
}
