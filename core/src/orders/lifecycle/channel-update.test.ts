import type { CanonicalOrder } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import type { OrderSnapshot } from '../store'
import { channelChanges } from './channel-update'

const shipTo = { name: 'Ana', line1: '1 Queen St', city: 'Auckland', postcode: '1010', country: 'NZ' }
const line = (id: string, externalLineId: string | null, quantity: number, extra: object = {}) => ({
  id,
  lineNo: 1,
  externalLineId,
  sku: `SKU-${id}`,
  name: null,
  quantity,
  unitPriceMinor: 1000,
  discountMinor: 0,
  allocatedQty: quantity,
  backorderedQty: 0,
  shippedQty: 0,
  cancelledQty: 0,
  channelSku: null,
  channelMultiplier: 1,
  ...extra,
})
const held = (lines: ReturnType<typeof line>[]) => ({ shipTo, lines }) as unknown as OrderSnapshot
const update = (lines: CanonicalOrder['lines'], to: CanonicalOrder['shipTo'] = shipTo): CanonicalOrder => ({
  externalId: 'E-1',
  currency: 'NZD',
  serviceLevel: 'standard',
  shipTo: to,
  lines,
})

describe('channelChanges', () => {
  it('is null when the update says what the hub holds (key order and empty fields aside)', () => {
    const same = {
      country: 'NZ',
      postcode: '1010',
      city: 'Auckland',
      line1: '1 Queen St',
      name: 'Ana',
      line2: '',
    }
    expect(
      channelChanges(
        held([line('a', '1', 2)]),
        update([{ externalLineId: '1', sku: 'SKU-a', quantity: 2 }], same),
      ),
    ).toBeNull()
  })

  it('finds a new address, a new quantity, a removed line and an added one', () => {
    const changes = channelChanges(
      held([line('a', '1', 2), line('b', '2', 1)]),
      update(
        [
          { externalLineId: '1', sku: 'SKU-a', quantity: 3 },
          { externalLineId: '9', sku: 'SKU-new', quantity: 1, unitPrice: '5.00' },
        ],
        { ...shipTo, line1: '2 Queen St' },
      ),
    )
    expect(changes).toEqual({
      shipTo: { ...shipTo, line1: '2 Queen St' },
      lines: [
        { lineId: 'a', quantity: 3 },
        { lineId: 'b', quantity: 0 },
      ],
      addLines: [{ sku: 'SKU-new', quantity: 1, unitPrice: '5.00', externalLineId: '9' }],
    })
  })

  it('counts a mapped line in hub units and keeps what the hub cancelled', () => {
    const packs = line('a', '1', 12, { channelMultiplier: 6, cancelledQty: 6 })
    // The channel still has one pack (6 units) of the two: nothing changed.
    expect(
      channelChanges(held([packs]), update([{ externalLineId: '1', sku: 'PACK', quantity: 1 }])),
    ).toBeNull()
    // Two packs again: 12 units still ordered, 18 with the 6 the hub cancelled.
    expect(
      channelChanges(held([packs]), update([{ externalLineId: '1', sku: 'PACK', quantity: 2 }])),
    ).toEqual({
      lines: [{ lineId: 'a', quantity: 18 }],
    })
  })

  it('leaves alone lines it cannot match (no channel line id on either side)', () => {
    expect(channelChanges(held([line('a', null, 2)]), update([{ sku: 'SKU-a', quantity: 3 }]))).toBeNull()
  })
})
