import { useState } from 'react'
import type { ConsoleApi, ModifyBody, Order, OutboxMessageDetail, Return } from '../../api/client'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import type { Lookups } from '../../ui/lookups'
import { cancellable, inTransitToStore, returnable } from './actions'

export type DialogKind =
  | { kind: 'release' }
  | { kind: 'cancel' }
  | { kind: 'modify' }
  | { kind: 'return' }
  | { kind: 'collect' }
  | { kind: 'receive-at-store' }
  | { kind: 'receive'; ret: Return }
  | { kind: 'retry'; message: OutboxMessageDetail }

interface Props {
  api: ConsoleApi
  order: Order
  lookups: Lookups
  onDone: () => Promise<void>
  onClose: () => void
}

/** The order's actions: each confirms in words what will happen, then calls the public API. */
export function ActionDialog(props: Props & { dialog: DialogKind }) {
  const d = props.dialog
  switch (d.kind) {
    case 'release':
      return <ReleaseDialog {...props} />
    case 'cancel':
      return <CancelDialog {...props} />
    case 'modify':
      return <ModifyDialog {...props} />
    case 'return':
      return <ReturnDialog {...props} />
    case 'collect':
      return <CollectDialog {...props} />
    case 'receive-at-store':
      return <ReceiveAtStoreDialog {...props} />
    case 'receive':
      return <ReceiveDialog {...props} ret={d.ret} />
    case 'retry':
      return <RetryDialog {...props} message={d.message} />
  }
}

function ReleaseDialog({ api, order, onDone, onClose }: Props) {
  const [reason, setReason] = useState('')
  return (
    <ConfirmDialog
      testId="release-dialog"
      title="Release the hold"
      consequence={
        <p>
          The order is routed at once and allocated (or backordered) like any other; hold rules will not hold
          it again. It was held because: <i>{order.holdReason ?? 'no reason recorded'}</i>. Your reason is
          kept in its history.
        </p>
      }
      confirmLabel="Release and route"
      ready={reason.trim().length > 0}
      onConfirm={async () => {
        await api.releaseHold(order.id, reason.trim())
        await onDone()
      }}
      onClose={onClose}
    >
      <label>
        Reason (required)
        <textarea
          data-testid="release-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
        />
      </label>
    </ConfirmDialog>
  )
}

/** Quantities per line, bounded by what each line still allows. */
function useQuantities(lines: Order['lines'], max: (l: Order['lines'][number]) => number) {
  const [qty, setQty] = useState<Record<string, number>>({})
  const chosen = lines
    .map((l) => ({ line: l, quantity: Math.min(max(l), Math.max(0, qty[l.id] ?? 0)) }))
    .filter((x) => x.quantity > 0)
  const input = (l: Order['lines'][number]) => (
    <input
      type="number"
      className="qty"
      min={0}
      max={max(l)}
      value={qty[l.id] ?? 0}
      aria-label={`Quantity of ${l.sku}`}
      data-testid={`qty-${l.sku}`}
      onChange={(e) => setQty({ ...qty, [l.id]: Number(e.target.value) })}
    />
  )
  return { chosen, input }
}

