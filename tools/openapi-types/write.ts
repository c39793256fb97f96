/**
 * `pnpm openapi:types`: writes the editor's API types (rule-editor/src/api/schema.gen.ts) from the
 * hub's OpenAPI document, built in-process. Run it after changing a route's schema.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { servedOpenApiDocument } from './document'
import { renderSchemaTypes, SCHEMA_FILE } from './render'

const root = fileURLToPath(new URL('../..', import.meta.url))
const text = await renderSchemaTypes(await servedOpenApiDocument())
writeFileSync(join(root, SCHEMA_FILE), text)
process.stdout.write(`wrote ${SCHEMA_FILE} (${text.length} characters)\n`)
