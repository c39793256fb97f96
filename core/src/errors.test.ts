import { readFileSync } from 'node:fs'
import { pluginErrorCodes } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { ConflictError, type ErrorCode, errorCodes, ValidationError } from './errors'

const docs = [
  '../../ARCHITECTURE.md',
  '../../docs/plugins.md',
  '../../docs/known-gaps.md',
  '../../docs/reliability.md',
]

/** Codes the docs name next to a status: `409 OPERATION_NOT_ALLOWED`, 422 `INVALID_TEXT`, (`X`, HTTP 409). */
function codesInDocs(): Set<string> {
  const found = new Set<string>()
  const patterns = [
    /\b[1-5]\d\d\)? `?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g,
    /`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`, HTTP [1-5]\d\d/g,
    /"code": ?"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"/g,
  ]
  for (const doc of docs) {
    const text = readFileSync(new URL(doc, import.meta.url), 'utf8')
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]!)
  }
  return found
}

describe('the closed list of error codes', () => {
  const codes = Object.keys(errorCodes)

  it('says what each code means, each meaning once', () => {
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/)
    const meanings = Object.values(errorCodes)
    expect(meanings.every((m) => m.length > 10)).toBe(true)
    expect(new Set(meanings).size).toBe(meanings.length)
  })

  it("holds the SDK's plugin codes, which the hub passes through", () => {
    for (const code of Object.keys(pluginErrorCodes)) expect(codes).toContain(code)
  })

  it('holds every code the docs name', () => {
    const named = [...codesInDocs()]
    expect(named.length).toBeGreaterThan(5)
    expect(named.filter((c) => !codes.includes(c))).toEqual([])
  })

  it('types the code of every error class', () => {
    const code: ErrorCode = new ValidationError('x', []).code
    expect(code).toBe('VALIDATION_FAILED')
    // @ts-expect-error a code not in the list does not compile
    expect(new ConflictError('x', 'NOT_A_CODE').code).toBe('NOT_A_CODE')
  })
})
