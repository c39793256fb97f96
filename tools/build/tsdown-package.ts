import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, type UserConfig } from 'tsdown'

/**
 * The package.json condition that names a workspace package's compiled JavaScript. In the
 * repository every `exports` entry is `{ "switchyard-dist": "./dist/….js", "default": "./src/….ts" }`:
 * whatever does not ask for the condition (tsx, vitest, tsc, a scaffolded plugin's own vitest) reads
 * the TypeScript sources and needs no build; the compiled hub runs with
 * `node --conditions=switchyard-dist`, so it reads only dist/. The published SDK replaces its
 * exports with plain `types`/`import` ones (publishConfig).
 */
export const DIST_CONDITION = 'switchyard-dist'

type ExportEntry = string | { [condition: string]: ExportEntry }

/** The sources the package exports: each `exports` entry that has the dist condition. */
function exportedSources(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports?: Record<string, ExportEntry>
  }
  const sources: string[] = []
  for (const entry of Object.values(pkg.exports ?? {})) {
    if (
      typeof entry === 'object' &&
      typeof entry[DIST_CONDITION] === 'string' &&
      typeof entry.default === 'string'
    )
      sources.push(entry.default)
  }
  return sources
}

/**
 * How every workspace package that runs on Node is compiled (tools/build/tsdown.config.ts): tsdown
 * (Rolldown and Oxc) in unbundle mode, one .js file per .ts file in the same place under dist/. The
 * sources import each other without extensions (moduleResolution Bundler), which tsc would emit
 * as-is and Node would not load; tsdown rewrites them. Keeping the folder layout keeps paths read beside a module
 * (`new URL('./data', import.meta.url)`, the console's dist from the server) true in dist/.
 * Dependencies stay imports, resolved at run time as with the sources.
 */
export function nodePackage(
  options: { entry?: string[]; copy?: string[]; dts?: boolean } = {},
  dir = process.cwd(), // pnpm runs a package's build script in its folder
): UserConfig {
  return defineConfig({
    cwd: dir,
    entry: [...exportedSources(dir), ...(options.entry ?? [])],
    unbundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.11',
    fixedExtension: false,
    sourcemap: true,
    clean: true,
    dts: options.dts ?? false,
    // Each folder's files into the same place under dist/.
    copy: (options.copy ?? []).map((folder) => ({
      from: `${folder}/*`,
      to: folder.replace(/^src\//, 'dist/'),
    })),
  })
}
