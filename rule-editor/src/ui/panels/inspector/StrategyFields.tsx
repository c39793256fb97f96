import type { Catalogue } from '../../../model/catalogue'
import type { JsonValue } from '../../../model/core-rules'
import type { SplitOverride } from '../../../model/split-overrides'
import { MultiPick } from './MultiPick'
import { withFilter } from './params'
import { SplitFields } from './SplitFields'

/** A strategy: its name and order, where it may ship from, how it splits, and what it does with lines it cannot fill. */
export function StrategyFields(props: {
  overrides: SplitOverride[]
  params: Record<string, JsonValue>
  setParams: (next: Record<string, JsonValue>, field: string) => void
  setParam: (k: string, v: JsonValue | undefined) => void
  cat: Catalogue
  locations: [string, string][]
  tags: [string, string][]
  types: [string, string][]
}) {
  const { params, setParams, setParam } = props
  const filters = (params.filters as Record<string, JsonValue> | undefined) ?? {}
  const setFilter = (k: string, v: JsonValue | undefined) =>
    setParams(withFilter(params, k, v), `filter:${k}`)
  const split = (params.split as Record<string, JsonValue> | undefined) ?? { policy: 'allowed' }
  const unfillable = params.unfillable as { action?: string; days?: number } | undefined
  return (
    <>
      <label>
        Name
        <input
          data-testid="insp-label"
          value={String(params.label ?? '')}
          onChange={(e) => setParam('label', e.target.value)}
        />
      </label>
      <label>
        Strategy id
        <input
          data-testid="insp-id"
          value={String(params.id ?? '')}
          onChange={(e) => setParam('id', e.target.value)}
        />
      </label>
      <label>
        Order (lower is tried first)
        <input
          type="number"
          min={0}
          value={typeof params.sequence === 'number' ? params.sequence : ''}
          onChange={(e) => setParam('sequence', e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          data-testid="insp-fallback"
          checked={params.fallback === true}
          onChange={(e) => setParam('fallback', e.target.checked ? true : undefined)}
        />
        Fallback: may fill part of the order when no strategy fills it whole
      </label>
      <h4>Only from</h4>
      <label>
        Countries
        <select
          data-testid="insp-countries"
          value={
            filters.countries === 'destination'
              ? 'destination'
              : Array.isArray(filters.countries)
                ? 'list'
                : 'any'
          }
          onChange={(e) =>
            setFilter(
              'countries',
              e.target.value === 'destination'
                ? 'destination'
                : e.target.value === 'list'
                  ? [props.cat.values.countries[0] ?? 'NZ']
                  : undefined,
            )
          }
        >
          <option value="any">any country</option>
          <option value="destination">the destination country</option>
          <option value="list">these countries…</option>
        </select>
      </label>
      {Array.isArray(filters.countries) && (
        <MultiPick
          label="Countries"
          testId="insp-country-list"
          options={props.cat.values.countries.map((c) => [c, c])}
          value={filters.countries as string[]}
          onChange={(v) => setFilter('countries', v)}
        />
      )}
      <MultiPick
        label="Tagged"
        testId="insp-filter-tags"
        options={props.tags}
        value={(filters.tags as string[]) ?? []}
        onChange={(v) => setFilter('tags', v)}
      />
      <MultiPick
        label="Types"
        testId="insp-filter-types"
        options={props.types}
        value={(filters.types as string[]) ?? []}
        onChange={(v) => setFilter('types', v)}
      />
      <label>
        Within km
        <input
          type="number"
          min={0}
          value={typeof filters.maxDistanceKm === 'number' ? filters.maxDistanceKm : ''}
          onChange={(e) =>
            setFilter('maxDistanceKm', e.target.value === '' ? undefined : Number(e.target.value))
          }
        />
      </label>
      <h4>Splitting</h4>
      <SplitFields value={split} onChange={(v) => setParams({ ...params, split: v }, 'split')} />
      {props.overrides.length > 0 && (
        <p className="small warning" data-testid="insp-split-overridden">
          When its rule fires, a split policy rule overrides these settings:{' '}
          {props.overrides.map((o) => `‘${o.rule}’ (${o.text.toLowerCase()})`).join(', ')}. Of several that
          fire, the strictest wins; settings a rule leaves out keep this strategy’s.
        </p>
      )}
      <label>
        Lines it cannot fill
        <select
          data-testid="insp-strategy-unfillable"
          value={unfillable?.action ?? 'none'}
          onChange={(e) =>
            setParam(
              'unfillable',
              e.target.value === 'none'
                ? undefined
                : e.target.value === 'backorder'
                  ? { action: 'backorder' }
                  : { action: 'cancelAfter', days: 7 },
            )
          }
        >
          <option value="none">try the next strategy</option>
          <option value="backorder">backorder</option>
          <option value="cancelAfter">cancel after 7 days</option>
        </select>
      </label>
      <p className="small muted">Weights: connect a scoring node to the strategy’s “weights” input.</p>
    </>
  )
}
