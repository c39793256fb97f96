import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildReference, ROOT } from './reference'
import { REFERENCE_FILE } from './render'

/** The first line where two texts differ, so a stale reference says where in a short message. */
function firstDifference(a: string, b: string): string | null {
  const x = a.split('\n')
  const y = b.split('\n')
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i])
      return `line ${i + 1}: committed ${JSON.stringify(x[i])}, source ${JSON.stringify(y[i])}`
  return null
}

describe('docs/sdk-reference.md', () => {
  // Building the reference runs the TypeScript compiler over the SDK: seconds, more on a loaded machine.
  it('is what the SDK source generates (else run `pnpm sdk:reference`)', () => {
    const committed = readFileSync(join(ROOT, REFERENCE_FILE), 'utf8')
    const built = buildReference()
    expect(
      firstDifference(committed, built),
      `${REFERENCE_FILE} is stale; run \`pnpm sdk:reference\``,
    ).toBeNull()
    // The SDK's and the conformance kit's exports each have a heading, the schemas a field table.
    for (const name of [
      'definePlugin',
      'PollCapability',
      'PluginContext',
      'PayloadError',
      'describePluginConformance',
    ])
      expect(built).toContain(`### \`${name}\``)
    expect(built).toMatch(/### `canonicalOrderSchema`\n\n\| Field \| Type \| Required \| Rules \|/)
  }, 180_000)
})
