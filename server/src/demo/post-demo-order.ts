/**
 * `pnpm demo:order [count]`: posts signed demo orders to a hub running the demo, the way a
 * storefront would, and prints what the hub answered.
 */
import { randomUUID } from 'node:crypto'
import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { demoProducts } from './world'

const hub = process.env.SWITCHYARD_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`
const secret = process.env.SWITCHYARD_DEMO_CHANNEL_SECRET || 'demo-channel-secret'
const count = Number(process.argv[2] ?? 1)
const places = [
  { city: 'Auckland', postcode: '1010', lat: -36.8485, lon: 174.7633 },
  { city: 'Wellington', postcode: '6011', lat: -41.2865, lon: 174.7762 },
  { city: 'Christchurch', postcode: '8011', lat: -43.5321, lon: 172.6362 },
  { city: 'Sydney', postcode: '2000', lat: -33.8688, lon: 151.2093, country: 'AU' },
]

for (let i = 0; i < count; i++) {
  const place = places[Math.floor(Math.random() * places.length)]!
  const lines = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => {
    const p = demoProducts[Math.floor(Math.random() * demoProducts.length)]!
    return { sku: p.sku, quantity: 1 + Math.floor(Math.random() * 2), unitPrice: '29.90' }
  })
  const body = JSON.stringify({
    externalId: `DEMO-${randomUUID().slice(0, 8).toUpperCase()}`,
    currency: place.country === 'AU' ? 'AUD' : 'NZD',
    customer: { email: 'demo.buyer@example.nz', name: 'Demo Buyer' },
    shipTo: { name: 'Demo Buyer', line1: '1 Demo Street', country: 'NZ', ...place },
    lines,
  })
  const res = await fetch(`${hub}/webhooks/demo-web/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signTimestamped(secret, body) },
    body,
  })
  process.stdout.write(`${res.status} ${await res.text()}\n`)
}
