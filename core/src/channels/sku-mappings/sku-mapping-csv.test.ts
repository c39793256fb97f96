import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../errors'
import { parseSkuMappingCsv } from './sku-mapping-csv'

const fieldsOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError)
    return (e as ValidationError).issues
  }
  throw new Error('expected a ValidationError')
}

describe('sku mapping CSV', () => {
  it('reads entries with their file lines: quotes, CRLF, blank lines, a BOM, an empty multiplier', () => {
    const text =
      '\uFEFFchannel_sku,hub_sku,multiplier\r\nTEE-6PK,TEE,6\r\n\r\n"SOCK, 3 pack",SOCK,3\n"say ""hi""",TEE,\nOLD,,\n'
    expect(parseSkuMappingCsv(text)).toEqual({
      entries: [
        { channelSku: 'TEE-6PK', hubSku: 'TEE', multiplier: 6 },
        { channelSku: 'SOCK, 3 pack', hubSku: 'SOCK', multiplier: 3 },
        { channelSku: 'say "hi"', hubSku: 'TEE' },
        { channelSku: 'OLD', hubSku: null },
      ],
      lines: [2, 4, 5, 6],
    })
  })

  it('names the line of a bad header or a row with the wrong number of fields', () => {
    expect(fieldsOf(() => parseSkuMappingCsv('sku,hub\nA,B\n'))).toEqual([
      { field: 'line 1', message: 'the header must be channel_sku,hub_sku,multiplier' },
    ])
    expect(
      fieldsOf(() => parseSkuMappingCsv('channel_sku,hub_sku,multiplier\nA,B,1\nC,D\nE,F,1,2\n')),
    ).toEqual([
      { field: 'line 3', message: 'has 2 fields, not 3' },
      { field: 'line 4', message: 'has 4 fields, not 3' },
    ])
    expect(fieldsOf(() => parseSkuMappingCsv('channel_sku,hub_sku,multiplier\n"A,B,1\n'))[0]!.field).toBe(
      'line 2',
    )
  })

  it('leaves a multiplier that is not a whole number for validation to name', () => {
    const { entries } = parseSkuMappingCsv('channel_sku,hub_sku,multiplier\nA,B,six\nC,D,0\n')
    expect(entries.map((e) => e.multiplier)).toEqual([Number.NaN, 0])
  })
})
