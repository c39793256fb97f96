import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Seals a short-lived credential (an OAuth access token) before it goes into plugin state, which is a
 * plain database table: AES-256-GCM under a key derived from one of the instance's configured
 * secrets. Whoever reads the table without the environment sees only ciphertext.
 */
const PREFIX = 'sealed1'

function keyFrom(keyMaterial: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', keyMaterial, 'switchyard-plugin-state', purpose, 32))
}

export function seal(keyMaterial: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(keyMaterial, purpose), iv)
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [
    PREFIX,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.')
}

/** The plaintext, or undefined when the value was sealed with another key or was tampered with. */
export function unseal(keyMaterial: string, purpose: string, sealed: unknown): string | undefined {
  if (typeof sealed !== 'string' || !sealed.startsWith(`${PREFIX}.`)) return undefined
  const [, iv, tag, body] = sealed.split('.')
  if (!iv || !tag || body === undefined) return undefined
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyFrom(keyMaterial, purpose),
      Buffer.from(iv, 'base64url'),
    )
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}
