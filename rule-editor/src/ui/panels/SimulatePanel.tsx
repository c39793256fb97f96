import { useEffect, useState } from 'react'
import {
  type Api,
  type CanonicalOrderInput,
  canonicalFromStored,
  type OrderSummary,
  type Product,
  type Quote,
  type SimulateBody,
  type Simulation,
} from '../../api/client'
import type { Catalogue } from '../../model/catalogue'
import { localDate } from '../../model/dates'
import { type RuleNames, ruleLabel, withRuleLabels } from '../../model/names'
import { blankSample, type SampleOrder, sampleFromOrder, sampleToCanonical } from '../../model/sample-order'
import { SampleOrderForm } from './SampleOrderForm'

/**
 * Runs one order against the working version without changing anything: a recent real order (with
 * the stock it holds given back, as the impact preview does), a sample order filled in here, or a
 * recent order loaded into the sample form and edited.
 */
export function SimulatePanel(props: {
  api: Api
  catalogue: Catalogue
  requestedOrder: string | null
  onRun: (body: SimulateBody) => Promise<Simulation>
  result: Simulation | null
  /** Rules and strategies by the names the analyst gave them. */
  labels: RuleNames
  onGoToRule: (rule: string) => void
  onClear: () => void
}) {
  const { api, catalogue } = props
  const [orders, setOrders] = useState<OrderSummary[]>([])
  const [products, setProducts] = useState<Product[]>([])
  const [source, setSource] = useState<'sample' | string>('sample')
  const [sample, setSample] = useState<SampleOrder>(() => blankSample(catalogue.values.channels[0] ?? '', ''))
  const [priced, setPriced] = useState<Quote | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void api
      .orders(25)
      .then(setOrders)
      .catch(() => setOrders([]))
    void api.products().then((p) => {
      setProducts(p)
      setSample((s) => (s.lines[0]?.sku ? s : { ...s, lines: [{ sku: p[0]?.sku ?? '', quantity: 1 }] }))
    })
  }, [api])
  useEffect(() => {
    if (!sample.channel && catalogue.values.channels[0])
      setSample((s) => ({ ...s, channel: catalogue.values.channels[0]! }))
  }, [catalogue, sample.channel])

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

  /** The chosen recent order, loaded into the form to be edited. */
  const editStored = async (orderId: string) => {
    setError(null)
    try {
      setSample(sampleFromOrder(await api.order(orderId)))
      setSource('sample')
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const run = async (orderId?: string) => {
    setRunning(true)
    setError(null)
    try {
      const pick = orderId ?? (source === 'sample' ? null : source)
      if (pick) await runStored(pick)
      else {
        const prices = new Map(
          (priced?.lines ?? []).flatMap((l) => (l.unitPrice ? [[l.sku, l.unitPrice] as const] : [])),
        )
        const order = sampleToCanonical(sample, prices, Date.now()) as CanonicalOrderInput
        await props.onRun({ channel: sample.channel || (catalogue.values.channels[0] ?? 'web'), order })
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
      {source !== 'sample' && (
        <button
          type="button"
          className="link"
          data-testid="sim-edit-order"
          onClick={() => void editStored(source)}
        >
          Edit this order in the form
        </button>
      )}
      {source === 'sample' && (
        <SampleOrderForm
          api={api}
          catalogue={catalogue}
          products={products}
          sample={sample}
          onChange={setSample}
          onPriced={setPriced}
        />
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
            {withRuleLabels(r.plan.summary, props.labels.rules)}
          </p>
          {r.plan.hold && <p className="warning">Held: {r.plan.hold.reason}</p>}
          <h4>Ships from</h4>
          <ul data-testid="sim-chosen">
            {[...new Set(r.plan.assignments.map((a) => a.locationId))].map((loc) => (
              <li key={loc} data-location={loc}>
                <b>{names.get(loc) ?? loc}</b>:{' '}
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
            Strategy <b>{props.labels.strategies.get(r.plan.strategy) ?? r.plan.strategy}</b>
            {r.plan.promiseDate ? ` · promised for ${localDate(r.plan.promiseDate)}` : ''}
          </p>
          {r.plan.details?.split && (
            <p className="small" data-testid="sim-split">
              Split policy:{' '}
              {r.plan.details.split.policy === 'never'
                ? 'never split'
                : `up to ${r.plan.details.split.maxShipments} shipments`}
              {r.plan.details.split.source === 'rule'
                ? `, set by ${(r.plan.details.split.rules ?? []).map((x) => `‘${ruleLabel(props.labels.rules, x)}’`).join(', ')}${
                    r.plan.details.split.overrides ? ", over the strategy's own" : ''
                  }`
                : r.plan.details.split.source === 'strategy'
                  ? ", the strategy's own"
                  : ' (the default)'}
            </p>
          )}
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
                        title={`by ${ruleLabel(props.labels.rules, c.excluded.rule)}`}
                        onClick={() => props.onGoToRule(c.excluded!.rule)}
                      >
                        {withRuleLabels(c.excluded.reason, props.labels.rules)}
                      </button>
                    )}
                    {c.partialExclusions?.map((x) => (
                      <div key={x.rule} className="small">
                        <button
                          type="button"
                          className="link"
                          title={`by ${ruleLabel(props.labels.rules, x.rule)}`}
                          onClick={() => props.onGoToRule(x.rule)}
                        >
                          {withRuleLabels(x.reason, props.labels.rules)}
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
