import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto'
import { secretFields } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { ebayConfig } from './config'
import { contentDigest, signatureHeaders } from './signature'

/**
 * eBay's published test vector (github.com/eBay/digital-signature-verification-ebay-api, Apache
 * 2.0): its Ed25519 test key, test JWE and the sample request its README shows as valid.
 */
const testPrivateKey = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF
-----END PRIVATE KEY-----`
const testJwe =
  'eyJ6aXAiOiJERUYiLCJlbmMiOiJBMjU2R0NNIiwidGFnIjoiSXh2dVRMb0FLS0hlS0Zoa3BxQ05CUSIsImFsZyI6IkEyNTZHQ01LVyIsIml2IjoiaFd3YjNoczk2QzEyOTNucCJ9.2o02pR9SoTF4g_5qRXZm6tF4H52TarilIAKxoVUqjd8.3qaF0KJN-rFHHm_P.AMUAe9PPduew09mANIZ-O_68CCuv6EIx096rm9WyLZnYz5N1WFDQ3jP0RBkbaOtQZHImMSPXIHVaB96RWshLuJsUgCKmTAwkPVCZv3zhLxZVxMXtPUuJ-ppVmPIv0NzznWCOU5Kvb9Xux7ZtnlvLXgwOFEix-BaWNomUAazbsrUCbrp514GIea3butbyxXLNi6R9TJUNh8V2uan-optT1MMyS7eMQnVGL5rYBULk.9K5ucUqAu0DqkkhgubsHHw'

describe('eBay digital signatures', () => {
  it("reproduces eBay's published sample signature exactly", () => {
    const headers = signatureHeaders(
      { method: 'POST', url: 'http://localhost:8080/verifysignature', body: '{"hello": "world"}' },
      { jwe: testJwe, privateKey: testPrivateKey },
      1658440308,
    )
    expect(headers).toEqual({
      'content-digest': 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
      'x-ebay-signature-key': testJwe,
      'signature-input':
        'sig1=("content-digest" "x-ebay-signature-key" "@method" "@path" "@authority");created=1658440308',
      signature:
        'sig1=:ZMUpAejnqrt6POSx02ltx3cT9YODV2r+Cem/BKOagDSfztKOtCsjP/MxZqmY+FVJ3/8E4BL76T9Fjty8oJnsAw==:',
    })
  })

  it('takes the private key as createSigningKey returns it: bare base64 PKCS #8', () => {
    const bare = testPrivateKey.split('\n').slice(1, -1).join('')
    const a = signatureHeaders(
      { method: 'GET', url: 'https://api.ebay.com/x' },
      { jwe: 'j', privateKey: bare },
      1,
    )
    const b = signatureHeaders(
      { method: 'GET', url: 'https://api.ebay.com/x' },
      { jwe: 'j', privateKey: testPrivateKey },
      1,
    )
    expect(a).toEqual(b)
  })

  it('leaves the digest out of a call without a body, and signs the path without the query', () => {
    const headers = signatureHeaders(
      { method: 'get', url: 'https://api.ebay.com/sell/finances/v1/payout?limit=20' },
      { jwe: testJwe, privateKey: testPrivateKey },
      1700000000,
    )
    expect(headers['content-digest']).toBeUndefined()
    expect(headers['signature-input']).toBe(
      'sig1=("x-ebay-signature-key" "@method" "@path" "@authority");created=1700000000',
    )
    const base = [
      `"x-ebay-signature-key": ${testJwe}`,
      '"@method": GET',
      '"@path": /sell/finances/v1/payout',
      '"@authority": api.ebay.com',
      '"@signature-params": ("x-ebay-signature-key" "@method" "@path" "@authority");created=1700000000',
    ].join('\n')
    const signature = Buffer.from(headers.signature!.slice('sig1=:'.length, -1), 'base64')
    expect(verify(null, Buffer.from(base), createPublicKey(testPrivateKey), signature)).toBe(true)
  })

  it('signs with an RSA key as PKCS #1 v1.5 over SHA-256', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const body = '{"reasonForRefund":"BUYER_RETURN"}'
    const headers = signatureHeaders(
      { method: 'POST', url: 'https://api.ebay.com:443/sell/fulfillment/v1/order/1/issue_refund', body },
      { jwe: 'jwe', privateKey: pem },
      1700000000,
    )
    expect(headers['content-digest']).toBe(contentDigest(body))
    const base = [
      `"content-digest": ${contentDigest(body)}`,
      '"x-ebay-signature-key": jwe',
      '"@method": POST',
      '"@path": /sell/fulfillment/v1/order/1/issue_refund',
      '"@authority": api.ebay.com',
      '"@signature-params": ("content-digest" "x-ebay-signature-key" "@method" "@path" "@authority");created=1700000000',
    ].join('\n')
    const signature = Buffer.from(headers.signature!.slice('sig1=:'.length, -1), 'base64')
    expect(verify('sha256', Buffer.from(base), publicKey, signature)).toBe(true)
  })
})

describe('the signing key in the config', () => {
  const base = { clientId: 'app', clientSecret: 'secret', refreshToken: 'v^1.1#token' }

  it('takes both halves of a keypair, and refuses half of one or a key it cannot read, naming the field', () => {
    expect(
      ebayConfig.safeParse({ ...base, signingKeyJwe: testJwe, signingPrivateKey: testPrivateKey }).success,
    ).toBe(true)
    const half = ebayConfig.safeParse({ ...base, signingKeyJwe: testJwe })
    expect(half.error?.issues.map((i) => i.path)).toEqual([['signingPrivateKey']])
    const other = ebayConfig.safeParse({ ...base, signingPrivateKey: testPrivateKey })
    expect(other.error?.issues.map((i) => i.path)).toEqual([['signingKeyJwe']])
    const unreadable = ebayConfig.safeParse({
      ...base,
      signingKeyJwe: testJwe,
      signingPrivateKey: 'not a key',
    })
    expect(unreadable.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['signingPrivateKey'], 'is not an Ed25519 or RSA private key (PEM or base64 PKCS #8)'],
    ])
  })

  it('keeps both halves secret', () => {
    expect(secretFields(ebayConfig)).toEqual(expect.arrayContaining(['signingKeyJwe', 'signingPrivateKey']))
  })
})
