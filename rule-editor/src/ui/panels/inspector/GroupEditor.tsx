import type { Catalogue } from '../../../model/catalogue'
import { type Condition, isAll, isAny, isNot, type LeafCondition } from '../../../model/core-rules'
import { describeCondition } from '../../../model/describe'
import type { GraphNode, Leaf, NodeOf } from '../../../model/graph-types'
import { LeafEditor } from './LeafEditor'

/** An all/any/none-of group: its rows are conditions; nested groups show as text. */
export function GroupEditor(props: {
  node: NodeOf<'group'>
  catalogue: Catalogue
  update: (fn: (n: GraphNode) => GraphNode, field: string) => void
}) {
  const tree = props.node.data.tree
  const negated = isNot(tree) && (isAll(tree.not) || isAny(tree.not))
  const inner: Condition = negated ? (tree as { not: Condition }).not : tree
  const comb = isAll(inner) ? 'all' : isAny(inner) ? 'any' : null
  if (!comb)
    return (
      <p className="small">This group holds: {describeCondition(tree)}. Edit it as JSON through import.</p>
    )
  const items = isAll(inner) ? inner.all : (inner as { any: Condition[] }).any
  const mode = negated ? (comb === 'any' ? 'none' : 'notall') : comb
  const rebuild = (m: string, list: Condition[]) => {
    const core = m === 'all' || m === 'notall' ? { all: list } : { any: list }
    return m === 'none' || m === 'notall' ? { not: core } : core
  }
  const set = (m: string, list: Condition[], field: string) =>
    props.update(
      (n) => ({
        ...(n as NodeOf<'group'>),
        data: { tree: rebuild(m, list) as NodeOf<'group'>['data']['tree'] },
      }),
      field,
    )
  return (
    <div>
      <label>
        Holds when
        <select
          data-testid="insp-combinator"
          value={mode}
          onChange={(e) => set(e.target.value, items, 'combinator')}
        >
          <option value="all">all of these hold</option>
          <option value="any">any of these holds</option>
          <option value="none">none of these holds</option>
          <option value="notall">not all of these hold</option>
        </select>
      </label>
      {items.map((c, i) => {
        const isLeaf = !isAll(c) && !isAny(c) && !isNot(c)
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
          <div key={i} className="group-row">
            {isLeaf ? (
              <LeafEditor
                leaf={c as Leaf}
                catalogue={props.catalogue}
                prefix={`insp-row${i}`}
                onChange={(leaf, field) =>
                  set(
                    mode,
                    items.map((x, j) => (j === i ? ({ ...(x as LeafCondition), ...leaf } as Condition) : x)),
                    `row${i}:${field}`,
                  )
                }
              />
            ) : (
              <div className="small">{describeCondition(c)}</div>
            )}
            <button
              type="button"
              className="link"
              onClick={() =>
                set(
                  mode,
                  items.filter((_, j) => j !== i),
                  `remove${i}`,
                )
              }
            >
              Remove
            </button>
          </div>
        )
      })}
      <button
        type="button"
        data-testid="insp-add-row"
        onClick={() =>
          set(mode, [...items, { fact: 'order.country', operator: 'equal', value: 'NZ' }], 'add')
        }
      >
        Add condition
      </button>
    </div>
  )
}
