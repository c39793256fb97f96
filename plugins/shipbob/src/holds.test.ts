import { describe, expect, it } from 'vitest'
import { holdReason, holdState } from './holds'

const hubOrder = (shipments: { id: number; status: string; status_details?: unknown[] }[]) => ({
  id: 1,
  reference_id: '01960000-0000-7000-8000-000000000001',
  tags: [{ name: 'switchyard_order_id', value: 'o-1' }],
  shipments: shipments as never,
})

describe('ShipBob holds', () => {
  it("reads ShipBob's status details as the reason a person acts on", () => {
    expect(
      holdReason({
        status: 'OnHold',
        status_details: [
          { id: 401, name: 'InvalidAddress', description: 'Invalid Address' },
          { id: 404, name: 'MissingTarriffInformation', description: 'Missing Customs Info' },
        ],
      }),
    ).toBe(
      'ShipBob On Hold: Invalid Address (InvalidAddress); Missing Customs Info (MissingTarriffInformation)',
    )
    expect(holdReason({ status: 'Exception', status_details: [{ name: 'OutOfStock' }] })).toBe(
      'ShipBob Exception: OutOfStock',
    )
    expect(holdReason({ status: 'OnHold', status_details: null })).toBe('ShipBob On Hold')
  })

  it('reports a hub order held while any live shipment is stopped, else resumed', () => {
    expect(
      holdState(
        hubOrder([{ id: 1, status: 'OnHold', status_details: [{ description: 'Payment Failure' }] }]),
      ),
    ).toEqual({
      type: 'fulfilment.held',
      fulfilmentId: '01960000-0000-7000-8000-000000000001',
      reason: 'ShipBob On Hold: Payment Failure',
    })
    expect(holdState(hubOrder([{ id: 1, status: 'Processing' }]))).toEqual({
      type: 'fulfilment.resumed',
      fulfilmentId: '01960000-0000-7000-8000-000000000001',
    })
    // A cancelled shipment says nothing; an order with nothing live is not reported.
    expect(holdState(hubOrder([{ id: 1, status: 'Cancelled' }]))).toBeUndefined()
  })

  it('leaves alone orders the hub did not make (no switchyard tag)', () => {
    expect(holdState({ ...hubOrder([{ id: 1, status: 'OnHold' }]), tags: [] })).toBeUndefined()
  })
})
