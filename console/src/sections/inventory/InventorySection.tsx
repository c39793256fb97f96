import { useCallback, useEffect, useState } from 'react'
import '../exceptions/ops.css'
import type { Pool, SkuAvailability, StockLevel } from '../../api/client'
import { hashOf } from '../../shell/route'
import type { SectionProps } from '../../shell/section'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { dateTime } from '../../ui/format'
import { LocationSelect } from '../../ui/LocationSelect'
import { useLookups } from '../../ui/lookups'
import { Problem } from '../../ui/Problem'
import { adjustmentEvent, describeAdjustment } from './adjust'
import { InboundPanel } from './InboundPanel'

interface Stock {
  levels: StockLevel[]
  pools: Pool[]
  /** What each channel may sell: its pools and caps applied (GET /availability?channel=). */
  channels: { id: string; availability: SkuAvailability | undefined }[]
}

/**
 * One sku's stock: per location what is on hand, allocated, reserved, kept back as safety stock and
 * free to promise; per channel what it may sell; and an adjustment with a reason. `#/inventory?sku=…`.
 */
export function InventorySection(props: SectionProps) {
  const { api, navigate, me } = props
  const sku = props.route.query.get('sku') ?? ''
  const lookups = useLookups(api)
  const mayAdjust = me.permissions.includes('inventory:write')
  const [text, setText] = useState(sku)
  const [stock, setStock] = useState<Stock | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [adjusting, setAdjusting] = useState<StockLevel | 'new' | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const channelIds = lookups.channels.map((c) => c.id).join(',')

  // biome-ignore lint/correctness/useExhaustiveDependencies: `channelIds` stands for lookups.channels
  const load = useCallback(async () => {
    if (!sku) return setStock(null)
    try {
      const [levels, pools, channels] = await Promise.all([
        api.inventory(sku),
        api.pools(sku),
        Promise.all(
          lookups.channels.map(async (c) => ({
            id: c.id,
            availability: (await api.availability(sku, c.id)).items.find((i) => i.sku === sku),
          })),
        ),
      ])
      setStock({ levels: levels.filter((l) => l.sku === sku), pools, channels })
      setError(null)
    } catch (e) {
      setStock(null)
      setError(e)
    }
  }, [api, sku, channelIds])
  useEffect(() => {
    setText(sku)
    void load()
  }, [load, sku])

  return (
    <div className="page inventory-page" data-testid="inventory-page">
      <header className="page-head">
        <h1>Inventory</h1>
      </header>
      <form
        className="filters"
        aria-label="Find a sku"
        onSubmit={(e) => {
          e.preventDefault()
          setNote(null)
          navigate(hashOf('inventory', [], new URLSearchParams(text.trim() ? { sku: text.trim() } : {})))
        }}
      >
        <label className="grow">
          Sku
          <input value={text} onChange={(e) => setText(e.target.value)} data-testid="inventory-sku" />
        </label>
        <button type="submit" className="primary" data-testid="inventory-search">
          Show stock
        </button>
      </form>
      <Problem error={error} testId="inventory-error" />
      {note && (
        <p className="ok" role="status" data-testid="inventory-note">
          {note}
        </p>
      )}
      {!sku && (
        <p className="muted">Type a sku to see its stock at every location and what each channel may sell.</p>
      )}
      {stock && (
        <>
          <section className="panel" aria-labelledby="inv-locations">
            <header className="page-head">
              <h2 id="inv-locations">{sku} by location</h2>
              {mayAdjust && (
                <button type="button" onClick={() => setAdjusting('new')} data-testid="adjust-new">
                  Adjust at another location…
                </button>
              )}
            </header>
            {stock.levels.length === 0 ? (
              <p className="muted" data-testid="inventory-empty">
                No location holds {sku}.
              </p>
            ) : (
              <table data-testid="inventory-levels">
                <thead>
                  <tr>
                    <th scope="col">Location</th>
                    <th scope="col" className="num">
                      On hand
                    </th>
                    <th scope="col" className="num">
                      Allocated
                    </th>
                    <th scope="col" className="num">
                      Reserved
                    </th>
                    <th scope="col" className="num">
                      Safety stock
                    </th>
                    <th scope="col" className="num">
                      Available to promise
                    </th>
                    <th scope="col">Updated</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stock.levels.map((l) => (
                    <tr key={l.locationId} data-testid={`level-${l.locationId}`}>
                      <th scope="row">{lookups.locationName(l.locationId)}</th>
                      <td className="num" data-testid="on-hand">
                        {l.onHand}
                      </td>
                      <td className="num">{l.allocated}</td>
                      <td className="num">{l.reserved}</td>
                      <td className="num">{l.safetyStock}</td>
                      <td className="num" data-testid="atp">
                        {l.available}
                      </td>
                      <td>
                        {dateTime(l.updatedAt)}
                        {l.feedStale && (
                          // A drop-ship supplier's (or any aging) feed too old to sell from: ATP reads 0.
                          <div className="warning small" data-testid="feed-stale">
                            Feed stale: last report {l.feedAsOf ? dateTime(l.feedAsOf) : 'never'}
                          </div>
                        )}
                      </td>
                      <td>
                        {mayAdjust && (
                          <button type="button" onClick={() => setAdjusting(l)} data-testid="adjust">
                            Adjust…
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel" aria-labelledby="inv-channels">
            <h2 id="inv-channels">What each channel may sell</h2>
            <table data-testid="inventory-channels">
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col" className="num">
                    May sell
                  </th>
                  <th scope="col">Pools and caps</th>
                </tr>
              </thead>
              <tbody>
                {stock.channels.map((c) => {
                  const pools = stock.pools.filter((p) => p.channelInstanceId === c.id)
                  return (
                    <tr key={c.id} data-testid={`channel-${c.id}`}>
                      <th scope="row">{c.id}</th>
                      <td className="num" data-testid="may-sell">
                        {c.availability?.channel?.total ?? c.availability?.total ?? 0}
                      </td>
                      <td>
                        {pools.length === 0
                          ? 'shared stock, no pool or cap'
                          : pools.map((p) => (
                              <div key={p.id}>
                                {p.locationId ? lookups.locationName(p.locationId) : 'every location'}:{' '}
                                {p.protectedQty > 0
                                  ? `${p.protectedQty} kept for it (${p.remaining} left)`
                                  : ''}
                                {p.mayBorrow ? ', may take shared stock' : ', its pool only'}
                                {p.capUnits !== null ? `, at most ${p.capUnits} units` : ''}
                                {p.capPercent !== null ? `, at most ${p.capPercent}%` : ''}
                              </div>
                            ))}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </section>
          <InboundPanel
            api={api}
            sku={sku}
            mayWrite={mayAdjust}
            locations={lookups.locations.map((l) => ({ id: l.id, name: l.name }))}
            locationName={lookups.locationName}
            onChanged={async (text) => {
              setNote(text)
              await load()
            }}
          />
        </>
      )}
      {adjusting && (
        <AdjustDialog
          {...props}
          sku={sku}
          level={adjusting === 'new' ? null : adjusting}
          locations={lookups.locations.map((l) => ({ id: l.id, name: l.name }))}
          onDone={async (text) => {
            setNote(text)
            await load()
          }}
          onClose={() => setAdjusting(null)}
        />
      )}
    </div>
  )
}

function AdjustDialog(
  props: SectionProps & {
    sku: string
    level: StockLevel | null
    locations: { id: string; name: string }[]
    onDone: (note: string) => Promise<void>
    onClose: () => void
  },
) {
  const [locationId, setLocationId] = useState(props.level?.locationId ?? '')
  const [delta, setDelta] = useState('')
  const [reason, setReason] = useState('')
  const n = Number(delta)
  const valid = locationId !== '' && Number.isInteger(n) && n !== 0 && reason.trim() !== ''
  const onHand = props.level?.onHand ?? 0
  const name = props.locations.find((l) => l.id === locationId)?.name ?? locationId
  return (
    <ConfirmDialog
      title={`Adjust ${props.sku}`}
      consequence={
        valid ? (
          <p>
            {describeAdjustment(onHand, n)} at {name}, and what it may promise with it. The change counts once
            even if sent twice; your reason goes with it into the audit trail.
          </p>
        ) : (
          <p>Say by how much on hand changes (+ for found or received, − for lost or damaged) and why.</p>
        )
      }
      confirmLabel="Adjust"
      ready={valid}
      testId="adjust-dialog"
      onConfirm={async () => {
        await props.api.adjust(adjustmentEvent({ sku: props.sku, locationId, delta: n, reason }))
        await props.onDone(`${props.sku} at ${name}: ${describeAdjustment(onHand, n).toLowerCase()}.`)
      }}
      onClose={props.onClose}
    >
      {props.level ? null : (
        <LocationSelect
          value={locationId}
          onChange={setLocationId}
          locations={props.locations}
          testId="adjust-location"
        />
      )}
      <label className="block">
        Change in on hand
        <input
          type="number"
          step={1}
          value={delta}
          onChange={(e) => setDelta(e.target.value)}
          placeholder="-3 or 12"
          data-testid="adjust-delta"
        />
      </label>
      <label className="block">
        Reason (required)
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          data-testid="adjust-reason"
        />
      </label>
    </ConfirmDialog>
  )
}
