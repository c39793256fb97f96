import { createHash, createPrivateKey, type KeyObject, sign } from 'node:crypto'

/**
 * The keypair eBay's Key Management API creates (`createSigningKey`): the public key as JWE, which
 * eBay decrypts to check the signature, and the private key, which eBay never stores.
 */
export interface SigningKey {
  jwe: string
  /** PEM, or the bare base64 of PKCS #8 DER as `createSigningKey` returns it; Ed25519 or RSA. */
  privateKey: string
}

/** A request to sign, as it goes on the wire. */
export interface SignedRequest {
  method: string
  url: string
  body?: string
}

/** `Content-Digest` (RFC 9530) over the payload: one SHA-256 digest, all eBay takes. */
export function contentDigest(body: string): string {
  return `sha-256=:${createHash('sha256').update(body, 'utf8').digest('base64')}:`
}

/**
 * The headers eBay's "Digital Signatures for APIs" asks for on calls made for sellers domiciled in
 * the EU or the UK (issueRefund, Post-Order cancellations and refunds, Finances): an RFC 9421
 * message signature over the content digest (when there is a body), the JWE, the method, the path
 * and the authority, created now. Other sellers' calls may carry them too; eBay ignores them there.
 */
export function signatureHeaders(
  req: SignedRequest,
  key: SigningKey,
  created = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const url = new URL(req.url)
  const digest = req.body === undefined ? undefined : contentDigest(req.body)
  const components: [string, string][] = [
    ...(digest === undefined ? [] : ([['content-digest', digest]] as [string, string][])),
    ['x-ebay-signature-key', key.jwe],
    ['@method', req.method.toUpperCase()],
    ['@path', url.pathname],
    ['@authority', url.host],
  ]
  const params = `(${components.map(([name]) => `"${name}"`).join(' ')});created=${created}`
  const base = [...components.map(([name, value]) => `"${name}": ${value}`), `"@signature-params": ${params}`]
  const signature = signWith(privateKeyOf(key.privateKey), base.join('\n'))
  return {
    ...(digest === undefined ? {} : { 'content-digest': digest }),
    'x-ebay-signature-key': key.jwe,
    'signature-input': `sig1=${params}`,
    signature: `sig1=:${signature}:`,
  }
}

const keys = new Map<string, KeyObject>()

function privateKeyOf(text: string): KeyObject {
  let key = keys.get(text)
  if (!key) {
    const pem = text.includes('-----BEGIN')
      ? text
      : `-----BEGIN PRIVATE KEY-----\n${text.replace(/\s+/g, '')}\n-----END PRIVATE KEY-----`
    key = createPrivateKey(pem)
    keys.set(text, key)
  }
  return key
}

/** Whether `text` is a private key this module can sign with. */
export function readablePrivateKey(text: string): boolean {
  try {
    const type = privateKeyOf(text).asymmetricKeyType
    return type === 'ed25519' || type === 'rsa'
  } catch {
    return false
  }
}

/** Ed25519 signs the base itself; RSA is PKCS #1 v1.5 over SHA-256, as eBay's own signer does. */
function signWith(key: KeyObject, base: string): string {
  const algorithm = key.asymmetricKeyType === 'ed25519' ? null : 'sha256'
  return sign(algorithm, Buffer.from(base, 'utf8'), key).toString('base64')
}
