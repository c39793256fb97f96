/** `pnpm sdk:reference`: writes docs/sdk-reference.md from the SDK's TSDoc and zod schemas. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildReference, ROOT } from './reference'
import { REFERENCE_FILE } from './render'

writeFileSync(join(ROOT, REFERENCE_FILE), buildReference())
process.stdout.write(`wrote ${REFERENCE_FILE}\n`)
