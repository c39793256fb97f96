import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const RULES = `${root}deploy/prometheus/switchyard-alerts.yml`
const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0

/** The metric names the hub exports (server/src/observability/metrics.ts). */
function exported(): Set<string> {
  const source = readFileSync(`${root}server/src/observability/metrics.ts`, 'utf8')
  return new Set([...source.matchAll(/name: '(switchyard_[a-z_]+)'/g)].map((m) => m[1]!))
}

describe('the Prometheus alert rules', () => {
  it.runIf(promtool)('pass promtool check rules', () => {
    const res = spawnSync('promtool', ['check', 'rules', RULES], { encoding: 'utf8' })
    expect(res.stdout + res.stderr).toMatch(/SUCCESS: 6 rules found/)
    expect(res.status).toBe(0)
  })

  it('watch only metrics the hub exports', () => {
    const names = exported()
    const used = [
      ...readFileSync(RULES, 'utf8').matchAll(/\b(switchyard_[a-z_]+?)(?:_bucket|_sum|_count)?\b/g),
    ].map((m) => m[1]!)
    expect(used.length).toBeGreaterThan(5)
    expect(used.filter((n) => !names.has(n))).toEqual([])
  })
})
