import { createHash, generateKeyPairSync, type KeyObject, randomBytes, verify } from 'node:crypto'
import type { RecordedRequest } from './http-peer'

/** What eBay answers a call whose digital signature it cannot accept. */
export interface SignatureRefusal {
  errorId: number
  message: string
}

/**
 * eBay's side of "Digital Signatures for APIs": keypairs as the Key Management API creates them
 * (a JWE eBay can read back to the public key; here an opaque token standing for it), and the check
 * of a signed call: every component the Signature-Input names, the content digest against the
 * body, `created` within five minutes, and the signature against the JWE's public key. Written from
 * eBay's guide and RFC 9421, apart from the plugin's signer, so the two check each other.
 */
export class EbaySignatureCheck {
  private readonly keys = new Map<string, KeyObject>()

  /** createSigningKey: the JWE and the private key (base64 PKCS #8, as eBay returns it). */
  createSigningKey(cipher: 'ED25519' | 'RSA' = 'ED25519'): { jwe: string; privateKey: string } {
    const pair =
      cipher === 'RSA' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519')
    const jwe = `eyJ${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`
    this.keys.set(jwe, pair.publicKey)
    const der = pair.privateKey.export({ type: 'pkcs8', format: 'der' })
    return { jwe, privateKey: der.toString('base64') }
  }

  /** Undefined when the call is signed as eBay requires, else eBay's refusal. */
  check(req: RecordedRequest, authority: string, now = Date.now()): SignatureRefusal | undefined {
    const jwe = req.headers['x-ebay-signature-key']
    const input = /^sig1=\(([^)]*)\);created=(\d+)$/.exec(req.headers['signature-input'] ?? '')
    const signature = /^sig1=:([A-Za-z0-9+/=]+):$/.exec(req.headers.signature ?? '')
    if (!jwe || !input || !signature) return { errorId: 215114, message: 'Missing signature headers' }
    const publicKey = this.keys.get(jwe)
    if (!publicKey) return { errorId: 215116, message: 'Invalid x-ebay-signature-key header' }
    if (Math.abs(now / 1000 - Number(input[2])) > 300)
      return { errorId: 215113, message: 'Invalid timestamp in signature parameters' }
    const names = input[1]!.split(' ').map((n) => n.replace(/^"|"$/g, ''))
    if (req.body.length > 0) {
      if (!names.includes('content-digest')) return { errorId: 215117, message: 'Content-Digest not signed' }
      const digest = `sha-256=:${createHash('sha256').update(req.body).digest('base64')}:`
      if (req.headers['content-digest'] !== digest)
        return { errorId: 215118, message: 'Content-Digest does not match the payload' }
    }
    const url = new URL(req.path, `http://${authority}`)
    const value = (name: string): string | undefined => {
      if (name === '@method') return req.method
      if (name === '@path') return url.pathname
      if (name === '@authority') return authority
      return req.headers[name]
    }
    const lines: string[] = []
    for (const name of names) {
      const v = value(name)
      if (v === undefined) return { errorId: 215120, message: 'Signature validation failed' }
      lines.push(`"${name}": ${v}`)
    }
    lines.push(`"@signature-params": (${input[1]});created=${input[2]}`)
    const algorithm = publicKey.asymmetricKeyType === 'ed25519' ? null : 'sha256'
    const ok = verify(
      algorithm,
      Buffer.from(lines.join('\n')),
      publicKey,
      Buffer.from(signature[1]!, 'base64'),
    )
    return ok ? undefined : { errorId: 215120, message: 'Signature validation failed' }
  }
}
