import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { nodePackage } from './tsdown-package'

/**
 * The one build configuration of the Node packages (`tsdown -c ../tools/build/tsdown.config.ts` in
 * each package.json), so a plugin folder holds only the plugin. What differs, by package:
 */
const special: Record<string, Parameters<typeof nodePackage>[0]> = {
  // The postcode centroids are read from files beside their module.
  '@switchyard/core': { copy: ['src/routing/centroids/data'] },
  // main.ts is the CLI (`start`, `migrate`, `backup`…), not an export; the delivery thread's entry
  // is started by file name (workers/delivery-thread.ts), so nothing imports it.
  '@switchyard/server': { entry: ['src/main.ts', 'src/workers/delivery-thread-main.ts'] },
  // Published: plugin authors compile against its declarations.
  '@switchyard/plugin-sdk': { dts: true },
}

const { name } = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { name: string }

export default nodePackage(special[name] ?? {})
