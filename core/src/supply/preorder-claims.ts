import type { ProductFacts } from '../catalog/facts'
import type { SqlRunner } from '../db/sql/sql-db'
import { ValidationError } from '../errors'
import { preorderRoom } from './inbound-supply-store'

/** A backordered line of a new order, as intake planned it. */
export interface PreorderLine {
  /** 1-based position in the order's lines, for the field named when it is refused. */
  lineNo: number
  product: Pick<ProductFacts, 'sku' | 'preorder'>
  backorderedQty: number
}

/** True when a planned order has a pre-order line left backordered: only those cost a check. */
export function needsPreorderClaim(lines: readonly PreorderLine[]): boolean {
  for (const l of lines) if (l.backorderedQty > 0 && l.product.preorder) return true
  return false
}

/**
 * Checks, inside the intake transaction and after the batch's orders are written, that the units
 * backordered of each pre-order sku fit the room its open inbound supply gives: at most `cap`
 * units of each supply (all it still brings when there is no cap). The waiting units are counted
 * from the orders themselves, so a cancelled, changed or filled pre-order gives its room back
 * without bookkeeping. The sku's open supply rows are locked first (PostgreSQL; SQLite holds the
 * write lock), after the stock rows intake locked, so two hubs selling the last units take turns
 * and the second counts the first's order. Too many refuses the batch with `PREORDER_CAP_REACHED`
 * naming the line (intake then takes each order alone, so only the one over the cap is refused).
 */
export async function claimPreorders(
  tx: SqlRunner,
  orders: readonly (readonly PreorderLine[])[],
): Promise<void> {
  const first = new Map<string, PreorderLine>()
  for (const lines of orders)
    for (const l of lines)
      if (l.product.preorder && l.backorderedQty > 0 && !first.has(l.product.sku)) first.set(l.product.sku, l)
  for (const sku of [...first.keys()].sort()) {
    const line = first.get(sku)!
    const { room, waiting } = await preorderRoom(tx, sku, line.product.preorder!.cap, true)
    if (waiting > room)
      throw new ValidationError(
        'pre-order cap reached',
        [
          {
            field: `lines[${line.lineNo - 1}].sku`,
            message: `${sku} is a pre-order: open inbound supply has room for ${room} units, and ${waiting} would wait for it`,
          },
        ],
        'PREORDER_CAP_REACHED',
      )
  }
}
