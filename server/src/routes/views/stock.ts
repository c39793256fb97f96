import { z } from 'zod'

/** The response shapes of the stock routes (core's PoolView, ReservationView, SkuAvailability). */
export const poolView = z
  .object({
    id: z.string(),
    channelInstanceId: z.string(),
    sku: z.string(),
    locationId: z.string().nullable(),
    protectedQty: z.number(),
    remaining: z.number(),
    mayBorrow: z.boolean(),
    capUnits: z.number().nullable(),
    capPercent: z.number().nullable(),
    updatedAt: z
      .string()
      .meta({ description: 'The last write: a setting, or an allocation that moved remaining' }),
  })
  .meta({ id: 'Pool' })

export const reservationView = z
  .object({
    id: z.string(),
    channelInstanceId: z.string(),
    status: z.enum(['active', 'converted', 'released', 'expired']),
    reference: z.string().nullable(),
    expiresAt: z.string(),
    orderId: z.string().nullable(),
    lines: z.array(z.object({ sku: z.string(), locationId: z.string(), quantity: z.number() })),
  })
  .meta({ id: 'Reservation' })

export const skuAvailability = z
  .object({
    sku: z.string(),
    total: z
      .number()
      .meta({ description: "Shared available-to-promise across locations (no channel's pools)" }),
    channel: z
      .object({ channelInstanceId: z.string(), total: z.number() })
      .optional()
      .meta({ description: 'What the channel may take across locations, its pools and caps applied' }),
    locations: z.array(
      z.object({
        locationId: z.string(),
        onHand: z.number(),
        allocated: z.number(),
        reserved: z.number(),
        protected: z.number(),
        available: z.number(),
        availableToChannel: z.number().optional(),
        inbound: z
          .number()
          .optional()
          .meta({ description: 'With `on` only: open inbound supply expected here on or before that day' }),
        availableOn: z
          .number()
          .optional()
          .meta({ description: 'With `on` only: `available` plus `inbound`' }),
      }),
    ),
    on: z
      .object({
        on: z.string(),
        inbound: z.number(),
        backordered: z
          .number()
          .meta({ description: 'Units backordered orders wait for: they take arriving supply first' }),
        total: z.number().meta({ description: '`total` now, plus inbound by that day, less `backordered`' }),
        preorder: z
          .object({
            cap: z.number().nullable(),
            room: z.number().meta({ description: 'Units pre-orders may still take of open supply' }),
          })
          .optional(),
      })
      .optional()
      .meta({ description: 'With `on` (YYYY-MM-DD) only: availability by that day from inbound supply' }),
    components: z
      .array(z.object({ sku: z.string(), quantity: z.number() }))
      .optional()
      .meta({
        description:
          'A kit only: its bill of materials. Its figures are the whole kits its components make at each location where all of them are stocked; allocated, reserved and protected read 0 (they belong to the components)',
      }),
    promise: z
      .object({
        promiseDate: z.string(),
        shipDate: z.string(),
        locationId: z.string(),
        estimated: z.boolean(),
      })
      .nullable()
      .optional()
      .meta({ description: 'With a destination only: the earliest delivery the live rules would promise' }),
  })
  .meta({ id: 'SkuAvailability' })
