import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

/**
 * pending: no WMS to send it to; requested: on its way; accepted: the WMS took it; shipped;
 * cancelling: the hub asked the WMS to cancel it and waits for the answer; cancelled;
 * rejected: the WMS refused the order; failed: the request could not be delivered (dead in the
 * outbox) and waits for an operator's retry.
 */
export type FulfilmentStatus =
  | 'pending'
  | 'requested'
  | 'accepted'
  | 'shipped'
  | 'cancelling'
  | 'cancelled'
  | 'rejected'
  | 'failed'

/**
 * A shipment request to one location; carries the tracking once the WMS confirms it shipped. A
 * warehouse hold (`holdReason`, `heldAt`) is beside the status, not a status: the fulfilment is
 * still accepted (it may ship, be cancelled or rejected from there), and nothing about stock or the
 * order's state changes while it is held. Shipping, cancelling or rejecting it clears the hold.
 */
export class Fulfilment {
  id!: string
  orderId!: string
  locationId!: string
  wmsInstanceId?: string | null
  status!: FulfilmentStatus
  externalRef?: string | null
  carrier?: string | null
  trackingNumber?: string | null
  trackingUrl?: string | null
  externalShipmentId?: string | null
  shippedAt?: Date | null
  reason?: string | null
  /** Why the warehouse holds it (its own words), while it does; null otherwise. */
  holdReason?: string | null
  /** Since when the warehouse holds it. */
  heldAt?: Date | null
  createdAt!: Date
  updatedAt!: Date
}

export const FulfilmentSchema = new EntitySchema<Fulfilment>({
  class: Fulfilment,
  tableName: 'fulfilment',
  indexes: [
    { properties: ['orderId'] },
    // The orders list's "cancel requested" queue (Migration20261206070000_order_search).
    {
      name: 'fulfilment_cancelling_idx',
      expression:
        "create index fulfilment_cancelling_idx on fulfilment (order_id) where status = 'cancelling'",
    },
    // The orders list's "held at warehouse" queue (Migration20261206140000_fulfilment_hold).
    {
      name: 'fulfilment_held_idx',
      expression: 'create index fulfilment_held_idx on fulfilment (order_id) where hold_reason is not null',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: foreignKey('Order', { withinOrder: true }),
    locationId: foreignKey('Location'),
    wmsInstanceId: { type: 'string', length: 64, nullable: true },
    status: { type: 'string', length: 16 },
    externalRef: { type: 'string', length: 200, nullable: true },
    carrier: { type: 'string', length: 100, nullable: true },
    trackingNumber: { type: 'string', length: 200, nullable: true },
    trackingUrl: { type: 'string', length: 500, nullable: true },
    externalShipmentId: { type: 'string', length: 200, nullable: true },
    shippedAt: { type: EpochMsType, nullable: true },
    reason: { type: 'text', nullable: true },
    holdReason: { type: 'text', nullable: true },
    heldAt: { type: EpochMsType, nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
