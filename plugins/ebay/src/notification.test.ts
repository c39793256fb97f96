import { describe, expect, it } from 'vitest'
import { challengeResponse, readSignatureHeader, verifyNotification } from './notification'

/**
 * eBay's own published test vector for MARKETPLACE_ACCOUNT_DELETION (event-notification-nodejs-sdk,
 * test/test.json, "VALID"): a real eBay key and a signature eBay made, so the scheme is checked
 * against eBay rather than against our reading of it.
 */
const ebayKey =
  '-----BEGIN PUBLIC KEY-----MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEZhhxXKtR+TOvtDbgTPCkSof02qgBB7IsYOyf76ilExJ/upAa/vKIKheOoCyOpcLmi4t0b4uepb7LLjmMr90FUg==-----END PUBLIC KEY-----'
const ebayHeader =
  'eyJhbGciOiJlY2RzYSIsImtpZCI6Ijk5MzYyNjFhLTdkN2ItNDYyMS1hMGYxLTk2Y2NiNDI4YWY0OSIsInNpZ25hdHVyZSI6Ik1FWUNJUUNmeGZJV3V4bVdjSUJRSjljNS9YN2lHREpxczJSQ0dzQkVhQWppbnlycmZBSWhBSVY2d0djVGlCdVY1S0pVaWYyaG9reXJMK1E5c3NIa2FkK214Mm5FRTI1dyIsImRpZ2VzdCI6IlNIQTEifQ=='
const ebayMessage = {
  metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION', schemaVersion: '1.0', deprecated: false },
  notification: {
    notificationId: '49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fed8-442b-9d44-791923bd9a6d',
    eventDate: '2021-03-19T20:43:59.462Z',
    publishDate: '2021-03-19T20:43:59.679Z',
    publishAttemptCount: 1,
    data: {
      username: 'test_user',
      userId: 'ma8vp1jySJC',
      eiasToken: 'nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6wJnY+gAZGEpwmdj6x9nY+seQ==',
    },
  },
}

describe('eBay notification signatures (eBay test vector)', () => {
  const header = readSignatureHeader(ebayHeader)!

  it('reads the X-EBAY-SIGNATURE header', () => {
    expect(header).toMatchObject({
      alg: 'ecdsa',
      kid: '9936261a-7d7b-4621-a0f1-96ccb428af49',
      digest: 'SHA1',
    })
  })

  it('accepts the message eBay signed, sent compact or pretty-printed', () => {
    expect(verifyNotification(Buffer.from(JSON.stringify(ebayMessage)), ebayKey, header.signature!)).toBe(
      true,
    )
    expect(
      verifyNotification(Buffer.from(JSON.stringify(ebayMessage, null, 2)), ebayKey, header.signature!),
    ).toBe(true)
  })

  it('refuses the same signature over a changed message', () => {
    const changed = structuredClone(ebayMessage)
    changed.notification.data.userId = 'someoneElse'
    expect(verifyNotification(Buffer.from(JSON.stringify(changed)), ebayKey, header.signature!)).toBe(false)
    expect(verifyNotification(Buffer.from('not json'), ebayKey, header.signature!)).toBe(false)
  })
})

describe('eBay endpoint challenge', () => {
  it('is the hex SHA-256 of challenge code, verification token and endpoint, in that order', () => {
    // Computed independently: printf '%s' 'abc''tokentokentokentokentokentokentoken''https://h.example/e' | sha256sum
    expect(challengeResponse('abc', 'tokentokentokentokentokentokentoken', 'https://h.example/e')).toBe(
      'ab6a604e52356fd2eea8a7d9700782360ba63885313c62e0e8e6f3715d805369',
    )
  })
})
