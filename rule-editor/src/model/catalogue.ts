import type { FactDefinition } from './core-rules'
import { factCatalog, operatorsByType } from './core-rules'

/** `GET /api/v1/rules/facts`: the facts rules may test, and the live value lists for pickers. */
export interface FactInfo extends FactDefinition {
  operators: readonly string[]
  decorators: readonly string[]
}

export interface Catalogue {
  facts: FactInfo[]
  actions: string[]
  criteria: string[]
  values: {
    channels: string[]
    locations: { id: string; name: string; type: string }[]
    tags: string[]
    countries: string[]
    serviceLevels: string[]
    /** ship, pickup (`order.deliveryMethod`); absent from hubs before click and collect. */
    deliveryMethods?: string[]
    locationTypes: string[]
    weekdays: string[]
    categories: string[]
    tiers: string[]
    /** Customer segments customers have (sourcing). */
    segments?: string[]
    /** Tags recent orders carry (sourcing); `tags` are the locations'. */
    orderTags?: string[]
    /** Tags products carry (`line.tags`, `order.productTags`). */
    productTags?: string[]
    currencies?: string[]
    /** Pricing: the price lists a rule may choose. */
    priceLists?: { id: string; name: string }[]
  }
}

/** The catalogue compiled into the editor: used until the hub's answers, and by tests. */
export const builtInCatalogue: Catalogue = {
  facts: factCatalog.map((f) => ({ ...f, operators: operatorsByType[f.type], decorators: [] })),
  actions: [],
  criteria: ['shippingCost', 'transitDays', 'distance', 'stockDepth', 'capacity', 'priority', 'split'],
  values: {
    channels: [],
    locations: [],
    tags: [],
    countries: [],
    serviceLevels: ['standard', 'express', 'overnight', 'economy', 'pickup'],
    deliveryMethods: ['ship', 'pickup'],
    locationTypes: ['warehouse', 'store', '3pl', 'dropship'],
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    categories: [],
    tiers: [],
  },
}

/** The options a value picker offers for a fact, as [value, label] pairs; null = free entry. */
export function valueOptions(cat: Catalogue, fact: FactInfo | undefined): [string, string][] | null {
  if (!fact?.values) return null
  const v = cat.values
  switch (fact.values) {
    case 'locations':
      return v.locations.map((l) => [l.id, `${l.name} (${l.id})`])
    case 'channels':
    case 'tags':
    case 'countries':
    case 'serviceLevels':
    case 'locationTypes':
    case 'weekdays':
    case 'categories':
    case 'tiers':
      return (v[fact.values] ?? []).map((x) => [x, x])
    case 'currencies':
      return (v.currencies ?? []).map((x) => [x, x])
    case 'productTags':
      return (v.productTags ?? []).map((x) => [x, x])
    case 'deliveryMethods':
      return (v.deliveryMethods ?? ['ship', 'pickup']).map((x) => [x, x])
    default:
      return null
  }
}

export const operatorLabels: Record<string, string> = {
  equal: 'is',
  notEqual: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'contains',
  doesNotContain: 'does not contain',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is more than',
  greaterThanInclusive: 'is at least',
}

/** "line.hazmat" → "Line: hazmat". */
export function factLabel(id: string): string {
  const [scope, name] = id.split('.', 2)
  const words = (name ?? id).replace(/([A-Z])/g, ' $1').toLowerCase()
  return `${scope ? scope[0]!.toUpperCase() + scope.slice(1) : ''}: ${words}`
}

/** A catalogue answer of another kind (pricing's has fewer lists): the lists it lacks are empty. */
export function normaliseCatalogue(
  raw: Partial<Omit<Catalogue, 'values'>> & { values?: Partial<Catalogue['values']> },
): Catalogue {
  const v = raw.values ?? {}
  return {
    facts: raw.facts ?? [],
    actions: raw.actions ?? [],
    criteria: raw.criteria ?? [],
    values: {
      ...builtInCatalogue.values,
      ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)),
    } as Catalogue['values'],
  }
}
