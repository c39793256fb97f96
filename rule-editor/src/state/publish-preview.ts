import type { Api, Backtest, RuleSetSummary } from '../api/client'
import { diffGraphs } from '../model/diff'
import type { GraphDoc } from '../model/graph-types'
import type { PublishPreview } from '../ui/panels/PublishDialog'
import { docFromVersion } from './use-rule-set'

/**
 * What the publish dialog shows before confirming: the working graph against the version it would
 * replace (the live one, else the latest published), and for sourcing the routing impact on recent
 * orders against that same version.
 */
export async function loadPublishPreview(input: {
  api: Api
  set: Pick<RuleSetSummary, 'id' | 'kind' | 'liveVersion'> & {
    versions: { version: number; status: string }[]
  }
  doc: GraphDoc
  draftVersion: number
  backtest: (limit: number, against?: number) => Promise<Backtest>
}): Promise<PublishPreview> {
  const { api, set, doc } = input
  const published = set.versions
    .filter((v) => v.status !== 'draft' && v.version !== input.draftVersion)
    .map((v) => v.version)
  const against = set.liveVersion ?? (published.length ? Math.max(...published) : null)
  const [before, impact] = await Promise.all([
    against === null ? null : api.version(set.id, against),
    set.kind === 'sourcing' ? input.backtest(100, against ?? undefined) : null,
  ])
  const diff = before ? diffGraphs(docFromVersion(before, set.kind), doc) : null
  return { against, diff, impact }
}
