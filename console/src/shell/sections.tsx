import { ExceptionsSection } from '../sections/exceptions/ExceptionsSection'
import { InventorySection } from '../sections/inventory/InventorySection'
import { NewOrderSection } from '../sections/new-order/NewOrderSection'
import { OrderSection } from '../sections/order/OrderSection'
import { OrdersSection } from '../sections/orders/OrdersSection'
import { PartnersSection } from '../sections/partners/PartnersSection'
import { RulesSection } from '../sections/rules/RulesSection'
import type { Section } from './section'

/** The console's sections, in navigation order. The first is the home page (`#/`). */
export const sections: readonly Section[] = [
  { id: 'orders', label: 'Orders', paths: ['orders', ''], render: (p) => <OrdersSection {...p} /> },
  { id: 'order', paths: ['order'], navAs: 'orders', render: (p) => <OrderSection {...p} /> },
  { id: 'new-order', label: 'New order', paths: ['new-order'], render: (p) => <NewOrderSection {...p} /> },
  // The editor keeps its open rule set in the hash as `#/sets/<id>`.
  {
    id: 'rules',
    label: 'Rules',
    paths: ['rules', 'sets'],
    fullBleed: true,
    render: (p) => <RulesSection {...p} />,
  },
  {
    id: 'exceptions',
    label: 'Exceptions',
    paths: ['exceptions'],
    render: (p) => <ExceptionsSection {...p} />,
  },
  { id: 'inventory', label: 'Inventory', paths: ['inventory'], render: (p) => <InventorySection {...p} /> },
  { id: 'partners', label: 'Partners', paths: ['partners'], render: (p) => <PartnersSection {...p} /> },
]

export function sectionFor(path: string): Section {
  return sections.find((s) => s.paths.includes(path)) ?? sections[0]!
}
