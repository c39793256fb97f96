import { execFile } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpPeer, json } from '../peers/http-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { startConnectorHub } from './connectors-hub'

const run = promisify(execFile)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

/**
 * `pnpm create-plugin` output, outside the workspace as a third party would have it: it compiles,
 * passes the conformance kit, and loads in a hub that then takes an order through it.
 */
describe('pnpm create-plugin', () => {
  let dir: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-scaffold-'))
    // What `pnpm add` would give the new package: the SDK, zod, vitest and Node's types.
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

  const scaffold = (name: string, kind: string) =>
    run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'tools/create-plugin/create-plugin.ts'),
        name,
        '--kind',
        kind,
        '--dir',
        join(dir, name),
      ],
      {
        cwd: root,
      },
    )

  it('refuses a bad name or kind with the usage line', async () => {
    const bad = await scaffold('Acme Shop', 'channel').catch((e: { code: number; stderr: string }) => e)
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/kebab-case/) })
    const kind = await scaffold('acme', 'erp').catch((e: { code: number; stderr: string }) => e)
    expect(kind).toMatchObject({ code: 2, stderr: expect.stringMatching(/--kind must be channel or wms/) })
  })

  for (const kind of ['channel', 'wms'] as const) {
    it(`scaffolds a ${kind} plugin that compiles and passes the conformance kit`, async () => {
      const name = `acme-${kind}`
      const out = await scaffold(name, kind)
      expect(out.stdout).toContain(`Created ${kind} plugin '${name}'`)
      const pkg = join(dir, name)
      symlinkSync(join(dir, 'node_modules'), join(pkg, 'node_modules'))
      await run(bin('tsc'), ['--noEmit', '-p', pkg], { cwd: pkg })
      const test = await run(bin('vitest'), ['run', '--root', pkg, '--reporter', 'dot'], {
        cwd: pkg,
        env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      })
      expect(`${test.stdout}${test.stderr}`).toMatch(/Tests\s+\d+ passed/)
      expect(`${test.stdout}${test.stderr}`).not.toMatch(/failed/)
    })
  }

  it('scaffolds into this repository a plugin whose own folder runs its tests (`pnpm test` there)', async () => {
    const name = `scaffold-${process.pid}`
    const pkg = join(root, 'plugins', name)
    try {
      const out = await run(
        process.execPath,
        ['--import', 'tsx', join(root, 'tools/create-plugin/create-plugin.ts'), name, '--kind', 'channel'],
        { cwd: root },
      )
      expect(out.stdout).toContain(`Created channel plugin '${name}'`)
      // What `pnpm install` would link for it: the SDK, zod, vitest.
      symlinkSync(join(dir, 'node_modules'), join(pkg, 'node_modules'))
      // No --root and no path: vitest finds the plugin's own config, not the repository's.
      const test = await run(bin('vitest'), ['run', '--reporter', 'dot'], {
        cwd: pkg,
        env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      })
      expect(`${test.stdout}${test.stderr}`).toMatch(/Tests\s+\d+ passed/)
      expect(`${test.stdout}${test.stderr}`).not.toMatch(/failed|No test files found/)
    } finally {
      rmSync(pkg, { recursive: true, force: true })
    }
  })

  it('loads both in a hub, which takes an order through the scaffolded channel and ships it through the WMS', async () => {
    const db: TestDb = await createTestDb('sqlite')
    const wms = await HttpPeer.start((req, res) => json(res, 201, { id: `WH-${req.at}` }))
    const hub = await startConnectorHub(
      db,
      [
        {
          id: 'acme',
          use: join(dir, 'acme-channel'),
          config: { baseUrl: 'http://127.0.0.1:9', apiKey: { $env: 'K1' }, webhookSecret: { $env: 'S1' } },
        },
        {
          id: 'wh',
          use: join(dir, 'acme-wms'),
          config: { baseUrl: wms.url, apiKey: { $env: 'K2' }, webhookSecret: { $env: 'S2' } },
        },
      ],
      { K1: 'channel-key-0001', S1: 'channel-secret-0001', K2: 'wms-key-0001', S2: 'wms-secret-0001' },
      { pollMs: 600_000 },
    )
    try {
      await seedWorld(hub.api, { wms: 'wh' })
      const plugins = (await hub.api('/api/v1/plugins')).body.items as {
        id: string
        capabilities: string[]
      }[]
      expect(plugins.find((p) => p.id === 'acme')?.capabilities).toEqual(
        expect.arrayContaining(['webhook-intake', 'order-intake', 'polling', 'status-push']),
      )
      expect(plugins.find((p) => p.id === 'wh')?.capabilities).toEqual(
        expect.arrayContaining(['fulfilment-request', 'shipment-intake']),
      )
      const body = JSON.stringify({
        id: 'A-1',
        currency: 'NZD',
        ship_to: { name: 'Jane', address1: '1 Queen St', city: 'Auckland', country: 'NZ' },
        lines: [{ id: 1, sku: 'SKU-A', quantity: 1, price: '12.50' }],
      })
      const res = await fetch(`${hub.url}/webhooks/acme/orders`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': createHmac('sha256', 'channel-secret-0001').update(body).digest('base64'),
        },
        body,
      })
      expect(res.status).toBe(201)
      const { results } = (await res.json()) as { results: { orderId: string; status: string }[] }
      expect(results[0]!.status).toBe('released')
      const deadline = Date.now() + 10_000
      while (!wms.requests.some((r) => r.path === '/fulfilment-orders') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25))
      const request = wms.requests.find((r) => r.path === '/fulfilment-orders')!
      expect(request.headers.authorization).toBe('Bearer wms-key-0001')
      const fulfilmentId = JSON.parse(request.body).fulfilmentId as string
      const shipment = JSON.stringify({ fulfilmentId, carrier: 'NZ Post', trackingNumber: 'NZ1' })
      const shipped = await fetch(`${hub.url}/webhooks/wh/shipments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': createHmac('sha256', 'wms-secret-0001').update(shipment).digest('base64'),
        },
        body: shipment,
      })
      expect(shipped.status).toBe(200)
      expect((await hub.api(`/api/v1/orders/${results[0]!.orderId}`)).body.status).toBe('shipped')
    } finally {
      await hub.stop()
      await wms.close()
      await db.drop()
    }
  })
})
