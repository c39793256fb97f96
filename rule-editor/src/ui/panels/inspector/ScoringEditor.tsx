import { criteriaLabels } from '../../../model/actions'
import type { Catalogue } from '../../../model/catalogue'
import type { GraphNode, NodeOf } from '../../../model/graph-types'

/** Criterion weights with sliders; an unticked criterion keeps the service level's default. */
export function ScoringEditor(props: {
  node: NodeOf<'scoring'>
  catalogue: Catalogue
  update: (fn: (n: GraphNode) => GraphNode, field: string) => void
}) {
  const criteria = props.node.data.criteria
  const all = props.catalogue.criteria.length ? props.catalogue.criteria : Object.keys(criteriaLabels)
  const set = (next: Record<string, number>, field: string) =>
    props.update((n) => ({ ...(n as NodeOf<'scoring'>), data: { criteria: next } }), field)
  return (
    <div>
      <p className="small muted">
        How much each criterion counts when the strategy ranks locations (0 = ignore). Unticked criteria use
        the service level’s default.
      </p>
      {all.map((k) => {
        const on = Object.hasOwn(criteria, k)
        return (
          <div key={k} className="slider-row">
            <label className="inline">
              <input
                type="checkbox"
                checked={on}
                onChange={(e) => {
                  const next = { ...criteria }
                  if (e.target.checked) next[k] = 1
                  else delete next[k]
                  set(next, `on:${k}`)
                }}
              />
              {criteriaLabels[k] ?? k}
            </label>
            <input
              type="range"
              data-testid={`insp-weight-${k}`}
              min={0}
              max={50}
              step={0.5}
              disabled={!on}
              value={criteria[k] ?? 0}
              onChange={(e) => set({ ...criteria, [k]: Number(e.target.value) }, `w:${k}`)}
            />
            <span className="num">{on ? criteria[k] : '—'}</span>
          </div>
        )
      })}
    </div>
  )
}
