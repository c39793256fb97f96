import type { StockView } from '../routing/router'

export interface StockRow {
  sku: string
  location_id: string
  on_hand: number
  allocated: number
  reserved: number
  safety_stock: number
}

const key = (sku: string, locationId: string) => `${sku}\u0000${locationId}`

/**
 * Available-to-promise for the rows read (and locked) at the start of a transaction. Orders planned
 * in the same batch take from it in turn, so the batch can never promise the same unit twice.
 */
export class StockLedger implements StockView {
  private readonly free = new Map<string, number>()

  constructor(rows: readonly StockRow[]) {
    for (const r of rows) {
      this.free.set(
        key(r.sku, r.location_id),
        Math.max(0, r.on_hand - r.allocated - r.reserved - r.safety_stock),
      )
    }
  }

  available(sku: string, locationId: string): number {
    return this.free.get(key(sku, locationId)) ?? 0
  }

  take(sku: string, locationId: string, quantity: number): void {
    const k = key(sku, locationId)
    const left = (this.free.get(k) ?? 0) - quantity
    if (left < 0) throw new Error(`plan over-allocates ${sku} at ${locationId}`)
    this.free.set(k, left)
  }
}
