import { type KeyboardEvent, useRef } from 'react'
import type { OrderSummary } from '../../api/client'
import { orderHash } from '../../shell/route'
import { dateTime, money } from '../../ui/format'
import type { Lookups } from '../../ui/lookups'
import { statusLabel } from './filters'

/**
 * The list. Each row is one tab stop; arrow keys move between rows, Home/End jump, Enter opens the
 * order (the order number is also a plain link, for a new tab).
 */
export function OrdersTable(props: {
  items: OrderSummary[]
  lookups: Lookups
  onOpen: (id: string) => void
  empty: boolean
}) {
  const body = useRef<HTMLTableSectionElement>(null)
  const focusRow = (i: number) => {
    const rows = body.current?.querySelectorAll<HTMLTableRowElement>('tr')
    if (!rows?.length) return
    rows[Math.max(0, Math.min(rows.length - 1, i))]?.focus()
  }
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number, id: string) => {
    if (e.target !== e.currentTarget) return
    if (e.key === 'ArrowDown') focusRow(i + 1)
    else if (e.key === 'ArrowUp') focusRow(i - 1)
    else if (e.key === 'Home') focusRow(0)
    else if (e.key === 'End') focusRow(props.items.length - 1)
    else if (e.key === 'Enter') props.onOpen(id)
    else return
    e.preventDefault()
  }
  if (props.items.length === 0)
    return props.empty ? (
      <p className="muted empty" data-testid="orders-empty">
        No orders match these filters.
      </p>
    ) : null
  return (
    <table className="orders" data-testid="orders-table">
      <caption className="sr-only">Orders; arrow keys move between rows, Enter opens one</caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Channel</th>
          <th scope="col">Status</th>
          <th scope="col">Customer</th>
          <th scope="col">Ship to</th>
          <th scope="col">Service</th>
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col">Placed</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {props.items.map((o, i) => (
          <tr
            key={o.id}
            tabIndex={0}
            data-testid="order-row"
            data-order={o.id}
            onKeyDown={(e) => onKey(e, i, o.id)}
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('a')) return
              props.onOpen(o.id)
            }}
          >
            <td>
              <a href={orderHash(o.id)} tabIndex={-1}>
                {o.orderNumber ?? o.externalOrderId}
              </a>
            </td>
            <td>{props.lookups.channelName(o.channelInstanceId)}</td>
            <td>
              <span className={`status s-${o.status}`}>{statusLabel(o.status)}</span>
            </td>
            <td>{o.email ?? '—'}</td>
            <td>{[o.shipTo.city, o.shipTo.region, o.shipTo.country].filter(Boolean).join(', ')}</td>
            <td>{o.serviceLevel}</td>
            <td className="num">{money(o.total, o.currency)}</td>
            <td>{dateTime(o.placedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
