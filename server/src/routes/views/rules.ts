import { z } from 'zod'

/** The response shapes of the rule and carrier routes (core's rule set, version and lane views). */
export const factDefinition = z
  .object({
    id: z.string(),
    scope: z.string(),
    type: z.string(),
    nullable: z.boolean(),
    description: z.string(),
    values: z.string().optional().meta({ description: 'Which list of `values` the editor picks from' }),
    unit: z.string().optional(),
    operators: z.array(z.string()),
    decorators: z.array(z.string()),
  })
  .meta({ id: 'FactDefinition' })

const named = z.object({ id: z.string(), name: z.string() })

export const ruleFacts = z.object({
  facts: z.array(factDefinition),
  actions: z.array(z.string()),
  criteria: z.array(z.string()),
  values: z.object({
    channels: z.array(z.string()),
    locations: z.array(named.extend({ type: z.string() })),
    tags: z.array(z.string()),
    countries: z.array(z.string()),
    serviceLevels: z.array(z.string()),
    deliveryMethods: z.array(z.string()).meta({ description: 'ship, or pickup (click and collect)' }),
    locationTypes: z.array(z.string()),
    weekdays: z.array(z.string()),
    categories: z.array(z.string()),
    tiers: z.array(z.string()).meta({ description: 'Customer tiers customers have' }),
    segments: z.array(z.string()).meta({ description: 'Customer segments customers have' }),
    currencies: z.array(z.string()).meta({ description: 'Currencies of the last 1,000 orders received' }),
    orderTags: z.array(z.string()).meta({ description: 'Tags the last 1,000 orders received carry' }),
    productTags: z.array(z.string()).meta({ description: 'Tags products carry' }),
  }),
})

export const pricingFacts = z.object({
  facts: z.array(factDefinition),
  actions: z.array(z.string()),
  values: z.object({
    channels: z.array(z.string()),
    priceLists: z.array(named),
    weekdays: z.array(z.string()),
    productTags: z.array(z.string()).meta({ description: 'Tags products carry' }),
  }),
})

export const ruleSetView = z
  .object({
    id: z.string(),
    kind: z.enum(['sourcing', 'pricing', 'returns']),
    name: z.string(),
    description: z.string().nullable(),
    liveVersion: z.number().nullable(),
    latestVersion: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string().meta({
      description:
        'The last change to what this shows: a version added, published or archived, or a published version taking effect (then its effective-from), so `updatedSince` sees a new live version',
    }),
  })
  .meta({ id: 'RuleSet' })

const versionHead = z.object({
  id: z.string(),
  ruleSetId: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'published', 'archived']),
  settings: z
    .object({ timezone: z.string().optional().meta({ description: 'IANA zone of the time facts' }) })
    .nullable(),
  author: z.string().nullable(),
  comment: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  etag: z.string().meta({ description: 'This saved state as an entity tag: send it as If-Match' }),
})

export const ruleSetWithVersions = ruleSetView.extend({ versions: z.array(versionHead) })

/** A json-rules-engine condition: a fact test, or all / any / not of conditions (recursive). */
const factCondition = z.object({
  fact: z.string(),
  operator: z.string(),
  value: z.unknown().meta({ description: 'Any JSON, or `{ fact: … }` naming another fact' }),
  path: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional().meta({ description: 'Parameters of a computed fact' }),
  name: z.string().optional(),
  priority: z.number().optional(),
})
const condition: z.ZodType = z
  .lazy(() =>
    z.union([
      z.object({ all: z.array(condition), name: z.string().optional(), priority: z.number().optional() }),
      z.object({ any: z.array(condition), name: z.string().optional(), priority: z.number().optional() }),
      z.object({ not: condition, name: z.string().optional(), priority: z.number().optional() }),
      factCondition,
    ]),
  )
  .meta({ id: 'RuleCondition' })

/** One json-rules-engine rule as the hub stores it; the editor's node id travels in `name`. */
const ruleProperties = z
  .object({
    name: z.string().optional(),
    priority: z.number().optional(),
    conditions: condition,
    event: z.object({
      type: z.string(),
      params: z.record(z.string(), z.unknown()).optional().meta({ description: "The action's parameters" }),
    }),
  })
  .meta({ id: 'Rule' })

export const ruleSetVersion = versionHead
  .extend({
    rules: z.array(ruleProperties).meta({ description: 'json-rules-engine rules' }),
    graph: z.unknown().meta({ description: "The editor's graph document, stored as it was sent" }),
  })
  .meta({ id: 'RuleSetVersion' })

const ruleIssue = z.object({
  code: z.string(),
  rule: z.string(),
  condition: z.string().optional(),
  field: z
    .string()
    .meta({ description: 'Where in the submitted JSON: `rules[2].conditions.all[0].operator`' }),
  message: z.string(),
})

export const validationReport = z
  .object({ valid: z.boolean(), errors: z.array(ruleIssue), warnings: z.array(ruleIssue) })
  .meta({ id: 'ValidationReport' })

export const versionWithValidation = z.object({ version: ruleSetVersion, validation: validationReport })

export const carrierLane = z
  .object({
    id: z.string(),
    carrier: z.string(),
    serviceLevel: z.string(),
    originLocationId: z.string().nullable(),
    destCountry: z.string(),
    destRegion: z.string().nullable(),
    destPostcodePrefix: z.string().nullable(),
    transitDays: z.number(),
    costMinor: z.number(),
    currency: z.string(),
    calendarId: z.string().nullable(),
    updatedAt: z.string().meta({ description: 'When it was last written' }),
  })
  .meta({ id: 'CarrierLane' })

