import { describe, expect, it } from 'vitest'
import { servedOpenApiDocument } from '../openapi-types/document'

interface Operation {
  operationId: string
  parameters?: { name: string; in: string; schema?: { maximum?: number } }[]
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>
}
interface Schema {
  $ref?: string
  type?: string
  properties?: Record<string, unknown>
  required?: string[]
}

/**
 * Every list has one shape: `items` and `nextCursor`, with `limit` (a documented maximum) and
 * `cursor` parameters, so an integrator pages every list the same way.
 */
/** Lookups answer exactly what the request names (bounded by it), not a list to page through. */
const LOOKUPS = new Set(['getAvailability'])

describe('every list endpoint', () => {
  it('answers items and nextCursor and takes limit (with a maximum) and cursor', {
    timeout: 60_000,
  }, async () => {
    const document = (await servedOpenApiDocument()) as {
      paths: Record<string, Record<string, Operation>>
      components: { schemas: Record<string, Schema> }
    }
    const resolve = (s: Schema | undefined): Schema | undefined =>
      s?.$ref ? document.components.schemas[s.$ref.split('/').pop()!] : s
    const lists: string[] = []
    const wrong: string[] = []
    for (const [path, operations] of Object.entries(document.paths)) {
      const get = operations.get
      const body = resolve(get?.responses['200']?.content?.['application/json']?.schema)
      if (!get || !body?.properties?.items || LOOKUPS.has(get.operationId)) continue
      lists.push(get.operationId)
      const params = new Map((get.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]))
      if (!body.properties.nextCursor) wrong.push(`${get.operationId} (${path}): no nextCursor`)
      if (!params.has('cursor')) wrong.push(`${get.operationId} (${path}): no cursor parameter`)
      if (params.get('limit')?.schema?.maximum === undefined)
        wrong.push(`${get.operationId} (${path}): no limit with a maximum`)
    }
    expect(lists.length).toBeGreaterThan(10)
    expect(wrong).toEqual([])
  })
})
