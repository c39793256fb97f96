import { DEMO_WMS, demoConfig } from '../demo/demo-config'
import type { HubSettings } from '../settings'
import { findConfigFile, readConfigFile } from './config-file'
import { type LoadedInstance, loadInstances } from './loader'

/** Whether a hub seeds the demo world, and why (logged at start). */
export interface DemoDecision {
  demo: boolean
  why: string
}

/** The instances a hub runs, each with where it came from, as the start-up log lists them. */
export interface HubPlugins {
  instances: LoadedInstance[]
  /** Per instance id: `demo`, the config file's path, or `built-in`. */
  origins: Map<string, string>
  demo: DemoDecision
  /** The demo's own warehouse, when it runs (its peer is mounted at /demo). */
  demoWms: LoadedInstance | undefined
}

/**
 * Whether this hub seeds the demo world. `auto` seeds only a quick start: no config file and
 * SQLite, never what may be a production database.
 */
export function demoDecision(
  settings: Pick<HubSettings, 'demo' | 'database'>,
  configFile: string | undefined,
): DemoDecision {
  if (settings.demo === 'on') return { demo: true, why: 'SWITCHYARD_DEMO=1' }
  if (settings.demo === 'off') return { demo: false, why: 'SWITCHYARD_DEMO=0' }
  if (configFile)
    return { demo: false, why: `a config file is given (${configFile}); SWITCHYARD_DEMO=1 seeds it` }
  if (settings.database.dialect !== 'sqlite')
    return { demo: false, why: 'DATABASE_URL names a database; SWITCHYARD_DEMO=1 seeds it' }
  return { demo: true, why: 'quick start: no config file, SQLite; SWITCHYARD_DEMO=0 turns it off' }
}

/**
 * The plugin instances of a hub: the config file's, and the demo world's when it is on. With both
 * (a config file and SWITCHYARD_DEMO=1) the demo's instances run beside the file's, so trying your
 * own plugin keeps the demo storefront, marketplace, EDI partner and warehouse; an instance of the
 * file with a demo instance's id replaces it; SWITCHYARD_DEMO_PLUGINS=0 keeps the file's alone.
 */
export async function loadHubPlugins(settings: HubSettings, env: NodeJS.ProcessEnv): Promise<HubPlugins> {
  const path = findConfigFile(settings.configPath)
  const demo = demoDecision(settings, path)
  const fromFile = path
    ? await loadInstances(await readConfigFile(path), env, { fromFile: true })
    : await loadInstances({ baseDir: process.cwd(), path: undefined, plugins: [] }, env, { fromFile: false })
  const origins = new Map(fromFile.map((i) => [i.id, i.source === 'built-in' ? 'built-in' : (path ?? '')]))
  let fromDemo: LoadedInstance[] = []
  if (demo.demo && (!path || settings.demoPlugins)) {
    // The demo's secrets are its own literals, so they load as a quick start's do, not as a file's.
    const loaded = await loadInstances(demoConfig(settings.publicUrl, env), env, { fromFile: false })
    fromDemo = loaded.filter((i) => i.source !== 'built-in' && !origins.has(i.id))
    for (const i of fromDemo) origins.set(i.id, 'demo')
  }
  const instances = [...fromDemo, ...fromFile]
  const demoWms = origins.get(DEMO_WMS) === 'demo' ? instances.find((i) => i.id === DEMO_WMS) : undefined
  return { instances, origins, demo, demoWms }
}
