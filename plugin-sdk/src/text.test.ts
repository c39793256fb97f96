import { describe, expect, it } from 'vitest'
import { isValidUtf8, printable, textProblem, unacceptableText } from './text'

describe('acceptable text', () => {
  it('takes ordinary text of every script, with tab, line feed and carriage return', () => {
    for (const ok of ['', 'Müller', '東京都', 'emoji 😀 ok', 'a\tb\nc\r\n', 'ʻŌlelo', '\u00a0nbsp'])
      expect(textProblem(ok), ok).toBeUndefined()
  })

  it('refuses every other C0 control, DEL and C1, naming the character and where', () => {
    for (let code = 0; code < 0xa0; code++) {
      const c = String.fromCharCode(code)
      const bad = (code < 0x20 && !'\t\n\r'.includes(c)) || code >= 0x7f
      expect(textProblem(`ab${c}`) !== undefined, `U+${code.toString(16)}`).toBe(bad)
    }
    expect(textProblem('x\u0000y')).toBe('contains the control character U+0000 at position 1')
  })

  it('refuses unpaired surrogates, high or low, and keeps pairs', () => {
    expect(textProblem('a\ud800')).toBe('contains an unpaired UTF-16 surrogate U+D800 at position 1')
    expect(textProblem('\udc00b')).toMatch(/U\+DC00 at position 0/)
    expect(textProblem('\ud800\ud800\udc00')).toMatch(/U\+D800 at position 0/)
    expect(textProblem('\ud83d\ude00')).toBeUndefined()
  })

  it('names every bad string and key by its path', () => {
    expect(
      unacceptableText({
        customer: { name: 'A\u0000' },
        lines: [{ sku: 'ok' }, { sku: '\ud800' }],
        'k\u0001': 1,
      }),
    ).toEqual([
      { field: 'customer.name', message: expect.stringContaining('U+0000') },
      { field: 'lines[1].sku', message: expect.stringContaining('U+D800') },
      { field: '(root)', message: expect.stringMatching(/^has a field name that .*U\+0001/) },
    ])
    expect(unacceptableText('\u0007', ['order'])).toEqual([{ field: 'order', message: expect.any(String) }])
    expect(unacceptableText({ a: 1, b: [true, null, 'fine'] })).toEqual([])
  })

  it('looks as deep as 100 levels and no deeper, and only into plain objects and arrays', () => {
    const nest = (depth: number, leaf: unknown): unknown =>
      depth === 0 ? leaf : { a: nest(depth - 1, leaf) }
    expect(unacceptableText(nest(100, 'x\u0000'))).toHaveLength(1)
    expect(unacceptableText(nest(101, 'x\u0000'))).toEqual([])
    expect(unacceptableText(nest(99, { 'k\u0001': 1 }))).toHaveLength(1)
    expect(unacceptableText([[['ok', '\udc00']]])).toEqual([
      { field: '[0][0][1]', message: expect.stringContaining('U+DC00') },
    ])
    class Box {
      text = '\u0000'
    }
    expect(unacceptableText({ box: new Box(), when: new Date(0) })).toEqual([])
  })

  it('tells UTF-8 from bytes that are not', () => {
    expect(isValidUtf8(Buffer.from('Müller 😀'))).toBe(true)
    expect(isValidUtf8(Buffer.from([0x61, 0xff, 0x62]))).toBe(false)
    expect(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false) // an encoded surrogate
    expect(isValidUtf8(Buffer.from([0xc3]))).toBe(false) // cut short
  })

  it('prints bad characters as U+FFFD for diagnostics', () => {
    expect(printable('a\u0000b\ud800c\u0085')).toBe('a\ufffdb\ufffdc\ufffd')
  })
})
