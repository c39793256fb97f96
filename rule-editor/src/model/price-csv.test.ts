import { describe, expect, it } from 'vitest'
import { parsePastedPrices } from './price-csv'

describe('prices pasted from a spreadsheet', () => {
  it('reads comma, semicolon and tab separated lines, skipping a header', () => {
    expect(parsePastedPrices('sku,price\nSKU-A,12.50\nSKU-B;"1,299.00"\nSKU-C\t$3')).toEqual({
      rows: [
        { sku: 'SKU-A', amount: '12.50' },
        { sku: 'SKU-B', amount: '1299.00' },
        { sku: 'SKU-C', amount: '3' },
      ],
      errors: [],
    })
  })

  it('keeps a currency column (costs) and names each line it cannot read', () => {
    const r = parsePastedPrices('SKU-A,4.10,nzd\nSKU-B,cheap\n,3.00')
    expect(r.rows).toEqual([{ sku: 'SKU-A', amount: '4.10', currency: 'NZD' }])
    expect(r.errors).toEqual([
      { line: 2, message: "'cheap' is not an amount like 12.50" },
      { line: 3, message: 'no sku' },
    ])
  })
})
