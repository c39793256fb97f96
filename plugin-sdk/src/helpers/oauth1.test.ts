import { describe, expect, it } from 'vitest'
import {
  oauth1BaseString,
  oauth1Encode,
  oauth1Header,
  oauth1Params,
  oauth1Signature,
  parseOAuth1Header,
  verifyOAuth1Signature,
} from './oauth1'

/** RFC 5849 §1.2: the printer fetching Jane's vacation photo (token credentials, HMAC-SHA1). */
const photos = {
  credentials: {
    consumerKey: 'dpf43f3p2l4k3l03',
    consumerSecret: 'kd94hf93k423kf44',
    token: 'nnch734d00sl2jdk',
    tokenSecret: 'pfkkdhi9sl3r4s00',
  },
  request: { method: 'GET', url: 'http://photos.example.net/photos?file=vacation.jpg&size=original' },
  options: { timestamp: 137131202, nonce: 'chapoH', realm: 'Photos' },
}

describe('OAuth 1.0a (RFC 5849)', () => {
  it('percent-encodes the RFC 3986 reserved characters encodeURIComponent leaves alone', () => {
    expect(oauth1Encode("Ladies + Gentlemen, a signed OAuth request!*'()~._-")).toBe(
      'Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21%2A%27%28%29~._-',
    )
    expect(oauth1Encode('ā☃')).toBe('%C4%81%E2%98%83')
  })

  it("builds §3.4.1.1's base string: query and form parameters decoded, sorted, encoded twice", () => {
    const base = oauth1BaseString(
      {
        method: 'post',
        url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
        form: 'c2&a3=2+q',
      },
      {
        oauth_consumer_key: '9djdj82h48djs9d2',
        oauth_token: 'kkk9d7dh3k39sjv7',
        oauth_signature_method: 'HMAC-SHA1',
        oauth_timestamp: '137131201',
        oauth_nonce: '7d8f3e4a',
      },
    )
    expect(base).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    )
  })

  it("signs §1.2's photo request to the RFC's signature", () => {
    const params = oauth1Params(photos.credentials, photos.request, photos.options)
    expect(params.oauth_signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=')
    const header = oauth1Header(photos.credentials, photos.request, photos.options)
    expect(header).toBe(
      'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131202", oauth_nonce="chapoH", oauth_token="nnch734d00sl2jdk", oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
    )
  })

  it("signs Twitter's published example (form body, oauth_version) to its signature", () => {
    const signature = oauth1Params(
      {
        consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
        consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
        token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
        tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
      },
      {
        method: 'POST',
        url: 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true',
        form: { status: 'Hello Ladies + Gentlemen, a signed OAuth request!' },
      },
      { timestamp: 1318622958, nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg', version: true },
    ).oauth_signature
    expect(signature).toBe('hCtSmYh+iHYCEqBWrE7C7hYmtUk=')
  })

  it('sends the encoded secrets as a PLAINTEXT signature (§3.4.4, §1.2)', () => {
    expect(oauth1Signature('PLAINTEXT', '', 'ja893SD9')).toBe('ja893SD9&')
    const header = oauth1Header(
      { consumerKey: 'C5FB', consumerSecret: 'se&cret', token: 't', tokenSecret: 'ts' },
      { method: 'GET', url: 'https://api.tmsandbox.co.nz/v1/MyTradeMe/SoldItems/Last24Hours.json' },
      { signatureMethod: 'PLAINTEXT', timestamp: 1, nonce: 'n' },
    )
    expect(parseOAuth1Header(header)?.oauth_signature).toBe('se%26cret&ts')
  })

  it('verifies what it signed, and refuses a changed query, method or secret', () => {
    const request = { method: 'GET', url: 'https://api.trademe.co.nz/v1/Selling/Listings/42.json?x=1' }
    const credentials = { consumerKey: 'k', consumerSecret: 'cs', token: 't', tokenSecret: 'ts' }
    for (const signatureMethod of ['HMAC-SHA1', 'PLAINTEXT'] as const) {
      const authorization = oauth1Header(credentials, request, { signatureMethod })
      const secrets = { consumerSecret: 'cs', tokenSecret: 'ts' }
      expect(verifyOAuth1Signature({ ...request, authorization }, secrets)).toBe(true)
      expect(verifyOAuth1Signature({ ...request, authorization }, { ...secrets, tokenSecret: 'x' })).toBe(
        false,
      )
      if (signatureMethod === 'HMAC-SHA1') {
        expect(verifyOAuth1Signature({ ...request, url: `${request.url}2`, authorization }, secrets)).toBe(
          false,
        )
        expect(verifyOAuth1Signature({ ...request, method: 'POST', authorization }, secrets)).toBe(false)
      }
    }
    expect(verifyOAuth1Signature({ ...request, authorization: undefined }, { consumerSecret: 'cs' })).toBe(
      false,
    )
    expect(
      verifyOAuth1Signature({ ...request, authorization: 'OAuth garbage' }, { consumerSecret: 'cs' }),
    ).toBe(false)
  })

  it('uses a fresh nonce and the given clock for each header', () => {
    const clock = { now: () => new Date('2026-12-06T00:00:00Z') }
    const request = { method: 'GET', url: 'https://api.trademe.co.nz/v1/x.json' }
    const a = parseOAuth1Header(oauth1Header({ consumerKey: 'k', consumerSecret: 's' }, request, { clock }))!
    const b = parseOAuth1Header(oauth1Header({ consumerKey: 'k', consumerSecret: 's' }, request, { clock }))!
    expect(a.oauth_timestamp).toBe(String(Date.parse('2026-12-06T00:00:00Z') / 1000))
    expect(a.oauth_nonce).not.toBe(b.oauth_nonce)
    expect(a.oauth_token).toBeUndefined()
  })
})
