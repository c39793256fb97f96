import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { servedOpenApiDocument } from './document'
import { renderSchemaTypes, SCHEMA_FILE } from './render'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The first line where two texts differ, to say where a stale file went wrong in a short message. */
function firstDifference(a: string, b: string): string | null {
  const x = a.split('\n')
  const y = b.split('\n')
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i])
      return `line ${i + 1}: committed ${JSON.stringify(x[i])}, served ${JSON.stringify(y[i])}`
  return null
}

/**
 * The editor's API types are generated from the hub's served OpenAPI document; this fails while the
 * committed file and the document differ, so a route's schema cannot change under the editor unseen.
 */
describe("the editor's generated API types", () => {
  let document: Record<string, unknown>
  let committed: string

  beforeAll(async () => {
    document = await servedOpenApiDocument()
    committed = readFileSync(join(root, SCHEMA_FILE), 'utf8')
  }, 60_000)

  it('are what the served OpenAPI document generates (else run `pnpm openapi:types`)', async () => {
    const served = await renderSchemaTypes(document)
    expect(
      firstDifference(committed, served),
      `${SCHEMA_FILE} is stale; run \`pnpm openapi:types\``,
    ).toBeNull()
  }, 60_000)

  it('change when a response schema changes', async () => {
    const changed = structuredClone(document) as {
      components: { schemas: { Me: { properties: Record<string, unknown>; required: string[] } } }
    }
    changed.components.schemas.Me.properties.addedField = { type: 'string' }
    changed.components.schemas.Me.required.push('addedField')
    const [before, after] = await Promise.all([renderSchemaTypes(document), renderSchemaTypes(changed)])
    expect(firstDifference(before, after)).toMatch(/addedField/)
  }, 60_000)
})
