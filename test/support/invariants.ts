import type { TestHub } from './test-hub'

type Api = TestHub['api']

export interface OrderDetail {
  id: string
  externalOrderId: string
  status: string
  lines: {
    id: string
    sku: string
    quantity: number
    allocated: number
    backordered: number
    shipped: number
    cancelled: number
  }[]
  allocations: { lineId: string; sku: string; locationId: string; quantity: number; status: string }[]
}

/**
 * A read that must succeed. A 429 (the per-key limit, when a test leaves it on) is waited out:
 * reading everything back is not what the limit is there to stop. Anything else but 200 throws,
 * naming the path and the problem, rather than handing an error body on as if it were the data.
 */
async function read<T>(api: Api, path: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const res = await api(path)
    if (res.status === 200) return res.body as T
    if (res.status !== 429 || attempt >= 20)
      throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** Every order, with its detail, through the public API. */
export async function allOrders(api: Api): Promise<OrderDetail[]> {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await read(
      api,
      `/api/v1/orders?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
    )
    for (const o of page.items) ids.push(o.id)
    cursor = page.nextCursor
  } while (cursor)
  // Sixteen reads in flight: a fuzz run leaves ~15,000 orders, one at a time would take minutes.
  const details: OrderDetail[] = new Array(ids.length)
  let next = 0
  const reader = async () => {
    while (next < ids.length) {
      const i = next++
      details[i] = await read<OrderDetail>(api, `/api/v1/orders/${ids[i]}`)
    }
  }
  await Promise.all(Array.from({ length: 16 }, reader))
  return details
}

/**
 * No half-written order: every order has lines; each line's quantity is exactly accounted for by
 * allocated + backordered + shipped + cancelled; allocations add up to what the line says; and the
 * stock ledger's `allocated` equals the sum of open allocations per sku and location.
 */
export async function checkOrderInvariants(api: Api, orders?: OrderDetail[]): Promise<string[]> {
  const problems: string[] = []
  const list = orders ?? (await allOrders(api))
  const open = new Map<string, number>()
  // A kit has no stock row: its open allocations are counted on its components' rows.
  const kits = new Map(
    (
      await read<{ items: { sku: string; components: { sku: string; quantity: number }[] }[] }>(
        api,
        '/api/v1/kits?limit=500',
      )
    ).items.map((k) => [k.sku, k.components]),
  )
  for (const o of list) {
    if (o.lines.length === 0) problems.push(`${o.externalOrderId}: no lines`)
    for (const l of o.lines) {
      // A held order has not been routed: its open quantity is neither allocated nor backordered yet.
      const accounted = l.allocated + l.backordered + l.shipped + l.cancelled
      if (o.status === 'held' ? accounted > l.quantity : accounted !== l.quantity) {
        problems.push(
          `${o.externalOrderId} line ${l.sku}: ${l.allocated}+${l.backordered}+${l.shipped}+${l.cancelled} ≠ ${l.quantity}`,
        )
      }
      const allocated = o.allocations
        .filter((a) => a.lineId === l.id && (a.status === 'allocated' || a.status === 'released'))
        .reduce((s, a) => s + a.quantity, 0)
      if (allocated !== l.allocated)
        problems.push(`${o.externalOrderId} line ${l.sku}: allocations ${allocated} ≠ ${l.allocated}`)
    }
    for (const a of o.allocations) {
      if (a.status !== 'allocated' && a.status !== 'released') continue
      for (const part of kits.get(a.sku) ?? [{ sku: a.sku, quantity: 1 }]) {
        const key = `${part.sku}@${a.locationId}`
        open.set(key, (open.get(key) ?? 0) + a.quantity * part.quantity)
      }
    }
  }
  const levels = (
    await read<{ items: { sku: string; locationId: string; allocated: number; onHand: number }[] }>(
      api,
      '/api/v1/inventory?limit=5000',
    )
  ).items
  for (const l of levels) {
    const expected = open.get(`${l.sku}@${l.locationId}`) ?? 0
    if (l.allocated !== expected)
      problems.push(
        `ledger ${l.sku}@${l.locationId}: allocated ${l.allocated} ≠ open allocations ${expected}`,
      )
  }
  return problems
}
