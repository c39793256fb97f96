import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubProcess, spawnHub } from '../support/hub-process'

const run = promisify(execFile)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Every .ts file under a folder: there must be none in what the compiled hub runs. */
function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'),
  )
}

/**
 * `pnpm build` then the hub as `pnpm start` runs it: plain node on server/dist, every workspace
 * package read from its dist/ (the `switchyard-dist` condition), no tsx loader. Node 20 cannot load
 * a .ts file at all, so a hub that starts and loads its plugins ran JavaScript only.
 */
describe('the compiled hub', () => {
  let dir: string
  let hub: HubProcess | undefined

  beforeAll(async () => {
    // The server and what it depends on (core, the SDK, the first-party plugins); the console is
    // built by vite and not needed for this.
    await run('pnpm', ['--filter', '@switchyard/server...', '--workspace-concurrency=2', 'build'], {
      cwd: root,
      maxBuffer: 32 * 1024 * 1024,
    })
    dir = mkdtempSync(join(tmpdir(), 'switchyard-built-'))
  }, 600_000)

  afterAll(async () => {
    await hub?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('is JavaScript, with the files read beside modules copied', () => {
    for (const pkg of ['core', 'server', 'plugin-sdk', 'plugins/shopify']) {
      expect(existsSync(join(root, pkg, 'dist', 'index.js')), pkg).toBe(true)
      expect(typeScriptFiles(join(root, pkg, 'dist')), pkg).toEqual([])
    }
    expect(existsSync(join(root, 'server/dist/main.js'))).toBe(true)
    expect(existsSync(join(root, 'core/dist/routing/centroids/data/NZ.tsv.gz'))).toBe(true)
  })

  it('starts with plain node as a quick start would, answers /health and loads its plugins from dist', async () => {
    // Node 22.18 and later strip types by default; refuse that so the test means the same there.
    const major = Number(process.versions.node.split('.')[0])
    hub = await spawnHub(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        SWITCHYARD_CONFIG: '',
        SWITCHYARD_DATA_DIR: join(dir, 'data'),
        SWITCHYARD_DEMO: '1',
        LOG_LEVEL: 'info',
      },
      {
        compiled: true,
        cwd: dir,
        timeoutMs: 60_000,
        nodeArgs: major >= 22 ? ['--no-experimental-strip-types'] : [],
      },
    )
    const health = await fetch(`${hub.url}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })
    expect(hub.child.spawnargs.join(' ')).not.toMatch(/tsx/)

    const plugins = await fetch(`${hub.url}/api/v1/plugins`, {
      headers: { authorization: `Bearer ${hub.bootstrapKey}` },
    })
    expect(plugins.status).toBe(200)
    const { items } = (await plugins.json()) as { items: { id: string; source?: string }[] }
    // The demo world's storefront, marketplace, EDI partner and warehouses, loaded by package name.
    expect(items.length).toBeGreaterThan(2)
    expect(hub.output()).not.toMatch(/ERR_UNKNOWN_FILE_EXTENSION|Cannot find module/)
  })
})
