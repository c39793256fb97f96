import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../support/databases'
import { writeConfig } from '../support/test-hub'

const MAIN = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url))

function cli(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, SWITCHYARD_DEMO: '0', LOG_LEVEL: 'error', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

describe('switchyard CLI', () => {
  let db: TestDb
  beforeAll(async () => {
    db = await createTestDb('sqlite')
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('stops start-up on a bad plugin config, naming the instance and the field', () => {
    const config = writeConfig([
      { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'CLI_TEST_UNSET' } } },
    ])
    try {
      const res = cli(['start'], { ...db.env, PORT: '0', SWITCHYARD_CONFIG: config.path })
      expect(res.code).toBe(1)
      expect(res.stderr).toContain(
        "configuration error: plugin instance 'web': config.secret: environment variable CLI_TEST_UNSET is not set",
      )
    } finally {
      config.cleanup()
    }
  })

  it('migrates, seeds and creates keys', () => {
    expect(cli(['migrate'], db.env)).toMatchObject({ code: 0, stdout: 'migrations applied\n' })
    expect(cli(['seed'], db.env)).toMatchObject({ code: 0, stdout: 'demo world seeded\n' })
    expect(cli(['seed'], db.env).stdout).toBe('locations exist already; nothing seeded\n')
    const created = cli(['keys', 'create', '--role', 'analyst', '--name', 'rules team'], db.env)
    expect(created.code).toBe(0)
    expect(created.stdout).toMatch(/^sy_[a-f0-9]{12}_[A-Za-z0-9_-]{32}\n$/)
    const listed = cli(['keys', 'list'], db.env)
    expect(listed.stdout).toMatch(/analyst .* rules team/)
    expect(cli(['keys', 'create', '--role', 'emperor'], db.env).code).toBe(2)
  })
})
