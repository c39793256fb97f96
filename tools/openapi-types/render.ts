import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Where the editor's generated API types live, relative to the repository root. */
export const SCHEMA_FILE = 'rule-editor/src/api/schema.gen.ts'

const HEADER = `/**
 * GENERATED from the hub's OpenAPI document (GET /openapi.json) by tools/openapi-types: do not edit.
 * Regenerate with \`pnpm openapi:types\`; tools/openapi-types/drift.test.ts fails while this file
 * and the served document differ.
 */

`

/** Thrown when biome cannot format the generated text (it would then fail `pnpm lint` too). */
export class FormatError extends Error {
  constructor(detail: string) {
    super(`biome could not format ${SCHEMA_FILE}: ${detail}`)
    this.name = 'FormatError'
  }
}

/**
 * The TypeScript text of the editor's API types for `document`, formatted as the repository's
 * biome formats it, so the committed file passes `pnpm lint` and regenerating it gives a clean diff.
 */
export async function renderSchemaTypes(document: Record<string, unknown>): Promise<string> {
  // `silent`: openapi-typescript's progress lines would land in test output.
  const ast = await openapiTS(document as unknown as OpenAPI3, { silent: true })
  return format(HEADER + astToString(ast))
}

function format(text: string): string {
  // The project's own biome binary and configuration; `check --write` also sorts and fixes what
  // the linter would otherwise flag in generated code.
  const biome = join(
    dirname(createRequire(import.meta.url).resolve('@biomejs/biome/package.json')),
    'bin',
    'biome',
  )
  const run = spawnSync(process.execPath, [biome, 'check', '--write', `--stdin-file-path=${SCHEMA_FILE}`], {
    cwd: ROOT,
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.status !== 0) throw new FormatError(run.stderr || run.stdout)
  return run.stdout
}
