import { actionsFor } from '../../model/actions'
import type { PaletteItem } from '../../model/edit-ops'
import type { RuleSetKind } from '../../model/graph-types'
import { PALETTE_MIME } from '../canvas/Canvas'

interface Entry {
  id: string
  label: string
  help: string
  item: PaletteItem
}

/** Drag an entry onto the canvas (or press Enter on it) to add a node. */
export function Palette(props: { kind: RuleSetKind; disabled: boolean; onAdd: (item: PaletteItem) => void }) {
  const logic: Entry[] = [
    { id: 'condition', label: 'Condition', help: 'Test one fact: yes / no', item: { type: 'condition' } },
    {
      id: 'group-all',
      label: 'All of…',
      help: 'Several tests that must all hold',
      item: { type: 'group', combinator: 'all' },
    },
    {
      id: 'group-any',
      label: 'Any of…',
      help: 'Several tests, one is enough',
      item: { type: 'group', combinator: 'any' },
    },
  ]
  const sourcing: Entry[] =
    props.kind === 'sourcing'
      ? [
          {
            id: 'strategy',
            label: 'Strategy',
            help: 'How to pick locations for the order',
            item: { type: 'strategy' },
          },
          {
            id: 'scoring',
            label: 'Scoring criteria',
            help: 'Weights a strategy ranks locations by',
            item: { type: 'scoring' },
          },
        ]
      : []
  const actions: Entry[] = actionsFor(props.kind).map((a) => ({
    id: `action-${a.type}`,
    label: a.label,
    help: a.help,
    item: { type: 'action', action: a.type },
  }))
  const section = (title: string, entries: Entry[]) => (
    <section>
      <h3>{title}</h3>
      {entries.map((e) => (
        <button
          type="button"
          key={e.id}
          className="palette-item"
          data-testid={`palette-${e.id}`}
          draggable={!props.disabled}
          disabled={props.disabled}
          title={e.help}
          onDragStart={(ev) => {
            ev.dataTransfer.setData(PALETTE_MIME, JSON.stringify(e.item))
            ev.dataTransfer.effectAllowed = 'move'
          }}
          onClick={() => props.onAdd(e.item)}
        >
          <span>{e.label}</span>
          <small>{e.help}</small>
        </button>
      ))}
    </section>
  )
  return (
    <aside className="palette" data-testid="palette">
      {props.disabled && <p className="muted small">Read only</p>}
      {section('Logic', logic)}
      {sourcing.length > 0 && section('Strategy', sourcing)}
      {section(props.kind === 'pricing' ? 'Pricing actions' : 'Actions', actions)}
      <p className="muted small">Drag onto the canvas, or click to add in the middle.</p>
    </aside>
  )
}
