import type { Catalogue } from '../../../model/catalogue'
import { type Condition, isAll, isAny, isNot, type LeafCondition } from '../../../model/core-rules'
import { describeCondition } from '../../../model/describe'
import type { GraphNode, Leaf, NodeOf, TopLevelCondition } from '../../../model/graph-types'
import { LeafEditor } from './LeafEditor'

type Mode = 'all' | 'any' | 'none' | 'notall'

/** all/any, possibly under a `not` without a name of its own: the shapes a group row edits. */
function groupShape(c: Condition): { mode: Mode; items: Condition[]; keep: Record<string, unknown> } | null {
  if (isNot(c) && Object.keys(c).length === 1 && (isAll(c.not) || isAny(c.not))) {
    const inner = groupShape(c.not)
    return inner && { ...inner, mode: inner.mode === 'all' ? 'notall' : 'none' }
  }
  if (isAll(c) || isAny(c)) {
    const { all: _a, any: _b, ...keep } = c as { all?: unknown; any?: unknown }
    return { mode: isAll(c) ? 'all' : 'any', items: isAll(c) ? c.all : (c as { any: Condition[] }).any, keep }
  }
  return null
}

function rebuild(mode: Mode, items: Condition[], keep: Record<string, unknown>): Condition {
  const core = {
    ...keep,
    ...(mode === 'all' || mode === 'notall' ? { all: items } : { any: items }),
  } as Condition
  return mode === 'none' || mode === 'notall' ? { not: core } : core
}

const isLeaf = (c: Condition) => !isAll(c) && !isAny(c) && !isNot(c)

/**
 * One level of a condition group, and the groups nested in it: each row is a condition or a group
 * of its own. Names and priorities an imported tree carries are kept as they are.
 */
function ConditionGroup(props: {
  tree: Condition
  catalogue: Catalogue
  path: string
  depth: number
  onChange: (tree: Condition, field: string) => void
  onRemove?: () => void
}) {
  const shape = groupShape(props.tree)
  if (!shape) return <div className="small">{describeCondition(props.tree)} (edit through JSON import)</div>
  const { mode, items, keep } = shape
  const set = (m: Mode, list: Condition[], field: string) =>
    props.onChange(rebuild(m, list, keep), `${props.path}:${field}`)
  return (
    <div className={props.depth ? 'group-nested' : ''} data-testid={`insp-group${props.path}`}>
      <div className="row">
        <select
          data-testid={`insp-combinator${props.path}`}
          value={mode}
          onChange={(e) => set(e.target.value as Mode, items, 'combinator')}
        >
          <option value="all">all of these hold</option>
          <option value="any">any of these holds</option>
          <option value="none">none of these holds</option>
          <option value="notall">not all of these hold</option>
        </select>
        {props.onRemove && (
          <button type="button" className="link" onClick={props.onRemove}>
            Remove group
          </button>
        )}
      </div>
      {items.map((c, i) => {
        const replace = (next: Condition, field: string) =>
          props.onChange(
            rebuild(
              mode,
              items.map((x, j) => (j === i ? next : x)),
              keep,
            ),
            field,
          )
        const remove = () =>
          set(
            mode,
            items.filter((_, j) => j !== i),
            `remove${i}`,
          )
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
          <div key={i} className="group-row">
            {isLeaf(c) ? (
              <>
                <LeafEditor
                  leaf={c as Leaf}
                  catalogue={props.catalogue}
                  prefix={`insp-row${props.path}-${i}`}
                  onChange={(leaf, field) =>
                    replace({ ...(c as LeafCondition), ...leaf } as Condition, `${props.path}-${i}:${field}`)
                  }
                />
                <button type="button" className="link" onClick={remove}>
                  Remove
                </button>
              </>
            ) : (
              <ConditionGroup
                tree={c}
                catalogue={props.catalogue}
                path={`${props.path}-${i}`}
                depth={props.depth + 1}
                onChange={replace}
                onRemove={remove}
              />
            )}
          </div>
        )
      })}
      <div className="row">
        <button
          type="button"
          data-testid={`insp-add-row${props.path}`}
          onClick={() =>
            set(mode, [...items, { fact: 'order.country', operator: 'equal', value: 'NZ' }], 'add')
          }
        >
          Add condition
        </button>
        {props.depth < 3 && (
          <button
            type="button"
            data-testid={`insp-add-group${props.path}`}
            onClick={() =>
              set(
                mode,
                [...items, { any: [{ fact: 'order.country', operator: 'equal', value: 'NZ' }] }],
                'addGroup',
              )
            }
          >
            Add group
          </button>
        )}
      </div>
    </div>
  )
}

/** A group node: a tree of all/any/none-of groups whose rows are conditions or groups. */
export function GroupEditor(props: {
  node: NodeOf<'group'>
  catalogue: Catalogue
  update: (fn: (n: GraphNode) => GraphNode, field: string) => void
}) {
  return (
    <div>
      <div className="small">Holds when</div>
      <ConditionGroup
        tree={props.node.data.tree}
        catalogue={props.catalogue}
        path=""
        depth={0}
        onChange={(tree, field) =>
          props.update(
            (n) => ({ ...(n as NodeOf<'group'>), data: { tree: tree as TopLevelCondition } }),
            field,
          )
        }
      />
    </div>
  )
}
