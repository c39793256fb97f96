import { isPayloadError, parseJsonBody, type RawRequest, textProblem } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { ProblemError } from './problem'
import { checkBodyText, checkJsonTextOf, checkUrlText, decodeUtf8Body } from './text-guard'

const refusal = (fn: () => void): ProblemError | undefined => {
  try {
    fn()
    return undefined
  } catch (error) {
    if (error instanceof ProblemError) return error
    throw error
  }
}

describe('the text guard', () => {
  it('finds every unacceptable UTF-16 code unit in JSON, raw or escaped, and passes every other', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code)
      const bad = textProblem(`x${ch}y`) !== undefined
      // JSON.stringify escapes C0 and lone surrogates; the same text with every character escaped too.
      const escaped = `{"a":"x\\u${code.toString(16).padStart(4, '0')}y"}`
      for (const json of [JSON.stringify({ a: `x${ch}y` }), escaped]) {
        const problem = refusal(() => checkJsonTextOf(json))
        expect(problem !== undefined, `U+${code.toString(16)} in ${json}`).toBe(bad)
        if (problem) expect(problem.errors?.[0]?.field).toBe('a')
      }
    }
  })

  it('names the query parameter, the path, or the query when the name itself is bad', () => {
    expect(refusal(() => checkUrlText('http://h/api?limit=5&sku=a%00b'))?.errors?.[0]?.field).toBe('sku')
    expect(refusal(() => checkUrlText('http://h/api?sku=a%FFb'))?.status).toBe(400)
    expect(refusal(() => checkUrlText('http://h/api?sku=%ED%A0%80'))?.code).toBe('INVALID_UTF8')
    expect(refusal(() => checkUrlText('http://h/a%01b'))?.errors?.[0]?.field).toBe('(path)')
    expect(refusal(() => checkUrlText('http://h/api?a%1Fb=1'))?.errors?.[0]?.field).toBe('(query)')
    expect(refusal(() => checkUrlText('http://h/api?q=%E6%9D%B1+%F0%9F%98%80&x=%zz&y=100%'))).toBeUndefined()
  })

  it('decodes UTF-8 bodies and refuses anything else as the body', () => {
    expect(decodeUtf8Body(Buffer.from('{"a":"Zoë"}'))).toBe('{"a":"Zoë"}')
    const problem = refusal(() => decodeUtf8Body(Buffer.from([0x7b, 0xff, 0x7d])))
    expect(problem?.status).toBe(400)
    expect(problem?.errors).toEqual([{ field: '(body)', message: 'is not valid UTF-8' }])
  })

  it('checks a webhook body once: the same refusals, and a clean JSON body is only parsed by the plugin', () => {
    const bad = refusal(() => checkBodyText(Buffer.from([0x7b, 0xff, 0x7d]), true))
    expect([bad?.status, bad?.code]).toEqual([400, 'INVALID_UTF8'])
    const control = refusal(() => checkBodyText(Buffer.from('{"name":"a\\u0000b"}'), true))
    expect([control?.status, control?.code, control?.errors?.[0]?.field]).toEqual([
      422,
      'INVALID_TEXT',
      'name',
    ])
    expect(refusal(() => checkBodyText(Buffer.from('not \u0001 json'), false))).toBeUndefined()

    const request = (body: string): RawRequest => ({
      method: 'POST',
      path: '/',
      headers: {},
      query: {},
      rawBody: Buffer.from(body),
    })
    // Marked: the plugin's reader gets the host's text and scans nothing again (bytes spoilt after
    // the check would otherwise be refused).
    const clean = request('{"name":"x"}')
    checkBodyText(clean.rawBody, true)
    clean.rawBody[10] = 0xff
    expect(parseJsonBody(clean)).toEqual({ name: 'x' })
    // Malformed JSON is left unmarked: the plugin's reader still answers for it, as before.
    const malformed = request('{"name":')
    checkBodyText(malformed.rawBody, true)
    let error: unknown
    try {
      parseJsonBody(malformed)
    } catch (e) {
      error = e
    }
    expect(isPayloadError(error) && error.status).toBe(400)
  })
})
