import type { RuleSetSummary } from '../../api/client'
import { setsByKind } from '../../state/rule-set-list'

/** The rule sets by kind, each with what is live and the latest version. */
export function SetPicker(props: {
  sets: RuleSetSummary[]
  setId: string | null
  onOpen: (setId: string) => void
}) {
  return (
    <select
      data-testid="set-picker"
      aria-label="Rule set"
      value={props.setId ?? ''}
      onChange={(e) => props.onOpen(e.target.value)}
    >
      {props.sets.length === 0 && <option value="">(no rule sets)</option>}
      {setsByKind(props.sets).map(([kind, list]) => (
        <optgroup key={kind} label={kind}>
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} — {s.liveVersion ? `live v${s.liveVersion}` : 'not live'}, latest v
              {s.latestVersion ?? 0}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  )
}
