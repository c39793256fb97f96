import { createConfig, lintFromString } from '@redocly/openapi-core'
import { describe, expect, it } from 'vitest'
import { servedOpenApiDocument } from '../openapi-types/document'

/**
 * The served OpenAPI document is valid OpenAPI 3.1 and clean under Redocly's recommended rules,
 * the linter integrators' own tooling most often runs, with two rules off (see `lint`).
 */
async function lint(document: unknown) {
  // Two rules off: the project has no licence yet, and the live stream's event schema
  // (OrderChangedEvent) is registered for clients but named only in its description: OpenAPI 3.1
  // cannot type the events of a text/event-stream (3.2's itemSchema can).
  const config = await createConfig({
    extends: ['recommended'],
    rules: { 'info-license': 'off', 'no-unused-components': 'off' },
  })
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: 'openapi.json',
    config,
  })
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)
}

describe('the served OpenAPI document', () => {
  it('passes the recommended rules with no error or warning', { timeout: 60_000 }, async () => {
    expect(await lint(await servedOpenApiDocument())).toEqual([])
  })

  it('would be caught: an operation without a response, a broken reference', {
    timeout: 60_000,
  }, async () => {
    const document = structuredClone(await servedOpenApiDocument()) as {
      paths: Record<string, Record<string, { responses?: unknown; operationId?: string }>>
    }
    const [path, operations] = Object.entries(document.paths)[0]!
    const operation = Object.values(operations)[0]!
    operation.responses = { 200: { $ref: '#/components/responses/Missing' } }
    const problems = await lint(document)
    expect(problems.some((p) => p.startsWith('error'))).toBe(true)
    expect(path).toBeTruthy()
  })
})
