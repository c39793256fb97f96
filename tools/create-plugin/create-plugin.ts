/**
 * `pnpm create-plugin <name> --kind channel|wms [--poll] [--dir <folder>]`: writes a plugin package that
 * compiles, loads in the hub and passes the conformance kit as it stands, for an integrator to
 * change into the real thing. It lives in tools/ rather than in the SDK: it writes files into a
 * repository, which no plugin needs at run time.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, UsageError } from './args'
import { pluginFiles } from './templates'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

function main(): void {
  const args = parseArgs(process.argv.slice(2))
  // pnpm runs scripts from the repository root; INIT_CWD is where the command was typed.
  const cwd = process.env.INIT_CWD ?? process.cwd()
  const target = resolve(cwd, args.dir ?? join(root, 'plugins', args.name))
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new UsageError(`${target} already exists and is not empty; pick another name or --dir`)
  const fromPlugins = relative(join(root, 'plugins'), target)
  // Only a direct child of plugins/ is a workspace package (pnpm-workspace.yaml: plugins/*).
  const inWorkspace = fromPlugins !== '' && !fromPlugins.startsWith('..') && !/[\\/]/.test(fromPlugins)
  const files = pluginFiles({ name: args.name, kind: args.kind, poll: args.poll, inWorkspace })
  for (const [path, content] of Object.entries(files)) {
    const file = join(target, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
  }
  const shown = relative(cwd, target) || '.'
  process.stdout.write(
    [
      `Created ${args.poll ? 'poll-only ' : ''}${args.kind} plugin '${args.name}' in ${shown}`,
      '',
      'Next:',
      inWorkspace
        ? '  pnpm install                      # links @switchyard/plugin-sdk'
        : '  pnpm add -D @switchyard/plugin-sdk zod vitest  # in the new folder',
      `  npx vitest run ${shown}           # the conformance kit`,
      `  add { "id": "${args.name}", "use": "${inWorkspace ? `./plugins/${args.name}` : target}", "config": { … } } to switchyard.config.json`,
      '  docs/plugins.md walks through the rest.',
      '',
    ].join('\n'),
  )
}

try {
  main()
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(error instanceof UsageError ? 2 : 1)
}
