import { readFileSync } from 'node:fs'
import { isPayloadError } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { parseLossless } from './lossless-json'
import { addDecimals, orderEvent, toCanonicalOrder } from './map-order'
import type { ShopifyOrder } from './types'

const fixture = readFileSync(new URL('../fixtures/orders-create.json', import.meta.url), 'utf8')

describe('Shopify order mapping', () => {
  it('maps the reference fixture: ids as strings, money as decimal strings, shop-offset dates', () => {
    const order = toCanonicalOrder(parseLossless(fixture) as ShopifyOrder)
    expect(order).toMatchObject({
      externalId: '5940139491234',
      orderNumber: '#1001',
      placedAt: '2025-01-15T10:30:00-05:00',
      currency: 'USD',
      total: '62.49',
      shippingTotal: '2.99',
      serviceLevel: 'standard',
      shipTo: {
        name: 'Jane Doe',
        line1: '100 Main St',
        line2: 'Apt 2',
        region: 'IL',
        postcode: '62701',
        country: 'US',
      },
      customer: { externalId: '6147919642668', email: 'jane.doe@example.com' },
    })
    expect(order.lines).toEqual([
      {
        externalLineId: '13688971493691',
        sku: 'WID-RED-S',
        quantity: 2,
        unitPrice: '12.50',
        name: 'Red Widget',
      },
      {
        externalLineId: '13688971526459',
        sku: 'WID-BLU-M',
        quantity: 1,
        unitPrice: '30.00',
        name: 'Blue Widget',
      },
    ])
  })

  it('keeps ids above 2^53 exact, and only outside strings', () => {
    const parsed = parseLossless(
      '{"id":820982911946154508,"note":"id 820982911946154508","n":12,"x":-12345678901234567,"f":1.5}',
    ) as Record<string, unknown>
    expect(parsed).toEqual({
      id: '820982911946154508',
      note: 'id 820982911946154508',
      n: 12,
      x: '-12345678901234567',
      f: 1.5,
    })
    expect(JSON.parse('{"id":820982911946154508}').id).not.toBe(820982911946154508n.toString())
  })

  it('refuses a line without sku naming the field', () => {
    const order = parseLossless(fixture) as ShopifyOrder
    order.line_items![1]!.sku = ''
    try {
      toCanonicalOrder(order)
      expect.unreachable()
    } catch (error) {
      expect(isPayloadError(error)).toBe(true)
      expect((error as { issues: { field: string }[] }).issues[0]!.field).toBe('line_items[1].sku')
    }
  })

  it('does not take an order Shopify already fulfilled, or one with nothing to ship', () => {
    const order = parseLossless(fixture) as ShopifyOrder
    expect(orderEvent({ ...order, fulfillment_status: 'fulfilled' }).type).toBe('ignored')
    expect(
      orderEvent({ ...order, line_items: order.line_items!.map((l) => ({ ...l, requires_shipping: false })) })
        .type,
    ).toBe('ignored')
    expect(orderEvent({ ...order, cancelled_at: '2025-01-15T11:00:00-05:00' }).type).toBe('order.cancelled')
  })

  it('reads an orders/updated as the order as it is now: edited quantities, removed lines left out', () => {
    const order = parseLossless(fixture) as ShopifyOrder
    const [first, second] = order.line_items!
    const edited = {
      ...order,
      line_items: [
        { ...first!, current_quantity: first!.quantity + 1 },
        { ...second!, current_quantity: 0 },
      ],
    }
    const event = orderEvent(edited, 'orders/updated')
    expect(event.type).toBe('order.updated')
    if (event.type !== 'order.updated') return
    expect(event.order.lines).toEqual([
      expect.objectContaining({ externalLineId: String(first!.id), quantity: first!.quantity + 1 }),
    ])
    expect(orderEvent(order).type).toBe('order')
  })

  it('adds decimal strings exactly', () => {
    expect(addDecimals(['0.10', '0.20'])).toBe('0.30')
    expect(addDecimals(['2.99', '10', '0.005'])).toBe('12.995')
    expect(addDecimals(['-1.50', '1.25'])).toBe('-0.25')
  })
})