export const carrierCalendar = z
  .object({
    id: z.string(),
    name: z.string(),
    nonDeliveryDays: z.array(z.string()),
    holidays: z.array(z.string()),
    updatedAt: z.string().meta({ description: 'When it was last written' }),
  })
  .meta({ id: 'CarrierCalendar' })

const conditionReason = z.object({
  condition: z.string(),
  fact: z.string(),
  operator: z.string(),
  value: z.unknown().meta({ description: "The rule's value (any JSON)" }),
  factValue: z.unknown().meta({ description: 'The fact value the condition saw (any JSON)' }),
})

const exclusion = z.object({
  rule: z.string().meta({ description: 'The rule (editor node id) or built-in check (`capacity`, …)' }),
  reason: z.string(),
  action: z.string().optional(),
  conditions: z.array(conditionReason).optional(),
  lineIds: z.array(z.string()).optional(),
  strategies: z.array(z.string()).optional(),
})

const candidate = z
  .object({
    locationId: z.string(),
    name: z.string().optional(),
    distanceKm: z.number().nullable(),
    canShip: z.array(z.string()),
    excluded: exclusion.optional(),
    partialExclusions: z.array(exclusion).optional(),
    chosen: z.boolean(),
    score: z.record(z.string(), z.number()).optional().meta({ description: 'Weighted cost per criterion' }),
    transitDays: z.number().optional(),
    shippingCost: z.string().optional(),
    supplierCost: z.string().optional().meta({
      description:
        "A drop-ship supplier: its unit costs × the units it could ship of each line, in the shipping cost's currency; weighed with the shipping cost",
    }),
    capacityLeft: z.number().nullable().optional(),
    estimatedLane: z.boolean().optional(),
  })
  .meta({ id: 'RoutingCandidate' })

const plannedShipment = z.object({
  locationId: z.string(),
  lineIds: z.array(z.string()),
  carrier: z.string(),
  serviceLevel: z.string(),
  transitDays: z.number(),
  shippingCost: z.string(),
  currency: z.string(),
  shipDate: z.string(),
  promiseDate: z.string(),
  estimated: z.boolean(),
})

export const simulation = z.object({
  plan: z
    .object({
      assignments: z
        .array(
          z.object({ lineId: z.string(), sku: z.string(), locationId: z.string(), quantity: z.number() }),
        )
        .meta({ description: 'Where each line goes, and how many' }),
      unfilled: z.array(z.object({ lineId: z.string(), sku: z.string(), quantity: z.number() })),
      hold: z.object({ reason: z.string(), rule: z.string().optional() }).optional(),
      strategy: z.string(),
      ruleSetVersionId: z.string().nullable(),
      summary: z.string(),
      candidates: z.array(candidate).meta({ description: "Each candidate location's exclusion or score" }),
      shipments: z.array(plannedShipment).optional(),
      promiseDate: z.string().nullable().optional(),
      unfillable: z
        .object({ action: z.enum(['backorder', 'cancelAfter']), cancelAfter: z.string().optional() })
        .optional(),
      serviceLevel: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional().meta({
        description: 'The rest of the explanation: rules that fired, strategies tried, the facts seen',
      }),
    })
    .meta({ id: 'RoutingPlan' }),
  trace: z.array(
    z.object({
      rule: z.string(),
      action: z.string(),
      scope: z.string(),
      fired: z.boolean().nullable(),
      conditions: z.unknown().meta({ description: 'Each condition with the fact value it saw' }),
    }),
  ),
})

const publishedVsDraft = z.object({ published: z.number(), draft: z.number() })

const backtestOutcome = z.object({
  locations: z.array(z.string()),
  strategy: z.string(),
  cost: z.string(),
  transitDays: z.number().nullable(),
  promiseDate: z.string().nullable(),
  shipments: z.number(),
  backordered: z.number(),
  held: z.boolean(),
})

export const backtest = z.object({
  ruleSetId: z.string(),
  version: z.number(),
  comparedWith: z.union([
    z.object({ ruleSetId: z.string().nullable(), version: z.number().nullable() }),
    z.object({ builtIn: z.boolean() }),
  ]),
  orders: z.number(),
  changed: z.number(),
  costs: z
    .array(
      z.object({
        currency: z.string(),
        orders: z.number().meta({ description: 'Orders of this currency both versions ship in full' }),
        totalDelta: z.string(),
        direction: z.enum(['more', 'less', 'same']),
      }),
    )
    .meta({
      description:
        'Shipping cost change per currency, over orders both versions ship in full (held or backordered orders are counted in holds and backorders, never as savings)',
    }),
  transitDaysDeltaAvg: z.number().nullable(),
  promiseDaysDeltaAvg: z.number().nullable(),
  splits: publishedVsDraft,
  backorders: publishedVsDraft,
  holds: publishedVsDraft,
  changedOrders: z
    .array(
      z.object({
        orderId: z.string(),
        externalOrderId: z.string(),
        before: backtestOutcome,
        after: backtestOutcome,
        summary: z.string(),
      }),
    )
    .meta({ description: 'Up to 200 orders the draft routes differently' }),
  note: z.string(),
})
