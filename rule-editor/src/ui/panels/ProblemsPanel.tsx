import type { Problem } from '../../state/problems'

/** Everything that blocks publishing (errors) or deserves a look (warnings); each leads to its node. */
export function ProblemsPanel(props: { problems: Problem[]; onGo: (nodeId: string) => void }) {
  if (props.problems.length === 0)
    return (
      <p className="ok" data-testid="no-problems">
        No problems: the rules can be published.
      </p>
    )
  return (
    <ul className="problems" data-testid="problems">
      {props.problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems are recomputed wholesale
        <li key={i} className={p.severity}>
          <button
            type="button"
            className="link"
            data-testid="problem"
            data-node={p.nodeId ?? ''}
            disabled={!p.nodeId}
            onClick={() => p.nodeId && props.onGo(p.nodeId)}
          >
            <b>{p.severity === 'error' ? 'Error' : 'Warning'}</b> {p.message}
          </button>
        </li>
      ))}
    </ul>
  )
}
