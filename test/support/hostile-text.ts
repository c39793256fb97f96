import fc from 'fast-check'

/**
 * Generated text of the classes the hub refuses at the door, for the fuzzers: every C0 control but
 * tab, line feed and carriage return, DEL, every C1 control, every surrogate code unit alone; and
 * byte sequences that are not UTF-8 of each kind a decoder meets.
 */
export const badChar = fc.oneof(
  fc
    .integer({ min: 0x00, max: 0x1f })
    .filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d)
    .map((c) => String.fromCharCode(c)),
  fc.constant('\u007f'),
  fc.integer({ min: 0x80, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
)

/** Ordinary text with at least one bad character somewhere in it. */
export const hostileText = fc
  .tuple(fc.string({ maxLength: 8 }), badChar, fc.string({ maxLength: 8 }))
  .map(([a, bad, b]) => `${a}${bad}${b}`)

const cont = fc.integer({ min: 0x80, max: 0xbf })

/** A byte sequence no UTF-8 decoder accepts. */
export const badUtf8 = fc.oneof(
  cont.map((b) => [b]), // a continuation byte with no lead
  fc.tuple(fc.constantFrom(0xc0, 0xc1), cont).map((x) => [...x]), // overlong two-byte form
  fc.tuple(fc.constant(0xe0), fc.integer({ min: 0x80, max: 0x9f }), cont).map((x) => [...x]), // overlong three-byte
  fc.integer({ min: 0xc2, max: 0xf4 }).map((b) => [b]), // a lead byte cut short
  fc.tuple(fc.constant(0xed), fc.integer({ min: 0xa0, max: 0xbf }), cont).map((x) => [...x]), // an encoded surrogate
  fc.tuple(fc.constant(0xf4), fc.integer({ min: 0x90, max: 0xbf }), cont, cont).map((x) => [...x]), // beyond U+10FFFF
  fc.integer({ min: 0xf5, max: 0xff }).map((b) => [b]), // never in UTF-8
)

/** `text` as UTF-8 with `bytes` spliced in at `at` (taken modulo its length). */
export function spliceBytes(text: string, at: number, bytes: number[]): Buffer {
  const encoded = Buffer.from(text)
  const i = at % (encoded.length + 1)
  return Buffer.concat([encoded.subarray(0, i), Buffer.from(bytes), encoded.subarray(i)])
}

/** The bytes a client sends for `text`: UTF-8, and a lone surrogate (which has none) as the bytes of one. */
export function bytesOf(text: string): Buffer {
  return Buffer.concat(
    [...text].map((ch) =>
      ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff
        ? Buffer.from([0xed, 0xa0, 0x80])
        : Buffer.from(ch),
    ),
  )
}
