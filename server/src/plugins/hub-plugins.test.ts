import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readSettings } from '../settings'
import { loadHubPlugins } from './hub-plugins'

const dir = mkdtempSync(join(tmpdir(), 'switchyard-hub-plugins-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function configFile(plugins: unknown[]): string {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, JSON.stringify({ plugins }))
  return path
}

const myShop = {
  id: 'my-shop',
  use: '@switchyard/rest-channel',
  config: { secret: { $env: 'MY_SHOP_SECRET' } },
}
const env = (extra: Record<string, string>) => ({
  SWITCHYARD_DATA_DIR: dir,
  MY_SHOP_SECRET: 's3cret-value',
  ...extra,
})

/** Which instances a hub runs and where each came from. */
async function loaded(e: Record<string, string>) {
  const plugins = await loadHubPlugins(readSettings(e), e)
  return Object.fromEntries(plugins.instances.map((i) => [i.id, plugins.origins.get(i.id)]))
}

describe('the plugins a hub loads', () => {
  it('a quick start runs the demo world and the built-in manual channel', async () => {
    expect(await loaded(env({}))).toEqual({
      'demo-web': 'demo',
      'demo-market': 'demo',
      'demo-edi': 'demo',
      'demo-wms': 'demo',
      manual: 'built-in',
    })
  })

  it('a config file alone runs its own instances only, and says so', async () => {
    const path = configFile([myShop])
    expect(await loaded(env({ SWITCHYARD_CONFIG: path }))).toEqual({ 'my-shop': path, manual: 'built-in' })
  })

  it('a config file with SWITCHYARD_DEMO=1 keeps the demo world beside it; the file wins an id', async () => {
    const path = configFile([myShop, { ...myShop, id: 'demo-web' }])
    const plugins = await loadHubPlugins(
      readSettings(env({ SWITCHYARD_CONFIG: path, SWITCHYARD_DEMO: '1' })),
      env({}),
    )
    expect(Object.fromEntries(plugins.instances.map((i) => [i.id, plugins.origins.get(i.id)]))).toEqual({
      'demo-market': 'demo',
      'demo-edi': 'demo',
      'demo-wms': 'demo',
      'my-shop': path,
      'demo-web': path,
      manual: 'built-in',
    })
    expect(plugins.demoWms?.id).toBe('demo-wms')
    expect(plugins.demo).toMatchObject({ demo: true })
  })

  it('with SWITCHYARD_DEMO_PLUGINS=0 seeds the demo data but runs only the file’s instances', async () => {
    const path = configFile([myShop])
    const e = env({ SWITCHYARD_CONFIG: path, SWITCHYARD_DEMO: '1', SWITCHYARD_DEMO_PLUGINS: '0' })
    const plugins = await loadHubPlugins(readSettings(e), e)
    expect(plugins.instances.map((i) => i.id)).toEqual(['my-shop', 'manual'])
    expect(plugins.demo.demo).toBe(true)
    expect(plugins.demoWms).toBeUndefined()
  })
})
