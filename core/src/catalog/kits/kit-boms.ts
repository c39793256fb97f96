import { keyIn } from '../../db/sql/key-in'
import { PLAN_EACH_CALL, type SqlRunner } from '../../db/sql/sql-db'

/** `quantity` units of `sku` go into one kit. */
export interface KitPart {
  sku: string
  quantity: number
}

/** Bills of materials by kit sku; a sku not in the map is an ordinary product with stock of its own. */
export type KitBoms = ReadonlyMap<string, readonly KitPart[]>

export const NO_KITS: KitBoms = new Map()

/**
 * The bills of materials of those of `skus` that are kits, in one read. A bill never changes once
 * defined (kit-service.ts), so what an allocation took is what its release or shipment gives back.
 */
export async function readKitBoms(
  runner: SqlRunner,
  skus: readonly string[],
): Promise<Map<string, KitPart[]>> {
  const boms = new Map<string, KitPart[]>()
  const unique = [...new Set(skus)]
  if (unique.length === 0) return boms
  const kits = keyIn(runner.dialect, 'kit_sku', unique)
  const rows = await runner.all<{ kit_sku: string; component_sku: string; quantity: number }>(
    `${PLAN_EACH_CALL}select kit_sku, component_sku, quantity from kit_component where ${kits.sql} order by kit_sku, component_sku`,
    kits.params,
  )
  for (const r of rows) {
    const parts = boms.get(r.kit_sku) ?? []
    parts.push({ sku: r.component_sku, quantity: Number(r.quantity) })
    boms.set(r.kit_sku, parts)
  }
  return boms
}

/** The bills of the kits among these lines, from their products (read and cached with them). */
export function bomsOf(
  lines: Iterable<{ sku: string; product: { components?: readonly KitPart[] } }>,
): KitBoms {
  let kits: Map<string, readonly KitPart[]> | undefined
  for (const l of lines) {
    if (!l.product.components) continue
    kits ??= new Map()
    kits.set(l.sku, l.product.components)
  }
  return kits ?? NO_KITS
}

/** The kits that use any of `skus` as a component: when a component's stock moves, theirs does. */
export async function kitsUsing(runner: SqlRunner, skus: readonly string[]): Promise<string[]> {
  const unique = [...new Set(skus)]
  if (unique.length === 0) return []
  const rows = await runner.all<{ kit_sku: string }>(
    `select distinct kit_sku from kit_component where component_sku in (${unique.map(() => '?').join(',')}) order by kit_sku`,
    unique,
  )
  return rows.map((r) => r.kit_sku)
}

/** The skus whose stock rows stand behind `skus`: each kit replaced by its components. */
export function stockSkus(skus: readonly string[], boms: KitBoms): string[] {
  const out = new Set<string>()
  for (const sku of skus) {
    const parts = boms.get(sku)
    if (parts) for (const p of parts) out.add(p.sku)
    else out.add(sku)
  }
  return [...out]
}

/** Whole kits that components make, given each component's units: floor(units ÷ quantity), the least of them. */
export function kitsAt(parts: readonly KitPart[], units: (component: string) => number): number {
  let kits = Number.POSITIVE_INFINITY
  for (const p of parts) kits = Math.min(kits, Math.floor(units(p.sku) / p.quantity))
  return Number.isFinite(kits) ? Math.max(0, kits) : 0
}

/** A per-location availability function that answers for kits from their components. */
export function withKits(
  kits: KitBoms,
  available: (sku: string, locationId: string) => number,
): (sku: string, locationId: string) => number {
  if (kits.size === 0) return available
  return (sku, locationId) => {
    const parts = kits.get(sku)
    return parts ? kitsAt(parts, (c) => available(c, locationId)) : available(sku, locationId)
  }
}
