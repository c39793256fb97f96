import type { CarrierCalendar, LaneInput } from '@switchyard/core'
import type { RuleProperties } from '@switchyard/core/rules'

/**
 * The demo's sourcing rules, as the editor would save them: rule names are editor node ids.
 * Dangerous goods only from licensed sites, high-value goods only from secure sites, big orders
 * held for a person, express buys speed, standard buys cost within the destination country, and a
 * fallback that ships what it can from anywhere and backorders the rest.
 */
export const demoSourcingRules: RuleProperties[] = [
  {
    name: 'hazmat-licensed-only',
    priority: 10,
    conditions: { all: [{ name: 'c-line-hazmat', fact: 'line.hazmat', operator: 'equal', value: true }] },
    event: {
      type: 'restrict',
      params: { tags: ['hazmat-licensed'], reason: 'Dangerous goods ship only from licensed sites' },
    },
  },
  {
    name: 'high-value-secure-only',
    priority: 10,
    conditions: {
      all: [{ name: 'c-line-high-value', fact: 'line.highValue', operator: 'equal', value: true }],
    },
    event: {
      type: 'restrict',
      params: { tags: ['secure'], reason: 'High-value goods ship only from secure sites' },
    },
  },
  {
    name: 'hold-large-orders',
    priority: 20,
    conditions: {
      all: [{ name: 'c-total-over-5000', fact: 'order.total', operator: 'greaterThan', value: 5000 }],
    },
    event: { type: 'hold', params: { reason: 'Orders over 5,000 are checked by a person before they ship' } },
  },
  {
    name: 'stores-keep-walk-in-capacity',
    priority: 5,
    conditions: {
      all: [
        { name: 'c-is-store', fact: 'location.type', operator: 'equal', value: 'store' },
        { name: 'c-store-nearly-full', fact: 'location.capacityLeft', operator: 'lessThan', value: 10 },
      ],
    },
    event: {
      type: 'exclude',
      params: { reason: 'Stores keep their last 10 orders of the day for walk-in customers' },
    },
  },
  {
    name: 'strategy-express',
    conditions: {
      all: [
        { name: 'c-express', fact: 'order.serviceLevel', operator: 'in', value: ['express', 'overnight'] },
      ],
    },
    event: {
      type: 'strategy',
      params: {
        id: 'express',
        label: 'Express: fastest',
        sequence: 10,
        criteria: { transitDays: 10, shippingCost: 1 },
        split: { policy: 'allowed', maxShipments: 2 },
      },
    },
  },
  {
    name: 'strategy-standard-domestic',
    conditions: {
      all: [
        {
          name: 'c-not-express',
          fact: 'order.serviceLevel',
          operator: 'notIn',
          value: ['express', 'overnight'],
        },
      ],
    },
    event: {
      type: 'strategy',
      params: {
        id: 'standard',
        label: 'Standard: cheapest, in-country',
        sequence: 20,
        filters: { countries: 'destination' },
        criteria: { shippingCost: 10, transitDays: 1 },
        split: { policy: 'allowed', maxShipments: 2 },
      },
    },
  },
  {
    name: 'strategy-fallback',
    conditions: { all: [] },
    event: {
      type: 'strategy',
      params: {
        id: 'fallback',
        label: 'Anywhere, part now, rest backordered',
        sequence: 100,
        fallback: true,
        split: { policy: 'allowed', maxShipments: 3 },
        unfillable: { action: 'backorder' },
      },
    },
  },
]

export const demoCalendars: CarrierCalendar[] = [
  {
    id: 'nz-post',
    name: 'NZ Post',
    nonDeliveryDays: ['sat', 'sun'],
    holidays: ['2026-12-25', '2026-12-28', '2027-01-01', '2027-01-04', '2027-02-08'],
  },
  {
    id: 'auspost',
    name: 'Australia Post',
    nonDeliveryDays: ['sat', 'sun'],
    holidays: ['2026-12-25', '2026-12-28', '2027-01-01', '2027-01-26'],
  },
]

export const demoLanes: LaneInput[] = [
  {
    id: 'nzpost-std-nz',
    carrier: 'NZ Post',
    serviceLevel: 'standard',
    destCountry: 'NZ',
    transitDays: 2,
    cost: '6.50',
    currency: 'NZD',
    calendarId: 'nz-post',
  },
  {
    id: 'nzpost-exp-nz',
    carrier: 'NZ Post',
    serviceLevel: 'express',
    destCountry: 'NZ',
    transitDays: 1,
    cost: '12.00',
    currency: 'NZD',
    calendarId: 'nz-post',
  },
  {
    id: 'nzpost-std-akl-local',
    carrier: 'NZ Post',
    serviceLevel: 'standard',
    originLocationId: 'akl-dc',
    destCountry: 'NZ',
    destRegion: 'Auckland',
    transitDays: 1,
    cost: '5.00',
    currency: 'NZD',
    calendarId: 'nz-post',
  },
  {
    id: 'nzpost-std-wlg-local',
    carrier: 'NZ Post',
    serviceLevel: 'standard',
    originLocationId: 'wlg-store',
    destCountry: 'NZ',
    destPostcodePrefix: '60',
    transitDays: 1,
    cost: '4.50',
    currency: 'NZD',
    calendarId: 'nz-post',
  },
  {
    id: 'auspost-std-au',
    carrier: 'Australia Post',
    serviceLevel: 'standard',
    destCountry: 'AU',
    transitDays: 3,
    cost: '9.95',
    currency: 'AUD',
    calendarId: 'auspost',
  },
  {
    id: 'auspost-exp-au',
    carrier: 'Australia Post',
    serviceLevel: 'express',
    destCountry: 'AU',
    transitDays: 1,
    cost: '19.95',
    currency: 'AUD',
    calendarId: 'auspost',
  },
]
