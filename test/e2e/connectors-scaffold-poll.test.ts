import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpPeer, json, waitFor } from '../peers/http-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { startConnectorHub } from './connectors-hub'

const run = promisify(execFile)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

/**
 * `pnpm create-plugin <name> --kind channel --poll`: a poll-only channel (as eBay and TradeMe are),
 * outside the workspace. It compiles, passes the conformance kit (malformed page included),
 * advertises order intake, and a hub takes an order by polling it.
 */
describe('pnpm create-plugin --poll', () => {
  let dir: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-scaffold-poll-'))
    const modules = join(dir, 'node_modules')
    mkdirSync(join(modules, '@switchyard'), { recursive: true })
    mkdirSync(join(modules, '@types'), { recursive: true })
    symlinkSync(join(root, 'plugin-sdk'), join(modules, '@switchyard', 'plugin-sdk'))
    symlinkSync(realpathSync(join(root, 'plugin-sdk', 'node_modules', 'zod')), join(modules, 'zod'))
    symlinkSync(realpathSync(join(root, 'node_modules', 'vitest')), join(modules, 'vitest'))
    symlinkSync(realpathSync(join(root, 'node_modules', '@types', 'node')), join(modules, '@types', 'node'))
  })

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  const scaffold = (name: string, ...extra: string[]) =>
    run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'tools/create-plugin/create-plugin.ts'),
        name,
        ...extra,
        '--dir',
        join(dir, name),
      ],
      { cwd: root },
    )

  it('refuses --poll for a warehouse', async () => {
    const bad = await scaffold('acme-wh', '--kind', 'wms', '--poll').catch(
      (e: { code: number; stderr: string }) => e,
    )
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/--poll is for a channel/) })
  })

  it('scaffolds a poll-only channel that compiles, passes the kit and takes an order in a hub', async () => {
    const out = await scaffold('acme-market', '--kind', 'channel', '--poll')
    expect(out.stdout).toContain("Created poll-only channel plugin 'acme-market'")
    const pkg = join(dir, 'acme-market')
    symlinkSync(join(dir, 'node_modules'), join(pkg, 'node_modules'))
    await run(bin('tsc'), ['--noEmit', '-p', pkg], { cwd: pkg })
    const test = await run(bin('vitest'), ['run', '--root', pkg, '--reporter', 'dot'], {
      cwd: pkg,
      env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    })
    const output = `${test.stdout}${test.stderr}`
    expect(output).toMatch(/Tests\s+\d+ passed/)
    expect(output).not.toMatch(/failed|skipped/)

    const market = await HttpPeer.start((req, res) => {
      const url = new URL(req.path, 'http://peer')
      if (url.pathname !== '/orders') return json(res, 202, {})
      const order = {
        id: 'M-1',
        updated_at: new Date(Date.now() - 1000).toISOString(),
        currency: 'NZD',
        ship_to: { name: 'Jane', address1: '1 Queen St', city: 'Auckland', country: 'NZ' },
        lines: [{ id: 1, sku: 'SKU-A', quantity: 1, price: '12.50' }],
      }
      return json(res, 200, { total: 1, orders: Number(url.searchParams.get('offset')) > 0 ? [] : [order] })
    })
    const db: TestDb = await createTestDb('sqlite')
    const hub = await startConnectorHub(
      db,
      [{ id: 'market', use: pkg, config: { baseUrl: market.url, apiKey: { $env: 'K1' } } }],
      { K1: 'market-key-0001' },
      { pollMs: 250 },
    )
    try {
      await seedWorld(hub.api)
      const plugins = (await hub.api('/api/v1/plugins')).body.items as {
        id: string
        capabilities: string[]
      }[]
      const caps = plugins.find((p) => p.id === 'market')?.capabilities
      expect(caps).toEqual(expect.arrayContaining(['order-intake', 'polling', 'status-push']))
      expect(caps).not.toContain('webhook-intake')
      const taken = await waitFor(
        async () => (await hub.api('/api/v1/orders?channel=market&externalId=M-1')).body.items[0],
        15_000,
        'the polled order',
      )
      expect(taken.status).not.toBe('received')
      expect(market.requests[0]?.headers.authorization).toBe('Bearer market-key-0001')
    } finally {
      await hub.stop()
      await market.close()
      await db.drop()
    }
  })
})
