import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CanonicalOrder } from '@switchyard/plugin-sdk'

/** The ISA ids of the demo's X12 instance (demo-config.ts): the partner's and ours. */
export const DEMO_EDI_PARTNER_ID = 'DEMORETAIL'
export const DEMO_EDI_OUR_ID = 'SWITCHYARD'

const x12 = (text: string) => text.replace(/[*~>^\n\r]/g, ' ').toUpperCase()

/**
 * The demo's EDI trading partner: it drops its purchase orders (one X12 850 interchange) into the
 * mailbox's `inbound/` folder as an SFTP client would (written under a dot-name, then renamed), and
 * the hub's X12 plugin takes them on its next poll, answering with 855s in `outbound/`. So the
 * demo's EDI orders come in the way a real partner's do, not around the plugin.
 */
export function dropDemoPurchaseOrders(
  mailbox: string,
  orders: readonly CanonicalOrder[],
  now: number,
): string {
  mkdirSync(join(mailbox, 'inbound'), { recursive: true })
  mkdirSync(join(mailbox, 'outbound'), { recursive: true })
  const control = String(now % 1_000_000_000).padStart(9, '0')
  const stamp = new Date(now).toISOString()
  const date = stamp.slice(2, 10).replace(/-/g, '')
  const time = stamp.slice(11, 16).replace(':', '')
  const sets = orders.map((o, i) => {
    const st = String(i + 1).padStart(4, '0')
    const ship = o.shipTo
    const body = [
      `ST*850*${st}`,
      `BEG*00*SA*${o.externalId}**${(o.placedAt ?? stamp).slice(0, 10).replace(/-/g, '')}`,
      `N1*ST*${x12(o.customer?.name ?? ship.name ?? 'STORE')}*92*${String(i + 1).padStart(3, '0')}`,
      `N3*${x12(ship.line1)}`,
      `N4*${x12(ship.city ?? '')}*${x12(ship.region ?? '')}*${ship.postcode ?? ''}*${ship.country}`,
      ...o.lines.flatMap((l, n) => [
        `PO1*${n + 1}*${l.quantity}*EA*${l.unitPrice ?? '0'}*PE*VP*${l.sku}`,
        `PID*F****${x12(l.name ?? l.sku)}`,
      ]),
      `CTT*${o.lines.length}*${o.lines.reduce((s, l) => s + l.quantity, 0)}`,
    ]
    body.push(`SE*${body.length + 1}*${st}`)
    return body
  })
  const segments = [
    `ISA*00*          *00*          *ZZ*${DEMO_EDI_PARTNER_ID.padEnd(15)}*ZZ*${DEMO_EDI_OUR_ID.padEnd(15)}*${date}*${time}*U*00401*${control}*0*T*>`,
    `GS*PO*${DEMO_EDI_PARTNER_ID}*${DEMO_EDI_OUR_ID}*20${date}*${time}*${Number(control)}*X*004010`,
    ...sets.flat(),
    `GE*${sets.length}*${Number(control)}`,
    `IEA*1*${control}`,
  ]
  const name = `850_demo_${control}.x12`
  const tmp = join(mailbox, 'inbound', `.${name}.part`)
  writeFileSync(tmp, `${segments.join('~\n')}~\n`, 'latin1')
  renameSync(tmp, join(mailbox, 'inbound', name))
  return name
}
