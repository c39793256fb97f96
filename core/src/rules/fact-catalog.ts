/**
 * The facts sourcing rules may test, typed and documented. The editor builds its pickers from this
 * catalogue (served at GET /api/v1/rules/facts), and the validator checks every condition against
 * it. Scope says what a fact describes, and so how often a rule that tests it is evaluated: once
 * per order, once per line, once per candidate location, or once per line at each location.
 */
export type FactType = 'string' | 'number' | 'boolean' | 'string[]'
export type FactScope = 'order' | 'line' | 'location'

export interface FactDefinition {
  id: string
  scope: FactScope
  type: FactType
  /** May be null (unknown); numeric comparisons with null are false. */
  nullable: boolean
  description: string
  /** Where the editor's value picker gets its options. */
  values?:
    | 'channels'
    | 'locations'
    | 'tags'
    | 'countries'
    | 'serviceLevels'
    | 'locationTypes'
    | 'weekdays'
    | 'categories'
    | 'currencies'
    | 'tiers'
    | 'productTags'
    | 'deliveryMethods'
  unit?: string
}

const f = (
  id: string,
  type: FactType,
  description: string,
  extra: Partial<Omit<FactDefinition, 'id' | 'type' | 'description' | 'scope'>> = {},
): FactDefinition => ({
  id,
  scope: id.split('.')[0] as FactScope,
  type,
  nullable: false,
  description,
  ...extra,
})

export const factCatalog: readonly FactDefinition[] = [
  f('order.channel', 'string', 'The channel instance the order came from', { values: 'channels' }),
  f('order.customerTier', 'string', "The customer's tier (e.g. gold), if the channel sent one", {
    nullable: true,
    values: 'tiers',
  }),
  f('order.customerSegment', 'string', "The customer's segment (e.g. b2b), if known", { nullable: true }),
  f('order.total', 'number', 'Order total in major units of its currency (e.g. 129.90)', {
    unit: 'currency',
  }),
  f('order.currency', 'string', 'ISO 4217 currency of the order', { values: 'currencies' }),
  f('order.serviceLevel', 'string', 'Requested service level (after any rule that sets it)', {
    values: 'serviceLevels',
  }),
  f('order.deliveryMethod', 'string', 'ship, or pickup (click and collect at a store)', {
    values: 'deliveryMethods',
  }),
  f('order.country', 'string', 'Destination country (ISO 3166-1 alpha-2)', { values: 'countries' }),
  f('order.region', 'string', 'Destination region or state, as the channel sent it', { nullable: true }),
  f('order.postcode', 'string', 'Destination postcode, upper case without spaces', { nullable: true }),
  f('order.lineCount', 'number', 'Number of order lines'),
  f('order.unitCount', 'number', 'Total units across lines'),
  f('order.tags', 'string[]', 'Tags the channel put on the order'),
  f('order.skus', 'string[]', 'Skus on the order'),
  f('order.categories', 'string[]', 'Product categories on the order', { values: 'categories' }),
  f('order.productTags', 'string[]', 'Tags of the products on the order, each once (e.g. fragile)', {
    values: 'productTags',
  }),
  f('order.hasHazmat', 'boolean', 'Some line is a hazardous good'),
  f('order.hasHighValue', 'boolean', 'Some line is a high-value good'),
  f('order.weightKg', 'number', 'Total weight of the order in kg (lines without a weight count as 0)', {
    unit: 'kg',
  }),
  f('order.placedHour', 'number', "Hour (0–23) the order was placed, in the rule set's time zone", {
    unit: 'hour',
  }),
  f('order.placedWeekday', 'string', "Weekday the order was placed (mon…sun), in the rule set's time zone", {
    values: 'weekdays',
  }),
  f('line.sku', 'string', 'The line’s sku'),
  f('line.quantity', 'number', 'Units on the line'),
  f('line.category', 'string', 'Product category', { nullable: true, values: 'categories' }),
  f('line.tags', 'string[]', 'Tags of the line’s product (e.g. fragile, lithium)', { values: 'productTags' }),
  f('line.hazmat', 'boolean', 'The product is a hazardous good (dangerous goods rules apply)'),
  f('line.isKit', 'boolean', 'The line is a kit: made of components, shipped whole from one location'),
  f('line.highValue', 'boolean', 'The product is high value (secure handling)'),
  f('line.weightKg', 'number', 'Weight of the whole line in kg', { nullable: true, unit: 'kg' }),
  f('line.value', 'number', 'Line value in major units (unit price × quantity − discount)', {
    unit: 'currency',
  }),
  f('location.id', 'string', 'The candidate location', { values: 'locations' }),
  f('location.type', 'string', 'warehouse, store, 3pl or dropship', { values: 'locationTypes' }),
  f('location.tags', 'string[]', 'Tags of the candidate location (e.g. hazmat-licensed, secure)', {
    values: 'tags',
  }),
  f('location.country', 'string', 'Country the location ships from', { values: 'countries' }),
  f('location.distanceKm', 'number', 'Great-circle distance to the destination in km', { unit: 'km' }),
  f(
    'location.transitDays',
    'number',
    'Carrier transit business days to the destination at the service level',
    { unit: 'days' },
  ),
  f(
    'location.shippingCost',
    'number',
    'Shipping cost of one parcel from here, in major units of the order currency',
    { unit: 'currency' },
  ),
  f('location.capacityLeft', 'number', 'Orders it can still take today (local day); null when unlimited', {
    nullable: true,
    unit: 'orders',
  }),
  f('location.fillShare', 'number', 'Share (0–1) of the order’s units it can fill from its own stock'),
  f('location.priority', 'number', 'Configured priority (lower is preferred)'),
  f('location.acceptsPickup', 'boolean', 'Customers may collect orders here (click and collect)'),
  f('location.stockForLine', 'number', 'Units of this line’s sku available here (line rules only)', {
    unit: 'units',
  }),
]

export const factsById: ReadonlyMap<string, FactDefinition> = new Map(factCatalog.map((d) => [d.id, d]))

/** Operators that make sense for a fact's type (the last part of a decorated operator name). */
export const operatorsByType: Readonly<Record<FactType, readonly string[]>> = {
  string: ['equal', 'notEqual', 'in', 'notIn'],
  number: [
    'equal',
    'notEqual',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
    'in',
    'notIn',
  ],
  boolean: ['equal', 'notEqual'],
  'string[]': ['contains', 'doesNotContain'],
}

/** Decorators the validator accepts, per fact type (json-rules-engine ≥ 6.6 operator decorators). */
export const decoratorsByType: Readonly<Record<FactType, readonly string[]>> = {
  string: ['not', 'someValue', 'everyValue'],
  number: ['not', 'someValue', 'everyValue'],
  boolean: ['not'],
  'string[]': ['not', 'someValue', 'everyValue'],
}
