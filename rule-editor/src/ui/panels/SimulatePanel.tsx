import { useEffect, useState } from 'react'
import {
  type Api,
  type CanonicalOrderInput,
  canonicalFromStored,
  type OrderSummary,
  type Product,
  type SimulateBody,
  type Simulation,
} from '../../api/client'
import type { Catalogue } from '../../model/catalogue'
import { type SampleLine as Line, SampleLines } from './SampleLines'

type ServiceLevel = NonNullable<CanonicalOrderInput['serviceLevel']>

/**
 * Runs one order against the working version without changing anything: a recent real order (with
 * the stock it holds given back, as the impact preview does) or a sample order filled in here.
 */
export function SimulatePanel(props: {
  api: Api
  catalogue: Catalogue
  requestedOrder: string | null
  onRun: (body: SimulateBody) => Promise<Simulation>
  result: Simulation | null
  onGoToRule: (rule: string) => void
  onClear: () => void
}) {
  const { api, catalogue } = props
  const [orders, setOrders] = useState<OrderSummary[]>([])
  const [products, setProducts] = useState<Product[]>([])
  const [source, setSource] = useState<'sample' | string>('sample')
  const [country, setCountry] = useState('NZ')
  const [city, setCity] = useState('Wellington')
  const [region, setRegion] = useState('Wellington')
  const [postcode, setPostcode] = useState('6011')
  const [serviceLevel, setServiceLevel] = useState<ServiceLevel>('standard')
  const [lines, setLines] = useState<Line[]>([{ sku: '', quantity: 1 }])
  const [tags, setTags] = useState('')
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void api
      .orders(25)
      .then(setOrders)
      .catch(() => setOrders([]))
    void api.products().then((p) => {
      setProducts(p)
      setLines((ls) => (ls[0]?.sku ? ls : [{ sku: p[0]?.sku ?? '', quantity: 1 }]))
    })
  }, [api])

  const runStored = async (orderId: string) => {
    const order = await api.order(orderId)
    // The order's own allocations go back into stock, so it is routed as when it arrived.
    const own = order.allocations.filter((a) => a.status === 'allocated' || a.status === 'released')
    const stock: SimulateBody['stock'] = []
    for (const sku of [...new Set(own.map((a) => a.sku))]) {
      const levels = await api.inventory(sku).catch(() => [])
      for (const a of own.filter((x) => x.sku === sku)) {
        const level = levels.find((l) => l.locationId === a.locationId)
        const already = stock.find((s) => s.sku === sku && s.locationId === a.locationId)
        if (already) already.available += a.quantity
        else stock.push({ sku, locationId: a.locationId, available: (level?.available ?? 0) + a.quantity })
      }
    }
    return props.onRun({ channel: order.channelInstanceId, order: canonicalFromStored(order), stock })
  }

  const run = async (orderId?: string) => {
    setRunning(true)
    setError(null)
    try {
      const pick = orderId ?? (source === 'sample' ? null : source)
      if (pick) await runStored(pick)
      else {
        const order: CanonicalOrderInput = {
          externalId: `SIM-${Date.now()}`,
          currency: country === 'AU' ? 'AUD' : 'NZD',
          serviceLevel,
          shipTo: { name: 'Sample customer', line1: '1 Sample Street', city, region, postcode, country },
          lines: lines
            .filter((l) => l.sku)
            .map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: '49.00' })),
          ...(tags.trim()
            ? {
                tags: tags
                  .split(',')
                  .map((t) => t.trim())
                  .filter(Boolean),
              }
            : {}),
        }
        await props.onRun({ channel: catalogue.values.channels[0] ?? 'web', order })
      }
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setRunning(false)
    }
  }

  // Opened from the impact preview: simulate that order straight away.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per requested order
  useEffect(() => {
    if (props.requestedOrder) {
      setSource(props.requestedOrder)
      void run(props.requestedOrder)
    }
  }, [props.requestedOrder])

  const r = props.result
  const names = new Map(catalogue.values.locations.map((l) => [l.id, l.name]))
  return (
    <div className="simulate">
      <label>
        Order
        <select data-testid="sim-source" value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="sample">A sample order (fill in below)</option>
          {props.requestedOrder && !orders.some((o) => o.id === props.requestedOrder) && (
            <option value={props.requestedOrder}>order {props.requestedOrder.slice(0, 8)}…</option>
          )}
          {orders.map((o) => (
            <option key={o.id} value={o.id}>
              {o.externalOrderId} · {o.shipTo.city ?? o.shipTo.country} · {o.serviceLevel} · {o.currency}{' '}
              {o.total}
            </option>
          ))}
        </select>
      </label>
      {orders.length === 0 && (
        <p className="small muted">
          No orders in the hub yet. The demo seeds some on first start; <code>pnpm demo:order 10</code> posts
          more.
        </p>
      )}
      {source === 'sample' && (
        <div className="sample" data-testid="sample-order">
          <div className="grid2">
            <label>
              Country
              <select data-testid="sim-country" value={country} onChange={(e) => setCountry(e.target.value)}>
                {(catalogue.values.countries.length ? catalogue.values.countries : ['NZ', 'AU']).map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <label>
              Service level
              <select
                data-testid="sim-service"
                value={serviceLevel}
                // The options are the hub's service levels, the canonical order's.
                onChange={(e) => setServiceLevel(e.target.value as ServiceLevel)}
              >
                {catalogue.values.serviceLevels.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label>
              City
              <input data-testid="sim-city" value={city} onChange={(e) => setCity(e.target.value)} />
            </label>
            <label>
              Region
              <input value={region} onChange={(e) => setRegion(e.target.value)} />
            </label>
            <label>
              Postcode
              <input
                data-testid="sim-postcode"
                value={postcode}
                onChange={(e) => setPostcode(e.target.value)}
              />
            </label>
            <label>
              Tags
              <input value={tags} placeholder="vip, gift" onChange={(e) => setTags(e.target.value)} />
            </label>
          </div>
          <SampleLines lines={lines} products={products} onChange={setLines} />
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="sim-run"
          disabled={running}
          onClick={() => void run()}
        >
          {running ? 'Running…' : 'Simulate'}
        </button>
        {r && (
          <button type="button" onClick={props.onClear}>
            Clear highlighting
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      {r && (
        <div className="decision" data-testid="sim-result">
          <p data-testid="sim-summary" className="summary">
            {r.plan.summary}
          </p>
          {r.plan.hold && <p className="warning">Held: {r.plan.hold.reason}</p>}
          <h4>Ships from</h4>
          <ul data-testid="sim-chosen">
            {[...new Set(r.plan.assignments.map((a) => a.locationId))].map((loc) => (
              <li key={loc} data-location={loc}>
                <b>{names.get(loc) ?? loc}</b> ({loc}):{' '}
                {r.plan.assignments
                  .filter((a) => a.locationId === loc)
                  .map((a) => `${a.quantity} × ${a.sku}`)
                  .join(', ')}
              </li>
            ))}
            {r.plan.assignments.length === 0 && <li>nowhere</li>}
          </ul>
          {r.plan.unfilled.length > 0 && (
            <p>Backordered: {r.plan.unfilled.map((u) => `${u.quantity} × ${u.sku}`).join(', ')}</p>
          )}
          <p className="small">
            Strategy <b>{r.plan.strategy}</b>
            {r.plan.promiseDate ? ` · promised for ${r.plan.promiseDate}` : ''}
          </p>
          <h4>Every location</h4>
          <table className="candidates">
            <tbody>
              {r.plan.candidates.map((c) => (
                <tr key={c.locationId} className={c.chosen ? 'chosen' : c.excluded ? 'excluded' : ''}>
                  <td>{c.name ?? c.locationId}</td>
                  <td>
                    {c.chosen
                      ? 'chosen'
                      : c.excluded
                        ? 'excluded: '
                        : c.canShip.length
                          ? 'not chosen'
                          : 'no stock'}
                    {c.excluded && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => props.onGoToRule(c.excluded!.rule)}
                      >
                        {c.excluded.reason}
                      </button>
                    )}
                    {c.partialExclusions?.map((x) => (
                      <div key={x.rule} className="small">
                        <button type="button" className="link" onClick={() => props.onGoToRule(x.rule)}>
                          {x.reason}
                        </button>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">
            On the canvas: green conditions held, red did not, grey were not reached; the path the order took
            is animated.
          </p>
        </div>
      )}
    </div>
  )
}
