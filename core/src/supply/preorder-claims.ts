import type { ProductFacts } from '../catalog/facts'
import type { SqlRunner } from '../db/sql/sql-db'
import { ValidationError } from '../errors'

/** A backordered line of a new order, as intake planned it. */
export interface PreorderLine {
  /** 1-based position in the order's lines, for the field named when it is refused. */
  lineNo: number
  product: Pick<ProductFacts, 'sku' | 'preorder'>
  backorderedQty: number
}

/** True when a planned order has a pre-order line left backordered: only those cost a claim. */
export function needsPreorderClaim(lines: readonly PreorderLine[]): boolean {
  for (const l of lines) if (l.backorderedQty > 0 && l.product.preorder) return true
  return false
}

/**
 * Sells a new order's backordered pre-order units against open inbound supply, earliest first,
 * inside the intake transaction: each take is one conditional update, so two hubs or channels
 * selling the last units of a cap never both get them (the loser reads again and tries the next
 * supply). A line that no open supply has room for refuses the order with `PREORDER_CAP_REACHED`
 * naming the line; the transaction then writes nothing of it.
 */
export async function claimPreorders(
  tx: SqlRunner,
  lines: readonly PreorderLine[],
  now: number,
): Promise<void> {
  for (const l of lines) {
    const preorder = l.product.preorder
    if (!preorder || l.backorderedQty <= 0) continue
    const left = await claimLine(tx, l.product.sku, l.backorderedQty, preorder.cap, now)
    if (left > 0)
      throw new ValidationError(
        'pre-order cap reached',
        [
          {
            field: `lines[${l.lineNo - 1}].sku`,
            message: `${l.product.sku} is a pre-order: ${left} of ${l.backorderedQty} units find no room in open inbound supply`,
          },
        ],
        'PREORDER_CAP_REACHED',
      )
  }
}

/** Takes up to `need` units of room, lot by lot in date order; returns what found no room. */
async function claimLine(
  tx: SqlRunner,
  sku: string,
  need: number,
  cap: number | null,
  now: number,
): Promise<number> {
  for (let round = 0; need > 0 && round < 5; round++) {
    const lots = await tx.all<{ id: string; quantity_expected: number; preorder_sold: number }>(
      `select id, quantity_expected, preorder_sold from inbound_supply where sku = ? and status = 'open' order by expected_date, id`,
      [sku],
    )
    let raced = false
    for (const lot of lots) {
      const limit = Math.min(Number(lot.quantity_expected), cap ?? Number.POSITIVE_INFINITY)
      const take = Math.min(need, limit - Number(lot.preorder_sold))
      if (take <= 0) continue
      // The limit is checked again on the row: another hub may have sold from it since the read.
      const taken =
        cap === null
          ? await tx.run(
              `update inbound_supply set preorder_sold = preorder_sold + ?, updated_at = ?
                where id = ? and status = 'open' and preorder_sold + ? <= quantity_expected`,
              [take, now, lot.id, take],
            )
          : await tx.run(
              `update inbound_supply set preorder_sold = preorder_sold + ?, updated_at = ?
                where id = ? and status = 'open' and preorder_sold + ? <= quantity_expected and preorder_sold + ? <= ?`,
              [take, now, lot.id, take, take, cap],
            )
      if (taken > 0) need -= take
      else raced = true
      if (need === 0) break
    }
    if (!raced) break
  }
  return need
}
