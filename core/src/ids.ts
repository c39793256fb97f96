import { randomBytes } from 'node:crypto'

let lastMs = 0
let counter = 0

// One getrandom call per 256 ids instead of one per id: ids are minted on the hot intake path.
const POOL_SIZE = 16 * 256
let pool = randomBytes(POOL_SIZE)
let offset = 0
// Two hex digits per byte value: an id is written straight from these, without a Buffer per id.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

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
  if (offset + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE)
    offset = 0
  }
  const r = pool
  const o = offset
  offset += 16
  // Bytes 0-5: milliseconds; 6-7: version 7 and the counter; 8: variant and random; 9-15: random.
  return `${HEX[Math.floor(ms / 2 ** 40) & 0xff]}${HEX[Math.floor(ms / 2 ** 32) & 0xff]}${HEX[(ms >>> 24) & 0xff]}${HEX[(ms >>> 16) & 0xff]}-${HEX[(ms >>> 8) & 0xff]}${HEX[ms & 0xff]}-${HEX[0x70 | ((counter >>> 8) & 0x0f)]}${HEX[counter & 0xff]}-${HEX[0x80 | (r[o + 8]! & 0x3f)]}${HEX[r[o + 9]!]}-${HEX[r[o + 10]!]}${HEX[r[o + 11]!]}${HEX[r[o + 12]!]}${HEX[r[o + 13]!]}${HEX[r[o + 14]!]}${HEX[r[o + 15]!]}`
}

/** A stable UUID-shaped id derived from a name (e.g. a customer's email), so upserts need no lookup. */
export function nameUuid(namespace: string, name: string, hash: (s: string) => string): string {
  const hex = hash(`${namespace}:${name}`).slice(0, 32).split('')
  hex[12] = '8'
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** Whether `v` can be an id: PostgreSQL refuses any other text in a uuid column (22P02). */
export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
}
