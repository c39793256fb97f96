import { useCallback, useEffect, useState } from 'react'
import type { ConsoleApi, InboundSupply } from '../../api/client'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { day } from '../../ui/format'
import { LocationSelect } from '../../ui/LocationSelect'
import { Problem } from '../../ui/Problem'
import { isCalendarDay, type SupplyAction, supplyAction } from './inbound'

interface Props {
  api: ConsoleApi
  sku: string
  mayWrite: boolean
  locations: { id: string; name: string }[]
  locationName: (id: string) => string
  /** After a receipt (stock on hand changed) or any change: the page reloads what it shows. */
  onChanged: (note: string) => Promise<void>
}

/**
 * A sku's inbound supply (purchase orders and inbound shipments): where and when it is expected,
 * what has come, and the actions on it: expect more, delay, receive, cancel. Backorders are
 * promised from it (docs/future-supply.md), so a delay here moves their promise dates.
 */
export function InboundPanel(props: Props) {
  const { api, sku } = props
  const [supplies, setSupplies] = useState<InboundSupply[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [acting, setActing] = useState<{ action: SupplyAction; supply: InboundSupply | null } | null>(null)
  const load = useCallback(async () => {
    try {
      setSupplies(await api.inboundSupplies(sku))
      setError(null)
    } catch (e) {
      setError(e)
    }
  }, [api, sku])
  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="panel" aria-labelledby="inv-inbound">
      <header className="page-head">
        <h2 id="inv-inbound">Inbound supply</h2>
        {props.mayWrite && (
          <button
            type="button"
            onClick={() => setActing({ action: 'expect', supply: null })}
            data-testid="inbound-new"
          >
            Expect supply…
          </button>
        )}
      </header>
      <Problem error={error} testId="inbound-error" />
      {supplies && supplies.length === 0 && (
        <p className="muted" data-testid="inbound-empty">
          Nothing of {sku} is on its way.
        </p>
      )}
      {supplies && supplies.length > 0 && (
        <table data-testid="inbound-supplies">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Location</th>
              <th scope="col">Expected</th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col" className="num">
                Received
              </th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {supplies.map((s) => (
              <tr key={s.id} data-testid={`inbound-${s.externalRef ?? s.id}`}>
                <th scope="row">{s.externalRef ?? '—'}</th>
                <td>{props.locationName(s.locationId)}</td>
                <td data-testid="inbound-expected">{day(`${s.expectedDate}T12:00:00`)}</td>
                <td className="num">{s.quantityExpected}</td>
                <td className="num" data-testid="inbound-received">
                  {s.quantityReceived}
                </td>
                <td data-testid="inbound-status">{s.status}</td>
                <td>
                  {props.mayWrite && s.status === 'open' && (
                    <div className="row">
                      {(['delay', 'receive', 'cancel'] as const).map((action) => (
                        <button
                          key={action}
                          type="button"
                          onClick={() => setActing({ action, supply: s })}
                          data-testid={`inbound-${action}`}
                        >
                          {supplyAction[action].label}
                        </button>
                      ))}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {acting && (
        <SupplyDialog
          {...props}
          action={acting.action}
          supply={acting.supply}
          onDone={async (note) => {
            await load()
            await props.onChanged(note)
          }}
          onClose={() => setActing(null)}
        />
      )}
    </section>
  )
}

function SupplyDialog(
  props: Props & {
    action: SupplyAction
    supply: InboundSupply | null
    onDone: (note: string) => Promise<void>
    onClose: () => void
  },
) {
  const { api, sku, supply, action } = props
  const [locationId, setLocationId] = useState('')
  const [quantity, setQuantity] = useState(
    action === 'receive' && supply ? String(supply.quantityExpected - supply.quantityReceived) : '',
  )
  const [date, setDate] = useState(supply?.expectedDate ?? '')
  const [reference, setReference] = useState('')
  // One id per dialog: a receipt sent twice (a retry after a timeout) counts once.
  const [eventId] = useState(() => `console-receipt-${crypto.randomUUID()}`)
  const n = Number(quantity)
  const wholeQuantity = Number.isInteger(n) && n > 0
  const ready =
    action === 'cancel' ||
    (action === 'delay' && isCalendarDay(date) && date !== supply?.expectedDate) ||
    (action === 'receive' && wholeQuantity) ||
    (action === 'expect' && locationId !== '' && wholeQuantity && isCalendarDay(date))
  const where = supply ? props.locationName(supply.locationId) : ''
  const ref = supply?.externalRef ?? 'this supply'
  const consequence = {
    expect: `${sku} expected at the location on that day: backorders of ${sku} are promised from it, first come, first served.`,
    delay: `${ref} is expected later: the backorders it was to fill are promised again, and their channels hear the new dates.`,
    receive: `The units go on hand at ${where} now, and backorders of ${sku} take them in the order they were placed.`,
    cancel: `${ref} will not come: the orders it carried are promised from the supply left, or lose their date, and their channels hear it.`,
  }[action]
  return (
    <ConfirmDialog
      title={`${supplyAction[action].title} ${supply?.externalRef ?? sku}`}
      consequence={<p>{consequence}</p>}
      confirmLabel={supplyAction[action].confirm}
      danger={action === 'cancel'}
      ready={ready}
      testId="inbound-dialog"
      onConfirm={async () => {
        if (action === 'expect') {
          await api.expectSupply({
            sku,
            locationId,
            quantity: n,
            expectedDate: date,
            ...(reference.trim() ? { externalRef: reference.trim() } : {}),
          })
          await props.onDone(`${n} × ${sku} expected ${day(`${date}T12:00:00`)}.`)
        } else if (action === 'delay') {
          await api.delaySupply(supply!.id, date)
          await props.onDone(`${ref} now expected ${day(`${date}T12:00:00`)}.`)
        } else if (action === 'receive') {
          await api.receiveSupply(supply!.id, n, eventId)
          await props.onDone(`${n} × ${sku} of ${ref} received at ${where}.`)
        } else {
          await api.cancelSupply(supply!.id)
          await props.onDone(`${ref} cancelled.`)
        }
      }}
      onClose={props.onClose}
    >
      {action === 'expect' && (
        <>
          <LocationSelect
            value={locationId}
            onChange={setLocationId}
            locations={props.locations}
            testId="inbound-location"
          />
          <label className="block">
            Reference (PO or ASN number)
            <input
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              maxLength={120}
              data-testid="inbound-reference"
            />
          </label>
        </>
      )}
      {(action === 'expect' || action === 'receive') && (
        <label className="block">
          {action === 'receive' ? 'Units received' : 'Units expected'}
          <input
            type="number"
            min={1}
            step={1}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            data-testid="inbound-quantity"
          />
        </label>
      )}
      {(action === 'expect' || action === 'delay') && (
        <label className="block">
          Expected on
          <input
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid="inbound-date"
          />
        </label>
      )}
    </ConfirmDialog>
  )
}
