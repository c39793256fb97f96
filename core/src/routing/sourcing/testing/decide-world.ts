/** The world the sourcing decision tests route in: three NZ locations, their lanes and a rule set. */
import type { CarrierNetwork } from '../../../catalog/carrier-network'
import type { LocationFacts, ProductFacts } from '../../../catalog/facts'
import type { RuleProperties } from '../../../rules/rule-types'
import type { RoutingRequest } from '../../router'
import { compileRuleSet } from '../compiled-rule-set'
import { decide } from '../decide'
import { LaneIndex } from '../lanes'

export const loc = (
  id: string,
  lat: number,
  lon: number,
  extra: Partial<LocationFacts> = {},
): LocationFacts => ({
  id,
  name: id.toUpperCase(),
  type: 'warehouse',
  country: 'NZ',
  region: null,
  postcode: null,
  lat,
  lon,
  timezone: 'Pacific/Auckland',
  tags: [],
  dailyCapacity: null,
  cutoffTime: '15:00',
  shipDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  handlingDays: 0,
  priority: 100,
  acceptsReturns: true,
  wmsInstanceId: null,
  ...extra,
})
export const product = (sku: string, extra: Partial<ProductFacts> = {}): ProductFacts => ({
  sku,
  name: sku,
  category: null,
  hazmat: false,
  highValue: false,
  weightGrams: 100,
  attributes: {},
  tags: [],
  ...extra,
})

export const AKL = loc('akl', -36.9, 174.84, { tags: ['hazmat-licensed', 'secure'] })
export const WLG = loc('wlg', -41.28, 174.77, { type: 'store' })
export const CHC = loc('chc', -43.54, 172.52, { type: '3pl', tags: ['hazmat-licensed'] })
export const LOCATIONS = [AKL, WLG, CHC]
// Tuesday 2026-11-24 10:00 in Auckland.
export const NOW = new Date('2026-11-23T21:00:00Z')

export const network: CarrierNetwork = {
  calendars: new Map([
    ['nzp', { id: 'nzp', name: 'NZ Post', nonDeliveryDays: ['sat', 'sun'], holidays: ['2026-11-26'] }],
  ]),
  lanes: [
    // To Wellington: AKL is fast and dear, CHC slow and cheap, WLG local.
    {
      id: 'akl-std',
      carrier: 'NZP',
      serviceLevel: 'standard',
      originLocationId: 'akl',
      destCountry: 'NZ',
      destRegion: null,
      destPostcodePrefix: null,
      transitDays: 1,
      costMinor: 900,
      currency: 'NZD',
      calendarId: 'nzp',
    },
    {
      id: 'chc-std',
      carrier: 'NZP',
      serviceLevel: 'standard',
      originLocationId: 'chc',
      destCountry: 'NZ',
      destRegion: null,
      destPostcodePrefix: null,
      transitDays: 3,
      costMinor: 500,
      currency: 'NZD',
      calendarId: 'nzp',
    },
    {
      id: 'wlg-std',
      carrier: 'NZP',
      serviceLevel: 'standard',
      originLocationId: 'wlg',
      destCountry: 'NZ',
      destRegion: null,
      destPostcodePrefix: null,
      transitDays: 2,
      costMinor: 700,
      currency: 'NZD',
      calendarId: 'nzp',
    },
    {
      id: 'akl-exp',
      carrier: 'NZP',
      serviceLevel: 'express',
      originLocationId: 'akl',
      destCountry: 'NZ',
      destRegion: null,
      destPostcodePrefix: null,
      transitDays: 1,
      costMinor: 1500,
      currency: 'NZD',
      calendarId: 'nzp',
    },
    {
      id: 'chc-exp',
      carrier: 'NZP',
      serviceLevel: 'express',
      originLocationId: 'chc',
      destCountry: 'NZ',
      destRegion: null,
      destPostcodePrefix: null,
      transitDays: 2,
      costMinor: 1100,
      currency: 'NZD',
      calendarId: 'nzp',
    },
    {
      id: 'wlg-exp',
      carrier: 'NZP',
      serviceLevel: 'express',
      originLocationId: 'wlg',
      destCountry: 'NZ',
      destRegion: null,
      destPostcodePrefix: null,
      transitDays: 2,
      costMinor: 1200,
      currency: 'NZD',
      calendarId: 'nzp',
    },
  ],
}
export const lanes = new LaneIndex(network)

export function request(
  lines: { sku: string; quantity: number; product?: Partial<ProductFacts> }[],
  stock: Record<string, number>,
  extra: Partial<RoutingRequest> & { serviceLevel?: 'standard' | 'express'; totalMinor?: number } = {},
): RoutingRequest {
  return {
    order: {
      id: 'o-1',
      channelInstanceId: 'web',
      serviceLevel: extra.serviceLevel ?? 'standard',
      shipTo: {
        line1: '1 Cuba St',
        city: 'Wellington',
        country: 'NZ',
        postcode: '6011',
        lat: -41.29,
        lon: 174.78,
      },
      placedAt: NOW,
      totalMinor: extra.totalMinor ?? 5000,
      currency: 'NZD',
      tags: [],
    },
    lines: lines.map((l, i) => ({
      lineId: `l${i + 1}`,
      sku: l.sku,
      quantity: l.quantity,
      product: product(l.sku, l.product),
      unitPriceMinor: 1000,
    })),
    locations: LOCATIONS,
    stock: { available: (sku, location) => stock[`${sku}@${location}`] ?? 0 },
    now: NOW,
    ...extra,
  }
}

export const RULES: RuleProperties[] = [
  {
    name: 'n-hazmat',
    conditions: { all: [{ name: 'c-hazmat', fact: 'line.hazmat', operator: 'equal', value: true }] },
    event: { type: 'restrict', params: { tags: ['hazmat-licensed'] } },
  },
  {
    name: 'n-secure',
    conditions: { all: [{ name: 'c-hv', fact: 'line.highValue', operator: 'equal', value: true }] },
    event: { type: 'restrict', params: { tags: ['secure'] } },
  },
  {
    name: 'n-hold',
    conditions: { all: [{ name: 'c-big', fact: 'order.total', operator: 'greaterThan', value: 1000 }] },
    event: { type: 'hold', params: { reason: 'big order' } },
  },
  {
    name: 'n-primary',
    conditions: { all: [] },
    event: { type: 'strategy', params: { id: 'primary', split: { policy: 'allowed', maxShipments: 2 } } },
  },
  {
    name: 'n-fallback',
    conditions: { all: [] },
    event: {
      type: 'strategy',
      params: { id: 'fallback', fallback: true, split: { policy: 'allowed', maxShipments: 2 } },
    },
  },
]
export const ruleSet = compileRuleSet(RULES, { versionId: 'v1', settings: { timezone: 'Pacific/Auckland' } })
export const run = (req: RoutingRequest, rs = ruleSet) => decide(req, { ruleSet: rs, lanes })
