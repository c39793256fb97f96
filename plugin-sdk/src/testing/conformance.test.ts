import { execFile } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..', '..')

/** The kit must be able to fail: run it on a careless plugin and read which checks it failed. */
describe('the conformance kit', () => {
  it('fails a plugin that leaks secrets, skips signatures, ignores cursors and misreads 429', {
    timeout: 60_000,
  }, async () => {
    const result = await promisify(execFile)(
      join(root, 'node_modules', '.bin', 'vitest'),
      ['run', '--root', join(here, 'fixtures'), '--reporter', 'verbose', 'careless-plugin.spec.ts'],
      { cwd: root, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' } },
    ).then(
      () => ({ code: 0, out: '' }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: `${e.stdout}${e.stderr}`,
      }),
    )
    expect(result.code).toBe(1)
    const failed = (title: string) => expect(result.out, title).toMatch(new RegExp(`[×✗] .*${title}`))
    failed('exports its config as JSON Schema with the secrets flagged') // accessToken not secret()
    failed("rejects a bad config naming 'baseUrl'")
    failed("rejects 'order' with a tampered body or without its signature")
    failed("maps 'order' to valid canonical events")
    failed('yields valid canonical orders and a cursor')
    failed('yields nothing from a cursor in the future')
    failed('classifies a 429 as transient and honours Retry-After')
    failed('refuses an empty, unsigned request without throwing')
    failed('never puts a secret value in a log line')
    expect(result.out).toMatch(/a secret leaked into a log line/)
    // And what the careless plugin does right still passes.
    expect(result.out).toMatch(/[✓] .*accepts the good config/)
  })
})
