import { describe, expect, it } from 'vitest'
import { isPayloadError, type PayloadError } from './errors'
import { markJsonBodyChecked, parseJsonBody } from './json-body'
import type { RawRequest } from './webhook'

const request = (body: string | Uint8Array): RawRequest => ({
  method: 'POST',
  path: '/',
  headers: { 'content-type': 'application/json' },
  query: {},
  rawBody: typeof body === 'string' ? Buffer.from(body) : body,
})

function refusal(body: string | Uint8Array, parse?: (text: string) => unknown): PayloadError {
  try {
    parseJsonBody(request(body), parse)
  } catch (error) {
    if (isPayloadError(error)) return error
    throw error
  }
  throw new Error('the body was accepted')
}

describe('parseJsonBody', () => {
  it('reads a JSON body, including one that is a view into a larger buffer', () => {
    expect(parseJsonBody(request('{"name":"Müller","lines":[{"sku":"A\\tB"}]}'))).toEqual({
      name: 'Müller',
      lines: [{ sku: 'A\tB' }],
    })
    const whole = Buffer.from('xx{"a":1}yy')
    expect(parseJsonBody(request(whole.subarray(2, 9)))).toEqual({ a: 1 })
  })

  it('answers text that is not JSON with 400 naming the body', () => {
    const error = refusal('{"a":')
    expect(error.status).toBe(400)
    expect(error.issues).toEqual([{ field: '(body)', message: expect.any(String) }])
  })

  it('answers bytes that are not UTF-8 with 400, rather than decoding a guess', () => {
    const error = refusal(Uint8Array.of(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d))
    expect(error.status).toBe(400)
    expect(error.issues).toEqual([{ field: '(body)', message: 'is not valid UTF-8' }])
  })

  it('refuses a control character or a lone surrogate, raw or escaped, naming the field as sent', () => {
    for (const [body, field] of [
      ['{"customer":{"name":"A\\u0000"}}', 'customer.name'],
      ['{"lines":[{"sku":"ok"},{"sku":"\\ud800"}]}', 'lines[1].sku'],
      ['{"note":"del\u007f"}', 'note'],
    ] as const) {
      const error = refusal(body)
      expect(error.status, body).toBeUndefined()
      expect(error.issues.map((i) => i.field)).toEqual([field])
    }
  })

  it('reads with the parser it is given, and refuses what that parser refuses as 400', () => {
    const keepDigits = (text: string) => JSON.parse(text.replace(/(\d{16,})/g, '"$1"'))
    expect(parseJsonBody(request('{"id":12345678901234567890}'), keepDigits)).toEqual({
      id: '12345678901234567890',
    })
    expect(
      refusal('{}', () => {
        throw new SyntaxError('no')
      }).status,
    ).toBe(400)
  })

  it('only parses a body its host has checked, with the text the host decoded, keeping the JSON error', () => {
    const checked = request(Buffer.from([0x7b, 0xff, 0x7d]))
    markJsonBodyChecked(checked.rawBody, '{"a":1}')
    expect(parseJsonBody(checked)).toEqual({ a: 1 })
    const broken = request('{"a":')
    markJsonBodyChecked(broken.rawBody, '{"a":')
    expect(refusal(broken.rawBody).issues[0]?.field).toBe('(body)')
    // Another buffer with the same bytes is not marked.
    expect(refusal(Buffer.from([0x7b, 0xff, 0x7d])).status).toBe(400)
  })
})
