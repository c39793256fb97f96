import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pluginFiles } from '../../tools/create-plugin/templates'

const run = promisify(execFile)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>
}
const sdkPkg = JSON.parse(readFileSync(join(root, 'plugin-sdk/package.json'), 'utf8')) as { version: string }

/**
 * The SDK as a plugin author gets it: `pnpm pack` of plugin-sdk (JavaScript and declarations, no
 * sources), installed into a project outside the workspace, where a plain TypeScript plugin
 * compiles against it and passes the conformance kit it ships.
 */
describe('the packed plugin SDK', () => {
  let dir: string
  let project: string
  let tarball: string

  beforeAll(async () => {
    await run('pnpm', ['--filter', '@switchyard/plugin-sdk', 'build'], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    })
    dir = mkdtempSync(join(tmpdir(), 'switchyard-sdk-pack-'))
    const packed = await run('pnpm', ['pack', '--pack-destination', dir], { cwd: join(root, 'plugin-sdk') })
    tarball = join(dir, `switchyard-plugin-sdk-${sdkPkg.version}.tgz`)
    expect(existsSync(tarball), packed.stdout).toBe(true)

    // What `pnpm create-plugin --dir` writes for a third party, with the SDK from the tarball.
    project = join(dir, 'acme-shop')
    for (const [path, content] of Object.entries(
      pluginFiles({ name: 'acme-shop', kind: 'channel', inWorkspace: false }),
    )) {
      mkdirSync(dirname(join(project, path)), { recursive: true })
      writeFileSync(join(project, path), content)
    }
    const pkgPath = join(project, 'package.json')
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<string, Record<string, string>>
    pkg.devDependencies = {
      '@switchyard/plugin-sdk': `file:${tarball}`,
      '@types/node': rootPkg.devDependencies['@types/node']!,
      typescript: rootPkg.devDependencies.typescript!,
      vitest: rootPkg.devDependencies.vitest!,
    }
    writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`)
    // From the machine's pnpm store; the registry only for what the store lacks. Outside any
    // workspace, and CI's default frozen lockfile does not apply to a project that has none.
    await run('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=silent'], {
      cwd: project,
      maxBuffer: 16 * 1024 * 1024,
    })
  }, 600_000)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('holds JavaScript and declarations, and exports them with types and import', () => {
    const installed = join(project, 'node_modules/@switchyard/plugin-sdk')
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>
    }
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' })
    expect(pkg.exports['./testing']).toEqual({
      types: './dist/testing/index.d.ts',
      import: './dist/testing/index.js',
    })
    expect(existsSync(join(installed, 'src'))).toBe(false)
    expect(existsSync(join(installed, 'dist/index.d.ts'))).toBe(true)
    expect(existsSync(join(installed, 'dist/testing/index.js'))).toBe(true)
  })

  it('loads in plain node', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('@switchyard/plugin-sdk'); console.log(typeof m.definePlugin, m.SDK_VERSION)",
      ],
      { cwd: project },
    )
    expect(stdout.trim()).toBe(`function ${sdkPkg.version}`)
  })

  it('compiles a plain TypeScript plugin against its declarations', async () => {
    await run(join(project, 'node_modules/.bin/tsc'), ['-p', '.', '--noEmit', 'false', '--outDir', 'dist'], {
      cwd: project,
    })
    expect(existsSync(join(project, 'dist/index.js'))).toBe(true)
  })

  it('runs its conformance kit on the plugin', async () => {
    const test = await run(join(project, 'node_modules/.bin/vitest'), ['run', 'src', '--reporter', 'dot'], {
      cwd: project,
      env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    }).catch((e: { stdout: string; stderr: string }) => e)
    expect(`${test.stdout}${test.stderr}`).toMatch(/Tests\s+\d+ passed/)
    expect(`${test.stdout}${test.stderr}`).not.toMatch(/failed/)
  })
})
