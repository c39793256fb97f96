import type { TestHub } from './test-hub'

/**
 * A small test world through the public API: three NZ locations with real coordinates and a handful
 * of skus, with the stock each test expects.
 */
export async function seedWorld(
  api: TestHub['api'],
  options: { wms?: string | null; stock?: { sku: string; locationId: string; onHand: number }[] } = {},
): Promise<void> {
  const wms = options.wms === undefined ? null : options.wms
  const products = [
    { sku: 'SKU-A', name: 'Merino tee' },
    { sku: 'SKU-B', name: 'Rain shell' },
    { sku: 'SKU-C', name: 'Camping gas', hazmat: true },
    { sku: 'SKU-D', name: 'GPS watch', highValue: true },
  ]
  const put = await api('/api/v1/products', { method: 'PUT', body: { items: products } })
  if (put.status !== 200) throw new Error(`seeding products failed: ${JSON.stringify(put.body)}`)
  const locations = [
    {
      id: 'akl',
      name: 'Auckland DC',
      type: 'warehouse',
      country: 'NZ',
      city: 'Auckland',
      lat: -36.9069,
      lon: 174.8447,
      timezone: 'Pacific/Auckland',
      tags: ['hazmat-licensed'],
    },
    {
      id: 'wlg',
      name: 'Wellington store',
      type: 'store',
      country: 'NZ',
      city: 'Wellington',
      lat: -41.2809,
      lon: 174.7762,
      timezone: 'Pacific/Auckland',
    },
    {
      id: 'chc',
      name: 'Christchurch 3PL',
      type: '3pl',
      country: 'NZ',
      city: 'Christchurch',
      lat: -43.5441,
      lon: 172.5261,
      timezone: 'Pacific/Auckland',
    },
  ]
  for (const { id, ...body } of locations) {
    const res = await api(`/api/v1/locations/${id}`, { method: 'PUT', body: { ...body, wmsInstanceId: wms } })
    if (res.status !== 200) throw new Error(`seeding location ${id} failed: ${JSON.stringify(res.body)}`)
  }
  const stock = options.stock ?? [
    { sku: 'SKU-A', locationId: 'akl', onHand: 100 },
    { sku: 'SKU-A', locationId: 'wlg', onHand: 5 },
    { sku: 'SKU-B', locationId: 'akl', onHand: 50 },
    { sku: 'SKU-B', locationId: 'chc', onHand: 20 },
    { sku: 'SKU-C', locationId: 'akl', onHand: 30 },
  ]
  const inv = await api('/api/v1/inventory', { method: 'PUT', body: { items: stock } })
  if (inv.status !== 200) throw new Error(`seeding stock failed: ${JSON.stringify(inv.body)}`)
}
