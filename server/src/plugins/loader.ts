import { existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  capabilityNames,
  formatPath,
  isPluginDefinition,
  type PluginDefinition,
  SDK_VERSION,
  secretFields,
} from '@switchyard/plugin-sdk'
import semver from 'semver'
import { ConfigFileError, type HubConfigFile, isPathSpecifier, resolveEnvRefs } from './config-file'
import { MANUAL_CHANNEL, manualChannel } from './manual-channel'

export interface LoadedInstance {
  id: string
  /** What the config named: a package or a path. */
  source: string
  definition: PluginDefinition
  config: Record<string, unknown>
  /** Values to scrub from every log line and error. */
  secretValues: string[]
}

async function importPlugin(use: string, baseDir: string, instanceId: string): Promise<unknown> {
  let target: string
  if (isPathSpecifier(use)) {
    target = resolve(baseDir, use)
    if (existsSync(target) && statSync(target).isDirectory()) target = entryOfFolder(target)
    if (!existsSync(target))
      throw new ConfigFileError(`plugin instance '${instanceId}': use: ${target} does not exist`)
    target = pathToFileURL(target).href
  } else {
    try {
      target = pathToFileURL(createRequire(join(baseDir, 'noop.js')).resolve(use)).href
    } catch {
      target = use // a dependency of the hub itself (first-party plugins)
    }
  }
  try {
    const mod = (await import(target)) as { default?: unknown; plugin?: unknown }
    return mod.default ?? mod.plugin
  } catch (error) {
    throw new ConfigFileError(
      `plugin instance '${instanceId}': use: cannot load '${use}': ${(error as Error).message}`,
    )
  }
}

/** A plugin folder's entry: package.json `exports["."]` or `main`, else src/index.ts or index.js. */
function entryOfFolder(dir: string): string {
  const pkgPath = join(dir, 'package.json')
  if (existsSync(pkgPath)) {
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports?: unknown; main?: string }
    const exp = pkg.exports
    const dot = typeof exp === 'string' ? exp : (exp as Record<string, unknown> | undefined)?.['.']
    const entry =
      typeof dot === 'string'
        ? dot
        : ((dot as { import?: string; default?: string } | undefined)?.import ?? pkg.main)
    if (entry) return join(dir, entry)
  }
  for (const candidate of ['src/index.ts', 'index.ts', 'dist/index.js', 'index.js']) {
    if (existsSync(join(dir, candidate))) return join(dir, candidate)
  }
  return join(dir, 'index.js')
}

/**
 * Loads every enabled instance of the config: imports the plugin, checks it is a plugin and that it
 * was written for this SDK, validates its config. The first problem stops start-up with a message
 * naming the instance and the field. The built-in `manual` channel comes last.
 */
export async function loadInstances(
  file: HubConfigFile,
  env: NodeJS.ProcessEnv,
  options: { fromFile: boolean },
): Promise<LoadedInstance[]> {
  const loaded: LoadedInstance[] = []
  const seen = new Set<string>()
  for (const entry of file.plugins) {
    if (!entry.enabled) continue
    if (seen.has(entry.id)) throw new ConfigFileError(`plugin instance '${entry.id}': id is used twice`)
    seen.add(entry.id)
    const definition = await importPlugin(entry.use, file.baseDir, entry.id)
    if (!isPluginDefinition(definition)) {
      throw new ConfigFileError(
        `plugin instance '${entry.id}': use: '${entry.use}' does not export a plugin made with definePlugin() as its default export`,
      )
    }
    if (!semver.satisfies(SDK_VERSION, definition.sdk, { includePrerelease: true })) {
      throw new ConfigFileError(
        `plugin instance '${entry.id}': plugin '${definition.id}' ${definition.version} needs plugin SDK ${definition.sdk}; this hub provides ${SDK_VERSION}`,
      )
    }
    const secrets = secretFields(definition.config)
    const raw = resolveEnvRefs(entry.id, entry.config, secrets, env, options.fromFile)
    const parsed = definition.config.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new ConfigFileError(
        `plugin instance '${entry.id}': ${formatPath(['config', ...issue.path])}: ${issue.message}`,
      )
    }
    const config = parsed.data as Record<string, unknown>
    loaded.push({
      id: entry.id,
      source: entry.use,
      definition,
      config,
      secretValues: secrets.map((k) => config[k]).filter((v): v is string => typeof v === 'string'),
    })
  }
  // Every hub takes orders people enter, demo or not; a config that names its own `manual` keeps it.
  if (!seen.has(MANUAL_CHANNEL))
    loaded.push({
      id: MANUAL_CHANNEL,
      source: 'built-in',
      definition: manualChannel,
      config: {},
      secretValues: [],
    })
  return loaded
}

export function describeInstance(i: LoadedInstance) {
  return {
    id: i.id,
    plugin: i.definition.id,
    source: i.source,
    kind: i.definition.kind,
    version: i.definition.version,
    capabilities: capabilityNames(i.definition),
  }
}
