import type { FulfilmentRequest } from '../canonical/fulfilment'
import type { OrderStatusUpdate } from '../canonical/status'

/** A fulfilment request as the hub sends one, for exercising a WMS plugin's outbound call. */
export function sampleFulfilmentRequest(overrides: Partial<FulfilmentRequest> = {}): FulfilmentRequest {
  return {
    fulfilmentId: '01960000-0000-7000-8000-000000000001',
    orderId: '01960000-0000-7000-8000-0000000000aa',
    externalOrderId: 'EXT-1001',
    orderNumber: '#1001',
    channelInstanceId: 'web',
    location: { id: 'akl', name: 'Auckland DC' },
    shipTo: { name: 'Jane Doe', line1: '1 Queen St', city: 'Auckland', postcode: '1010', country: 'NZ' },
    serviceLevel: 'standard',
    lines: [{ lineId: 'l1', sku: 'SKU-A', quantity: 2, name: 'Merino tee' }],
    requestedAt: '2026-01-15T10:00:00.000Z',
    ...overrides,
  }
}

/** A "shipped" status update with one shipment, for exercising a channel plugin's status push. */
export function sampleShippedUpdate(overrides: Partial<OrderStatusUpdate> = {}): OrderStatusUpdate {
  return {
    orderId: '01960000-0000-7000-8000-0000000000aa',
    externalOrderId: 'EXT-1001',
    orderNumber: '#1001',
    status: 'shipped',
    previousStatus: 'released',
    lines: [
      {
        externalLineId: '1',
        sku: 'SKU-A',
        quantity: 2,
        allocated: 0,
        backordered: 0,
        shipped: 2,
        cancelled: 0,
      },
    ],
    shipments: [
      {
        fulfilmentId: '01960000-0000-7000-8000-000000000001',
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        shippedAt: '2026-01-16T10:00:00.000Z',
        lines: [{ externalLineId: '1', sku: 'SKU-A', quantity: 2 }],
      },
    ],
    occurredAt: '2026-01-16T10:00:00.000Z',
    ...overrides,
  }
}
