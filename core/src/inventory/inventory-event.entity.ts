import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'

/** A WMS stock event already applied, keyed by its source and its own id, so it applies once. */
export class InventoryEvent {
  source!: string
  eventId!: string
  kind!: 'snapshot' | 'adjustment'
  sku!: string
  locationId!: string
  quantity!: number
  occurredAt!: Date
  appliedAt!: Date
}

export const InventoryEventSchema = new EntitySchema<InventoryEvent>({
  class: InventoryEvent,
  tableName: 'inventory_event',
  properties: {
    source: { type: 'string', length: 64, primary: true },
    eventId: { type: 'string', length: 200, primary: true },
    kind: { type: 'string', length: 16 },
    sku: { type: 'string', length: 120 },
    locationId: { type: 'string', length: 64 },
    quantity: { type: 'integer' },
    occurredAt: { type: EpochMsType },
    appliedAt: { type: EpochMsType },
  },
})

/** The available quantity last told to a channel for a sku, so only changes are pushed. */
export class ChannelStockPushed {
  channelInstanceId!: string
  sku!: string
  available!: number
  pushedAt!: Date
}

export const ChannelStockPushedSchema = new EntitySchema<ChannelStockPushed>({
  class: ChannelStockPushed,
  tableName: 'channel_stock_pushed',
  properties: {
    channelInstanceId: { type: 'string', length: 64, primary: true },
    sku: { type: 'string', length: 120, primary: true },
    available: { type: 'integer' },
    pushedAt: { type: EpochMsType },
  },
})
