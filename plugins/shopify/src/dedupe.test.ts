import { describe, expect, it } from 'vitest'
import { dedupeOf } from './index'

describe("a Shopify delivery's dedupe key", () => {
  it('is the event id: two subscriptions delivering one event are one delivery', () => {
    const a = dedupeOf({ 'x-shopify-event-id': 'e-1', 'x-shopify-webhook-id': 'w-1' }, 'orders/create')
    const b = dedupeOf({ 'x-shopify-event-id': 'e-1', 'x-shopify-webhook-id': 'w-2' }, 'orders/create')
    expect(a.dedupeKey).toBeDefined()
    expect(a).toEqual(b)
  })

  it('tells events apart, and topics apart', () => {
    const key = (eventId: string, topic: string) =>
      dedupeOf({ 'x-shopify-event-id': eventId, 'x-shopify-webhook-id': 'w-1' }, topic).dedupeKey
    expect(key('e-1', 'orders/create')).not.toBe(key('e-2', 'orders/create'))
    expect(key('e-1', 'orders/create')).not.toBe(key('e-1', 'orders/updated'))
  })

  it('falls back to the webhook id, and to nothing', () => {
    expect(dedupeOf({ 'x-shopify-webhook-id': 'w-9' }, 'orders/create')).toEqual({ dedupeKey: 'shopify:w-9' })
    expect(dedupeOf({}, 'orders/create')).toEqual({})
  })
})
