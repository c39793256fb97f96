import { describeField, describeFieldValue } from '../../model/describe'
import type { GraphDiff } from '../../model/diff'
import { nodeTitle } from '../../model/graph-checks'

/** The changes between two versions in words, each leading to its node on the canvas. */
export function DiffList({ diff, onGo }: { diff: GraphDiff; onGo: (id: string) => void }) {
  const changed = diff.nodes.filter((n) => n.status !== 'unchanged')
  if (changed.length === 0) return <p>The two versions route the same way (only positions may differ).</p>
  return (
    <ul className="difflist" data-testid="diff-list">
      {changed.map((n) => (
        <li key={n.node.id} className={`diff-${n.status}`} data-node={n.node.id} data-status={n.status}>
          <button type="button" className="link" onClick={() => onGo(n.node.id)}>
            <b>{n.status}</b> {nodeTitle(n.node)}
          </button>
          {n.changes.map((c) => (
            <div key={c.field} className="small">
              {describeField(c.field)}: {describeFieldValue(c.field, c.before)} →{' '}
              {describeFieldValue(c.field, c.after)}
            </div>
          ))}
        </li>
      ))}
    </ul>
  )
}
