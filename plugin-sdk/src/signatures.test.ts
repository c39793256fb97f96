import { createHmac } from 'node:crypto'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { seal, unseal } from './sealed'
import {
  outboundSignatureHeaders,
  SIGNATURE_HEADER,
  signStandardWebhook,
  signTimestamped,
  verifyBase64Hmac,
  verifyOutboundSignature,
  verifyStandardWebhook,
  verifyTimestamped,
} from './signatures'

// Test vectors from the channel-formats reference (§0.1), computed independently with node:crypto
// and the standardwebhooks package.
const body = Buffer.from('{"id":5940139491234,"name":"#1001","total_price":"59.99"}')

describe('verifyBase64Hmac', () => {
  it('accepts the published Shopify/WooCommerce vector', () => {
    const signature = 'o92MJ8W5qY8jXnqavN9lHy1UMvtlqRDCiUwvXR717qk='
    expect(verifyBase64Hmac({ secrets: ['test_secret'], rawBody: body, signature })).toBe(true)
    expect(verifyBase64Hmac({ secrets: ['old', 'test_secret'], rawBody: body, signature })).toBe(true)
  })

  it('rejects a tampered body, a wrong secret, a missing or malformed header', () => {
    const signature = 'o92MJ8W5qY8jXnqavN9lHy1UMvtlqRDCiUwvXR717qk='
    const tampered = Buffer.from(body.toString().replace('59.99', '0.01'))
    expect(verifyBase64Hmac({ secrets: ['test_secret'], rawBody: tampered, signature })).toBe(false)
    expect(verifyBase64Hmac({ secrets: ['other'], rawBody: body, signature })).toBe(false)
    expect(verifyBase64Hmac({ secrets: ['test_secret'], rawBody: body, signature: undefined })).toBe(false)
    expect(verifyBase64Hmac({ secrets: ['test_secret'], rawBody: body, signature: 'c2hvcnQ=' })).toBe(false)
    expect(verifyBase64Hmac({ secrets: ['test_secret'], rawBody: body, signature: '%%%' })).toBe(false)
  })
})

describe('Standard Webhooks', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
  const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W'
  it('signs the published vector', () => {
    expect(signStandardWebhook(secret, id, 1674087231, body)).toBe(
      'v1,dyrVCAeGWZmoPDqWxDKTpNbp72NPWqw7E6ifXy6LJIg=',
    )
  })

  it('verifies within tolerance, one of several signatures, and refuses stale or forged ones', () => {
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': '1674087231',
      'webhook-signature': 'v1,bm90LWl0 v1,dyrVCAeGWZmoPDqWxDKTpNbp72NPWqw7E6ifXy6LJIg=',
    }
    expect(verifyStandardWebhook({ secret, headers, rawBody: body, nowSec: 1674087231 + 60 })).toEqual({
      ok: true,
    })
    expect(verifyStandardWebhook({ secret, headers, rawBody: body, nowSec: 1674087231 + 600 }).ok).toBe(false)
    expect(
      verifyStandardWebhook({
        secret,
        headers: { ...headers, 'webhook-id': 'msg_other' },
        rawBody: body,
        nowSec: 1674087231,
      }).ok,
    ).toBe(false)
    expect(verifyStandardWebhook({ secret, headers: {}, rawBody: body }).ok).toBe(false)
  })
})

describe('sealed state values', () => {
  it('round-trips, hides the plaintext, and refuses another key or a tampered value', () => {
    const sealed = seal('client-secret', 'lwa-token', 'Atza|token-value')
    expect(sealed).not.toContain('token-value')
    expect(unseal('client-secret', 'lwa-token', sealed)).toBe('Atza|token-value')
    expect(unseal('other-secret', 'lwa-token', sealed)).toBeUndefined()
    expect(unseal('client-secret', 'other-purpose', sealed)).toBeUndefined()
    expect(unseal('client-secret', 'lwa-token', `${sealed.slice(0, -2)}AA`)).toBeUndefined()
    expect(unseal('client-secret', 'lwa-token', 42)).toBeUndefined()
  })
})

