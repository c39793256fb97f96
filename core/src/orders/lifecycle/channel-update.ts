import type { CanonicalOrder } from '@switchyard/plugin-sdk'
import type { OrderSnapshot } from '../store'
import type { ModifyInput } from './modification-service'

/** What a channel's update changes in an order: the parts of a modification, or null for nothing. */
export type ChannelChanges = Pick<ModifyInput, 'shipTo' | 'lines' | 'addLines'>

/**
 * The differences between the order the hub holds and the order as the channel now has it
 * (`order.updated`): a new shipping address, new quantities of lines matched by the channel's line
 * id (a line the update no longer lists is removed), and lines it did not have. Quantities are
 * compared in hub units (a sku-mapped line counts `multiplier` per channel unit). Lines without a
 * channel line id, on either side, cannot be matched, so they are left as they are.
 */
export function channelChanges(held: OrderSnapshot, order: CanonicalOrder): ChannelChanges | null {
  const changes: ChannelChanges = {}
  if (stable(order.shipTo) !== stable(held.shipTo)) changes.shipTo = order.shipTo
  const byExternal = new Map(held.lines.filter((l) => l.externalLineId).map((l) => [l.externalLineId!, l]))
  const seen = new Set<string>()
  const lines: NonNullable<ChannelChanges['lines']> = []
  const addLines: NonNullable<ChannelChanges['addLines']> = []
  for (const l of order.lines) {
    if (!l.externalLineId) continue
    const line = byExternal.get(l.externalLineId)
    if (!line) {
      addLines.push({
        sku: l.sku,
        quantity: l.quantity,
        ...(l.unitPrice ? { unitPrice: l.unitPrice } : {}),
        externalLineId: l.externalLineId,
      })
      continue
    }
    seen.add(line.externalLineId!)
    // The channel counts what is still ordered; the hub's line quantity includes what it cancelled.
    const quantity = l.quantity * line.channelMultiplier
    if (quantity !== line.quantity - line.cancelledQty)
      lines.push({ lineId: line.id, quantity: quantity + line.cancelledQty })
  }
  for (const [external, line] of byExternal)
    if (!seen.has(external) && line.quantity - line.cancelledQty > 0)
      lines.push({ lineId: line.id, quantity: 0 })
  if (lines.length > 0) changes.lines = lines
  if (addLines.length > 0) changes.addLines = addLines
  return Object.keys(changes).length > 0 ? changes : null
}

/** JSON with keys sorted and empty values dropped: two addresses that say the same compare equal. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
      .join(',')}}`
  return JSON.stringify(value)
}