function CancelDialog({ api, order, onDone, onClose }: Props) {
  const [whole, setWhole] = useState(true)
  const [reason, setReason] = useState('')
  const open = order.lines.filter((l) => cancellable(l) > 0)
  const { chosen, input } = useQuantities(open, cancellable)
  const withWarehouse = ['released', 'partially_shipped'].includes(order.status)
  return (
    <ConfirmDialog
      testId="cancel-dialog"
      title={whole ? 'Cancel the order' : 'Cancel some lines'}
      danger
      consequence={
        <p>
          {withWarehouse
            ? 'The order is with a warehouse: it is asked to cancel the fulfilment, and the lines are cancelled when it confirms.'
            : 'The allocated stock is freed at once and goes back to the locations.'}{' '}
          The channel is told the outcome.{' '}
          {whole
            ? `Everything not yet shipped (${open.reduce((n, l) => n + cancellable(l), 0)} units) is cancelled.`
            : chosen.length === 0
              ? 'Choose the quantities to cancel.'
              : `Cancelled: ${chosen.map((c) => `${c.quantity} × ${c.line.sku}`).join(', ')}.`}
        </p>
      }
      confirmLabel={whole ? 'Cancel the order' : 'Cancel these lines'}
      ready={whole || chosen.length > 0}
      onConfirm={async () => {
        await api.cancel(order.id, {
          ...(whole ? {} : { lines: chosen.map((c) => ({ lineId: c.line.id, quantity: c.quantity })) }),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        })
        await onDone()
      }}
      onClose={onClose}
    >
      <fieldset>
        <legend>What to cancel</legend>
        <label className="inline">
          <input
            type="radio"
            name="cancel-what"
            checked={whole}
            onChange={() => setWhole(true)}
            data-testid="cancel-whole"
          />
          The whole order
        </label>
        <label className="inline">
          <input
            type="radio"
            name="cancel-what"
            checked={!whole}
            onChange={() => setWhole(false)}
            data-testid="cancel-some"
          />
          Some lines
        </label>
      </fieldset>
      {!whole && (
        <table className="small">
          <tbody>
            {open.map((l) => (
              <tr key={l.id}>
                <td>{l.sku}</td>
                <td>{input(l)}</td>
                <td className="muted">of {cancellable(l)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label>
        Reason (optional)
        <input
          type="text"
          data-testid="cancel-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
    </ConfirmDialog>
  )
}

const SERVICE_LEVELS = [
  'standard',
  'express',
  'overnight',
  'economy',
  'pickup',
] as const satisfies readonly NonNullable<ModifyBody['serviceLevel']>[]

function ModifyDialog({ api, order, onDone, onClose }: Props) {
  const a = order.shipTo
  const [addr, setAddr] = useState({
    name: a.name ?? '',
    line1: a.line1,
    line2: a.line2 ?? '',
    city: a.city ?? '',
    region: a.region ?? '',
    postcode: a.postcode ?? '',
    country: a.country,
  })
  const [level, setLevel] = useState(order.serviceLevel)
  const [reason, setReason] = useState('')
  const addressChanged = (Object.keys(addr) as (keyof typeof addr)[]).some(
    (k) => addr[k] !== ((a[k] as string) ?? ''),
  )
  const levelChanged = level !== order.serviceLevel
  const field = (k: keyof typeof addr, label: string) => (
    <label>
      {label}
      <input
        type="text"
        data-testid={`modify-${k}`}
        value={addr[k]}
        onChange={(e) => setAddr({ ...addr, [k]: e.target.value })}
      />
    </label>
  )
  return (
    <ConfirmDialog
      testId="modify-dialog"
      title="Change the address or service level"
      consequence={
        <p>
          The order is routed again with its new shape, which may change where it ships from and when it is
          promised.
          {order.status === 'held' ? ' It stays held until someone releases it.' : ''} The channel is told.
        </p>
      }
      confirmLabel="Change and route again"
      ready={addressChanged || levelChanged}
      onConfirm={async () => {
        const shipTo = Object.fromEntries(
          Object.entries(addr).filter(([, v]) => v.trim() !== ''),
        ) as typeof addr
        await api.modify(order.id, {
          ...(addressChanged ? { shipTo: { ...shipTo, ...(a.phone ? { phone: a.phone } : {}) } } : {}),
          ...(levelChanged ? { serviceLevel: level as (typeof SERVICE_LEVELS)[number] } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        })
        await onDone()
      }}
      onClose={onClose}
    >
      <div className="grid2">
        {field('name', 'Name')}
        {field('line1', 'Address line 1')}
        {field('line2', 'Address line 2')}
        {field('city', 'City')}
        {field('region', 'Region')}
        {field('postcode', 'Postcode')}
        {field('country', 'Country (ISO code)')}
        <label>
          Service level
          <select data-testid="modify-service" value={level} onChange={(e) => setLevel(e.target.value)}>
            {SERVICE_LEVELS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Reason (optional)
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </ConfirmDialog>
  )
}

function ReturnDialog({ api, order, onDone, onClose }: Props) {
  const shipped = order.lines.filter((l) => returnable(l) > 0)
  const { chosen, input } = useQuantities(shipped, returnable)
  const [reason, setReason] = useState('')
  return (
    <ConfirmDialog
      testId="return-dialog"
      title="Create a return"
      consequence={
        <p>
          A return (RMA) is authorised for{' '}
          {chosen.length
            ? chosen.map((c) => `${c.quantity} × ${c.line.sku}`).join(', ')
            : 'the quantities you choose'}
          . The returns rules choose the location it goes back to. Nothing is refunded until the goods are
          received.
        </p>
      }
      confirmLabel="Authorise the return"
      ready={chosen.length > 0}
      onConfirm={async () => {
        await api.createReturn(order.id, {
          lines: chosen.map((c) => ({ lineId: c.line.id, quantity: c.quantity })),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        })
        await onDone()
      }}
      onClose={onClose}
    >
      <table className="small">
        <tbody>
          {shipped.map((l) => (
            <tr key={l.id}>
              <td>{l.sku}</td>
              <td>{input(l)}</td>
              <td className="muted">of {returnable(l)} shipped</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        Reason (optional)
        <input
          type="text"
          data-testid="return-reason"
          value={reason}
          maxLength={100}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
    </ConfirmDialog>
  )
}

function ReceiveDialog({ api, ret, onDone, onClose }: Props & { ret: Return }) {
  const open = ret.lines.map((l) => ({ ...l, left: l.quantity - l.receivedResellable - l.receivedDamaged }))
  const [rows, setRows] = useState<Record<string, { quantity: number; condition: 'resellable' | 'damaged' }>>(
    () => Object.fromEntries(open.map((l) => [l.id, { quantity: l.left, condition: 'resellable' as const }])),
  )
  const chosen = open
    .map((l) => ({ line: l, ...rows[l.id]! }))
    .filter((x) => x.quantity > 0 && x.quantity <= x.line.left)
  return (
    <ConfirmDialog
      testId="receive-dialog"
      title={`Record the receipt of ${ret.rmaNumber}`}
      consequence={
        <p>
          At {ret.location.name}: resellable units go back into its stock (and waiting backorders are routed),
          damaged units are written off. The refund is worked out from what came back and sent to the channel.
        </p>
      }
      confirmLabel="Record receipt"
      ready={chosen.length > 0}
      onConfirm={async () => {
        await api.receiveReturn(ret.id, {
          lines: chosen.map((c) => ({ sku: c.line.sku, quantity: c.quantity, condition: c.condition })),
        })
        await onDone()
      }}
      onClose={onClose}
    >
      <table className="small">
        <tbody>
          {open.map((l) => (
            <tr key={l.id}>
              <td>{l.sku}</td>
              <td>
                <input
                  type="number"
                  className="qty"
                  min={0}
                  max={l.left}
                  aria-label={`Received quantity of ${l.sku}`}
                  data-testid={`receive-qty-${l.sku}`}
                  value={rows[l.id]!.quantity}
                  onChange={(e) =>
                    setRows({ ...rows, [l.id]: { ...rows[l.id]!, quantity: Number(e.target.value) } })
                  }
                />
              </td>
              <td>
                <select
                  aria-label={`Condition of ${l.sku}`}
                  data-testid={`receive-condition-${l.sku}`}
                  value={rows[l.id]!.condition}
                  onChange={(e) =>
                    setRows({
                      ...rows,
                      [l.id]: { ...rows[l.id]!, condition: e.target.value as 'resellable' | 'damaged' },
                    })
                  }
                >
                  <option value="resellable">resellable</option>
                  <option value="damaged">damaged</option>
                </select>
              </td>
              <td className="muted">of {l.left} expected</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConfirmDialog>
  )
}

function RetryDialog({ api, message, onDone, onClose }: Props & { message: OutboxMessageDetail }) {
  return (
    <ConfirmDialog
      testId="retry-dialog"
      title={`Retry ${message.topic}`}
      consequence={
        <p>
          The message to {message.instanceId} is given a fresh set of {message.maxAttempts} attempts and sent
          again now. Its last error: <i>{message.lastError ?? 'none recorded'}</i>. If what it asked is
          already settled (the order moved on), it stays dead.
        </p>
      }
      confirmLabel="Send again"
      onConfirm={async () => {
        await api.retryOutbox([message.id])
        await onDone()
      }}
      onClose={onClose}
    />
  )
}

function CollectDialog({ api, order, lookups, onDone, onClose }: Props) {
  const store = order.pickup ? lookups.locationName(order.pickup.locationId) : 'the store'
  return (
    <ConfirmDialog
      testId="collect-dialog"
      title="The customer collected the order"
      consequence={
        <p>
          The order leaves {store}'s stock and is marked shipped (collected in store); its channel is told. Do
          this only once the customer has it.
        </p>
      }
      confirmLabel="Confirm collection"
      onConfirm={async () => {
        await api.collect(order.id)
        await onDone()
      }}
      onClose={onClose}
    />
  )
}

function ReceiveAtStoreDialog({ api, order, lookups, onDone, onClose }: Props) {
  const store = order.pickup ? lookups.locationName(order.pickup.locationId) : 'the store'
  const from = inTransitToStore(order).map((f) => lookups.locationName(f.locationId))
  return (
    <ConfirmDialog
      testId="receive-at-store-dialog"
      title="What was sent to the store arrived"
      consequence={
        <p>
          The parcel from {from.join(' and ')} joins {store}'s stock, held for this order, and the store is
          sent its pick request; once it reports the order picked, the order is ready for pickup and its
          channel is told.
        </p>
      }
      confirmLabel="Confirm arrival"
      onConfirm={async () => {
        await api.receiveAtStore(order.id)
        await onDone()
      }}
      onClose={onClose}
    />
  )
}
