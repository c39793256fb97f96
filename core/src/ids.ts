import { randomBytes } from 'node:crypto'

let lastMs = 0
let counter = 0

// One getrandom call per 256 ids instead of one per id: ids are minted on the hot intake path.
const POOL_SIZE = 16 * 256
let pool = randomBytes(POOL_SIZE)
let offset = 0
function random16(): Buffer {
  if (offset + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE)
    offset = 0
  }
  const out = Buffer.from(pool.subarray(offset, offset + 16))
  offset += 16
  return out
}

/**
 * UUID version 7: time-ordered, so ids sort in creation order (cursor pagination, outbox order).
 * Within one millisecond a 12-bit counter keeps them monotonic in this process.
 */
export function uuidv7(now = Date.now()): string {
  if (now <= lastMs) {
    counter++
    if (counter > 0xfff) {
      lastMs++
      counter = 0
    }
  } else {
    lastMs = now
    counter = 0
  }
  const ms = lastMs
  const bytes = random16()
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff
  bytes[2] = (ms >>> 24) & 0xff
  bytes[3] = (ms >>> 16) & 0xff
  bytes[4] = (ms >>> 8) & 0xff
  bytes[5] = ms & 0xff
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f)
  bytes[7] = counter & 0xff
  bytes[8] = 0x80 | (bytes[8]! & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A stable UUID-shaped id derived from a name (e.g. a customer's email), so upserts need no lookup. */
export function nameUuid(namespace: string, name: string, hash: (s: string) => string): string {
  const hex = hash(`${namespace}:${name}`).slice(0, 32).split('')
  hex[12] = '8'
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