describe('outbound webhook signatures', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
  const body = JSON.stringify({ type: 'order.status', update: { status: 'shipped' } })
  const now = Math.floor(Date.now() / 1000)

  it('are Standard Webhooks by default: the reference library verifies them', () => {
    const headers = outboundSignatureHeaders('standard-webhooks', secret, 'msg_1', body, now)
    expect(Object.keys(headers).sort()).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp'])
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body))
    // A body changed on the way, or another message's id, fails.
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow()
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow()
  })

  it('carry the older X-Switchyard-Signature for receivers built before, alone or beside', () => {
    const legacy = outboundSignatureHeaders('switchyard-v1', secret, 'msg_1', body, now)
    expect(Object.keys(legacy)).toEqual([SIGNATURE_HEADER])
    expect(
      verifyTimestamped({ secret, rawBody: Buffer.from(body), header: legacy[SIGNATURE_HEADER] }).ok,
    ).toBe(true)
    const both = outboundSignatureHeaders('both', secret, 'msg_1', body, now)
    expect(new Webhook(secret).verify(body, both)).toBeTruthy()
    expect(verifyTimestamped({ secret, rawBody: Buffer.from(body), header: both[SIGNATURE_HEADER] }).ok).toBe(
      true,
    )
  })

  it('use a secret without the whsec_ prefix as raw key bytes, as the library does with format raw', () => {
    const plain = 'demo-channel-secret'
    const headers = outboundSignatureHeaders('standard-webhooks', plain, 'msg_4', body, now)
    expect(new Webhook(plain, { format: 'raw' }).verify(body, headers)).toEqual(JSON.parse(body))
    expect(verifyOutboundSignature({ secret: plain, headers, rawBody: Buffer.from(body) })).toEqual({
      ok: true,
    })
    expect(verifyOutboundSignature({ secret: 'other', headers, rawBody: Buffer.from(body) }).ok).toBe(false)
  })

  it('our own verifier agrees with the reference library on what it signs', () => {
    const id = 'msg_3'
    const signature = new Webhook(secret).sign(id, new Date(now * 1000), body)
    expect(
      verifyStandardWebhook({
        secret,
        rawBody: Buffer.from(body),
        headers: { 'webhook-id': id, 'webhook-timestamp': String(now), 'webhook-signature': signature },
      }).ok,
    ).toBe(true)
  })
})

describe('X-Switchyard-Signature (t=…,v1=…)', () => {
  const secret = 'rest-secret'
  const raw = Buffer.from('{"externalId":"A-1","note":"caf\u00e9 \u2615"}')
  const t = 1_780_000_000
  // Independently: hex HMAC-SHA256 of the bytes "<t>." followed by the raw body's bytes.
  const mac = createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${t}.`), raw]))
    .digest('hex')

  it('signs "<t>.<raw body>" as the scheme states, from bytes or from the same text', () => {
    expect(signTimestamped(secret, raw, t)).toBe(`t=${t},v1=${mac}`)
    expect(signTimestamped(secret, raw.toString('utf8'), t)).toBe(`t=${t},v1=${mac}`)
  })

  it('accepts that signature and refuses a changed byte, a short, long or non-hex v1 without throwing', () => {
    const verify = (v1: string, body = raw) =>
      verifyTimestamped({ secret, rawBody: body, header: `t=${t},v1=${v1}`, nowSec: t }).ok
    expect(verify(mac)).toBe(true)
    const changed = Buffer.from(raw)
    changed[3] = changed[3]! ^ 1
    expect(verify(mac, changed)).toBe(false)
    expect(verify(mac.slice(0, -2))).toBe(false)
    expect(verify(`${mac}00`)).toBe(false)
    expect(verify(`${mac.slice(0, -1)}g`)).toBe(false)
    expect(verify(`zz${mac.slice(2)}`)).toBe(false)
  })
})
