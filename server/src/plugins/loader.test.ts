import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { SDK_VERSION } from '@switchyard/plugin-sdk'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigFileError, readConfigFile } from './config-file'
import { loadInstances } from './loader'

const dirs: string[] = []
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'switchyard-loader-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function load(plugins: unknown[], env: Record<string, string> = {}) {
  const dir = tempDir()
  const path = join(dir, 'switchyard.config.json')
  writeFileSync(path, JSON.stringify({ plugins }))
  return loadInstances(await readConfigFile(path), env, { fromFile: true })
}

async function failure(plugins: unknown[], env: Record<string, string> = {}): Promise<string> {
  try {
    await load(plugins, env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError)
    return (error as Error).message
  }
  throw new Error('expected the config to be refused')
}

describe('plugin loading', () => {
  it('loads a first-party plugin by package name with secrets from the environment', async () => {
    const [web] = await load(
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'WEB_SECRET' }, callbackUrl: 'https://shop.example/cb' },
        },
      ],
      { WEB_SECRET: 's3cret-value' },
    )
    expect(web!.definition.id).toBe('rest-channel')
    expect(web!.config.secret).toBe('s3cret-value')
    expect(web!.secretValues).toEqual(['s3cret-value'])
  })

  it('adds the built-in manual channel last, unless the config names its own manual', async () => {
    const web = {
      id: 'web',
      use: '@switchyard/rest-channel',
      config: { secret: { $env: 'WEB_SECRET' } },
    }
    const loaded = await load([web], { WEB_SECRET: 's3cret-value' })
    expect(loaded.map((i) => [i.id, i.definition.kind, i.source])).toEqual([
      ['web', 'channel', '@switchyard/rest-channel'],
      ['manual', 'channel', 'built-in'],
    ])
    expect(loaded[1]!.definition.id).toBe('manual-channel')
    const own = await load([{ ...web, id: 'manual' }], { WEB_SECRET: 's3cret-value' })
    expect(own.map((i) => [i.id, i.definition.id])).toEqual([['manual', 'rest-channel']])
  })

  it('names the instance, the field and the variable when a secret is missing', async () => {
    const message = await failure([
      { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
    ])
    expect(message).toBe("plugin instance 'web': config.secret: environment variable WEB_SECRET is not set")
  })

  it('refuses a secret written into the config file', async () => {
    const message = await failure([
      { id: 'web', use: '@switchyard/rest-channel', config: { secret: 'in-the-file' } },
    ])
    expect(message).toMatch(
      /^plugin instance 'web': config\.secret: is a secret and must come from the environment/,
    )
  })

  it('names the field of an invalid value', async () => {
    const message = await failure(
      [
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: 'not a url', apiKey: { $env: 'K' }, webhookSecret: { $env: 'H' } },
        },
      ],
      { K: 'key-1234', H: 'hook-1234' },
    )
    expect(message).toMatch(/^plugin instance 'dc': config\.baseUrl: /)
  })

  it('names the instance of an unknown plugin and of a bad entry', async () => {
    expect(await failure([{ id: 'x', use: '@switchyard/no-such-plugin' }])).toMatch(
      /^plugin instance 'x': use: cannot load/,
    )
    expect(await failure([{ id: 'Bad Id', use: '@switchyard/rest-channel' }])).toMatch(
      /plugins\[0\]\.id: must be lower-case/,
    )
    expect(
      await failure(
        [
          { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'S' } } },
          { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'S' } } },
        ],
        { S: 'secret-1234' },
      ),
    ).toBe("plugin instance 'web': id is used twice")
  })

  it('loads a plugin by path from a folder outside the workspace', async () => {
    const dir = realpathSync(tempDir())
    const plugin = join(dir, 'acme-wms')
    mkdirSync(join(plugin, 'node_modules', '@switchyard'), { recursive: true })
    // The plugin's own dependencies, as `npm install` would have put them there.
    const require = createRequire(import.meta.url)
    symlinkSync(
      dirname(require.resolve('@switchyard/plugin-sdk/package.json')),
      join(plugin, 'node_modules', '@switchyard', 'plugin-sdk'),
    )
    symlinkSync(dirname(require.resolve('zod/package.json')), join(plugin, 'node_modules', 'zod'))
    writeFileSync(
      join(plugin, 'package.json'),
      JSON.stringify({ name: 'acme-wms', type: 'module', main: 'index.ts' }),
    )
    writeFileSync(
      join(plugin, 'index.ts'),
      `import { definePlugin, secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'
export default definePlugin({
  id: 'acme-wms', kind: 'wms', version: '0.3.0', sdk: '^1.0.0', displayName: 'Acme WMS',
  config: z.object({ token: secret() }),
  capabilities: { fulfilment: { async requestFulfilment() { return { status: 'accepted', externalRef: 'A-1' } } } },
})
`,
    )
    const configDir = join(dir, 'deploy')
    mkdirSync(configDir)
    writeFileSync(
      join(configDir, 'switchyard.config.json'),
      JSON.stringify({
        plugins: [{ id: 'acme', use: '../acme-wms', config: { token: { $env: 'ACME_TOKEN' } } }],
      }),
    )
    const [acme] = await loadInstances(
      await readConfigFile(join(configDir, 'switchyard.config.json')),
      { ACME_TOKEN: 'tok-123456' },
      { fromFile: true },
    )
    expect(acme!.definition).toMatchObject({ id: 'acme-wms', kind: 'wms', version: '0.3.0' })
  })

  it('refuses a plugin written for another SDK major version', async () => {
    const dir = realpathSync(tempDir())
    const require = createRequire(import.meta.url)
    mkdirSync(join(dir, 'node_modules', '@switchyard'), { recursive: true })
    symlinkSync(
      dirname(require.resolve('@switchyard/plugin-sdk/package.json')),
      join(dir, 'node_modules', '@switchyard', 'plugin-sdk'),
    )
    symlinkSync(dirname(require.resolve('zod/package.json')), join(dir, 'node_modules', 'zod'))
    writeFileSync(
      join(dir, 'future.ts'),
      `import { definePlugin } from '@switchyard/plugin-sdk'
import { z } from 'zod'
export default definePlugin({ id: 'future', kind: 'channel', version: '1.0.0', sdk: '^2.0.0', displayName: 'Future', config: z.object({}), capabilities: {} })
`,
    )
    writeFileSync(
      join(dir, 'switchyard.config.json'),
      JSON.stringify({ plugins: [{ id: 'f', use: './future.ts' }] }),
    )
    await expect(
      loadInstances(await readConfigFile(join(dir, 'switchyard.config.json')), {}, { fromFile: true }),
    ).rejects.toThrow(
      `plugin instance 'f': plugin 'future' 1.0.0 needs plugin SDK ^2.0.0; this hub provides ${SDK_VERSION}`,
    )
  })
})
