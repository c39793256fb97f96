import { expect } from 'vitest'
import type { TestHub } from '../../support/test-hub'

/** The `retail` NZD price list the pricing browser tests start from: SKU-A at 20.00, SKU-B at 80.00. */
export async function putRetailList(hub: TestHub): Promise<void> {
  const list = await hub.api('/api/v1/pricing/price-lists/retail', {
    method: 'PUT',
    body: {
      name: 'Retail',
      currency: 'NZD',
      prices: [
        { sku: 'SKU-A', price: '20.00' },
        { sku: 'SKU-B', price: '80.00' },
      ],
    },
  })
  expect(list.status).toBe(200)
}
