import { useEffect, useState } from 'react'
import type { Api, LocationDetail } from '../../api/client'
import { nodeTitle } from '../../model/graph-checks'
import type { GraphDoc } from '../../model/graph-types'
import { nodesMentioning } from '../../model/location-mentions'

const dayNames: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
}

/**
 * The locations the rules choose between, beside the canvas: type, tags, daily capacity, cut-off
 * and ship days as the hub has them, and the nodes that name each (by id, type or tag), each
 * leading to its node.
 */
export function LocationsPanel(props: { api: Api; doc: GraphDoc | null; onGo: (nodeId: string) => void }) {
  const [locations, setLocations] = useState<LocationDetail[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    props.api
      .locations()
      .then(setLocations)
      .catch((e: Error) => setError(e.message))
  }, [props.api])
  if (error) return <p className="error">{error}</p>
  if (!locations) return <p className="muted">Loading locations…</p>
  if (locations.length === 0) return <p className="muted">No locations yet.</p>
  return (
    <ul className="locations" data-testid="locations">
      {locations.map((l) => {
        const nodes = props.doc
          ? nodesMentioning(props.doc, { id: l.id, type: l.type, tags: l.tags ?? [] })
          : []
        return (
          <li key={l.id} data-location={l.id} className={l.active === false ? 'inactive' : ''}>
            <div>
              <b>{l.name}</b> <span className="pill">{l.type}</span>
              {l.active === false && <span className="pill">inactive</span>}
            </div>
            <div className="small">
              {[l.city, l.country].filter(Boolean).join(', ')}
              {l.tags?.length ? ` · tagged ${l.tags.join(', ')}` : ''}
            </div>
            <div className="small">
              Capacity {l.dailyCapacity ?? 'unlimited'}/day · cut-off {l.cutoffTime ?? '—'} ({l.timezone}) ·
              ships {(l.shipDays ?? []).map((d) => dayNames[d] ?? d).join(' ') || 'never'}
            </div>
            <div className="small" data-testid="location-rules">
              {nodes.length === 0 ? (
                <span className="muted">No rule names it</span>
              ) : (
                <>
                  Named by{' '}
                  {nodes.map((id, i) => {
                    const n = props.doc!.nodes.find((x) => x.id === id)!
                    return (
                      <span key={id}>
                        {i > 0 ? ', ' : ''}
                        <button type="button" className="link" onClick={() => props.onGo(id)}>
                          {nodeTitle(n)}
                        </button>
                      </span>
                    )
                  })}
                </>
              )}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
