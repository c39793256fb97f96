/**
 * Takes the demo world's limits off, so every benchmark order runs the full path (routed,
 * allocated, released to the warehouse) instead of turning into a backorder once a location's
 * stock or daily capacity runs out part way through the run.
 */
export async function liftLimits(hubUrl: string, key: string): Promise<void> {
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hubUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    })
    if (res.status !== 200)
      throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<any>
  }
  const levels = (await call('/api/v1/inventory?limit=5000')).items as { sku: string; locationId: string }[]
  await call('/api/v1/inventory', {
    method: 'PUT',
    body: { items: levels.map((l) => ({ sku: l.sku, locationId: l.locationId, onHand: 10_000_000 })) },
  })
  const locations = (await call('/api/v1/locations?limit=500')).items as Record<string, unknown>[]
  for (const { id, createdAt: _c, updatedAt: _u, ...location } of locations)
    await call(`/api/v1/locations/${id}`, { method: 'PUT', body: { ...location, dailyCapacity: null } })
}
