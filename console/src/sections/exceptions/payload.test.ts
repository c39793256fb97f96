import { describe, expect, it } from 'vitest'
import { documentOf, pathKey, payloadLines, unknownSkus } from './payload'

describe('exception payload lines', () => {
  it('names paths the way the hub names fields', () => {
    expect(pathKey(['lines', 0, 'sku'])).toBe('lines[0].sku')
    expect(pathKey(['shipTo', 'country'])).toBe('shipTo.country')
    expect(pathKey([])).toBe('')
  })

  it('marks the failing field and nothing else', () => {
    const order = {
      id: 'W-1',
      lines: [
        { sku: 'OK', quantity: 1 },
        { sku: 'NOPE', quantity: 2 },
      ],
    }
    const lines = payloadLines(order, [['lines', 1, 'sku']])
    const marked = lines.filter((l) => l.marked)
    expect(marked.map((l) => l.text)).toEqual(['"sku": "NOPE",'])
    expect(JSON.parse(lines.map((l) => l.text).join('\n'))).toEqual(order)
  })

  it('marks every line of a marked object, and keeps the JSON valid', () => {
    const lines = payloadLines({ a: 1, shipTo: { country: 'XX', city: 'A' } }, [['shipTo']])
    expect(lines.filter((l) => l.marked).length).toBe(4)
    expect(JSON.parse(lines.map((l) => l.text).join('\n'))).toEqual({
      a: 1,
      shipTo: { country: 'XX', city: 'A' },
    })
    expect(lines[0]!.marked).toBe(false)
  })

  it('shows the parsed order first, else the body as JSON, else as text', () => {
    expect(documentOf({ parsed: { x: 1 }, payload: '{}', payloadEncoding: 'utf8' }).kind).toBe('parsed')
    expect(documentOf({ payload: '{"y":2}', payloadEncoding: 'utf8' })).toEqual({
      kind: 'json',
      value: { y: 2 },
    })
    expect(documentOf({ payload: '<xml/>', payloadEncoding: 'utf8' })).toEqual({
      kind: 'text',
      value: '<xml/>',
    })
  })

  it('finds the channel skus an UNKNOWN_SKU mark holds', () => {
    expect(
      unknownSkus([
        { code: 'UNKNOWN_SKU', value: 'CH-9' },
        { code: 'UNKNOWN_SKU', value: 'CH-9' },
        { code: 'INVALID_TEXT', value: 'x' },
      ]),
    ).toEqual(['CH-9'])
  })
})
