import { addressSchema, orderStatuses } from '@switchyard/plugin-sdk'
import { z } from 'zod'

/** The response shapes of the order routes (core's OrderSummary and order detail). */
export const orderSummary = z
  .object({
    id: z.string(),
    channelInstanceId: z.string(),
    externalOrderId: z.string(),
    orderNumber: z.string().nullable(),
    status: z.enum(orderStatuses),
    currency: z.string(),
    total: z.string(),
    serviceLevel: z.string(),
    shipTo: z.strictObject({
      country: z.string(),
      region: z.string().optional(),
      postcode: z.string().optional(),
      city: z.string().optional(),
    }),
    email: z.string().nullable(),
    customerName: z.string().nullable(),
    holdReason: z.string().nullable(),
    promiseDate: z
      .string()
      .nullable()
      .meta({ description: 'The promised delivery day (YYYY-MM-DD); null until routed' }),
    placedAt: z.string(),
    receivedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OrderSummary' })

export const routingDecision = z
  .object({
    id: z.string(),
    strategy: z.string(),
    ruleSetVersionId: z.string().nullable(),
    summary: z.string().meta({ description: 'The decision in one paragraph of words' }),
    plan: z.unknown().meta({ description: 'The allocations and shipments the decision made' }),
    explanation: z.unknown().meta({
      description:
        "Stored since issue 21 in compact form (`trace: 'compact'`): the chosen locations with their scores and the best three alternatives with their `cost` in `candidates`; `counts` (active locations, those holding stock, those ranked lower); excluded locations counted by rule in `excluded`, the first three of the largest groups named in `excludedNamed`; the rules that fired by action in `fired`; the strategies tried, the split policy and the `request` as routed. Older decisions list every candidate and `rulesFired`. With `every=true`, every active location with its exclusion or score (a replay of the decision)",
    }),
    createdAt: z.string(),
    replayed: z
      .object({
        at: z.string().meta({ description: 'The instant the order was routed as of' }),
        sameAsStored: z.boolean().meta({
          description:
            'The replay allocated and backordered what the stored decision did (false once stock, locations or lanes have changed since)',
        }),
      })
      .optional()
      .meta({
        description:
          'Present with `every=true`: `explanation` comes from routing the order again, writing nothing',
      }),
  })
  .meta({ id: 'RoutingDecision' })

export const orderDetail = orderSummary
  .extend({
    customerId: z.string().nullable(),
    customer: z
      .object({ email: z.string().nullable(), tier: z.string().nullable(), segment: z.string().nullable() })
      .nullable()
      .meta({ description: 'What rules test of the customer (tier, segment) and who they are (email)' }),
    shipTo: addressSchema,
    billTo: addressSchema.nullable(),
    deliveryMethod: z
      .enum(['ship', 'pickup'])
      .meta({ description: '`pickup`: click and collect at `pickup.locationId`; `ship`: to `shipTo`' }),
    pickup: z
      .object({
        locationId: z.string().meta({ description: 'The store the customer collects from' }),
        readyAt: z
          .string()
          .nullable()
          .meta({ description: 'When the store reported it picked (ready for pickup); null until then' }),
      })
      .nullable()
      .meta({ description: 'Click and collect; null when the order ships' }),
    subtotal: z.string().nullable(),
    shipping: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    holdReason: z.string().nullable(),
    raw: z.unknown().meta({ description: 'The order as the channel sent it' }),
    lines: z.array(
      z.object({
        id: z.string(),
        lineNo: z.number(),
        externalLineId: z.string().nullable(),
        sku: z.string(),
        name: z.string().nullable(),
        quantity: z.number(),
        unitPrice: z.string().nullable(),
        discount: z.string().nullable(),
        allocated: z.number(),
        backordered: z.number(),
        shipped: z.number(),
        cancelled: z.number(),
      }),
    ),
    allocations: z.array(
      z.object({
        id: z.string(),
        lineId: z.string(),
        sku: z.string(),
        locationId: z.string(),
        quantity: z.number(),
        status: z.string(),
        fulfilmentId: z.string().nullable(),
      }),
    ),
    fulfilments: z.array(
      z.object({
        id: z.string(),
        locationId: z.string(),
        wmsInstanceId: z.string().nullable(),
        status: z.string(),
        externalRef: z.string().nullable(),
        carrier: z.string().nullable(),
        trackingNumber: z.string().nullable(),
        trackingUrl: z.string().nullable(),
        shippedAt: z.string().nullable(),
        reason: z.string().nullable(),
        hold: z
          .object({
            reason: z.string().meta({ description: "The warehouse's reason, in its own words" }),
            since: z.string().nullable(),
          })
          .nullable()
          .meta({
            description:
              'Set while the warehouse holds this fulfilment (e.g. ShipBob On Hold: an invalid address) until a person fixes it there; it clears when the warehouse takes it up again, ships or cancels it',
          }),
      }),
    ),
    routingDecision: z.union([routingDecision, z.null()]),
    history: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        data: z.unknown(),
        actor: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'Order' })
