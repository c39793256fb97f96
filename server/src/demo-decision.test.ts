import { describe, expect, it } from 'vitest'
import { demoDecision } from './hub'
import { readSettings } from './settings'

/** The demo world seeds a quick start only: never what may be a production database, unless asked. */
describe('demoDecision', () => {
  const decide = (env: Record<string, string>, configFile?: string) =>
    demoDecision(readSettings(env), configFile).demo

  it('seeds a quick start: no config file, SQLite', () => {
    expect(decide({})).toBe(true)
  })

  it('does not seed a hub with a config file or a PostgreSQL database, unless SWITCHYARD_DEMO=1', () => {
    const pg = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }
    expect(decide({}, '/etc/switchyard.config.json')).toBe(false)
    expect(decide(pg)).toBe(false)
    expect(decide({ ...pg, SWITCHYARD_DEMO: '1' })).toBe(true)
    expect(decide({ SWITCHYARD_DEMO: '1' }, '/etc/switchyard.config.json')).toBe(true)
  })

  it('never seeds when SWITCHYARD_DEMO=0, and says why it decided', () => {
    expect(decide({ SWITCHYARD_DEMO: '0' })).toBe(false)
    expect(demoDecision(readSettings({}), 'x.json').why).toMatch(/config file/)
  })
})
