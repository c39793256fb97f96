import { sampleFulfilmentRequest } from '@switchyard/plugin-sdk/testing'
import { describe, expect, it } from 'vitest'
import { shipbobConfig } from './config'
import { toShipbobOrder } from './map'

describe('toShipbobOrder', () => {
  const config = (locations: Record<string, string>) =>
    shipbobConfig.parse({ apiToken: 't', channelId: '1', webhookSecret: 'w', locations })

  it('asks for the fulfillment centre mapped to the hub location routing chose (the lowest of several)', () => {
    const request = {
      ...sampleFulfilmentRequest(),
      location: { ...sampleFulfilmentRequest().location, id: 'akl' },
    }
    expect(toShipbobOrder(request, config({ '12': 'akl', '7': 'akl', '9': 'chc' })).location_id).toBe(7)
  })

  it('leaves the choice to ShipBob for a location no centre maps to', () => {
    const request = {
      ...sampleFulfilmentRequest(),
      location: { ...sampleFulfilmentRequest().location, id: 'wlg' },
    }
    expect(toShipbobOrder(request, config({ '7': 'akl' }))).not.toHaveProperty('location_id')
  })
})
