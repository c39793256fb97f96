import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as canonical from '../../plugin-sdk/src/canonical/index'
import { SDK_VERSION } from '../../plugin-sdk/src/index'
import { collectEntries } from './collect'
import { renderReference } from './render'
import { schemaViews } from './schemas'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SRC = join(ROOT, 'plugin-sdk/src')

/** docs/sdk-reference.md as the SDK's source makes it now. */
export function buildReference(): string {
  return renderReference({
    version: SDK_VERSION,
    schemas: schemaViews(canonical),
    sdk: collectEntries(join(SRC, 'index.ts'), SRC),
    testing: collectEntries(join(SRC, 'testing/index.ts'), SRC),
  })
}
