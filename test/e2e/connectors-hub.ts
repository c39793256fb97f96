import { Writable } from 'node:stream'
import { type RunningHub, readSettings, startHub } from '@switchyard/server'
import pino from 'pino'
import type { TestDb } from '../support/databases'
import { apiClient, hubEnv, type PluginEntry, type TestHub, writeConfig } from '../support/test-hub'

export interface ConnectorHub extends TestHub {
  /** Every log line the hub wrote, as JSON text, at debug level: the secret checks read them. */
  logs: string[]
}

/**
 * A hub for connector tests: like startTestHub, but it logs at debug level into memory (so a test can
 * prove no secret reaches a log line) and polls every `pollMs`.
 */
export async function startConnectorHub(
  db: TestDb,
  plugins: readonly PluginEntry[],
  env: Record<string, string> = {},
  options: {
    pollMs?: number /** The key of an earlier start on the same database. */
    adminKey?: string
  } = {},
): Promise<ConnectorHub> {
  const config = writeConfig(plugins)
  const fullEnv = {
    ...process.env,
    ...hubEnv(db, config.path, env),
    SWITCHYARD_POLL_INTERVAL_MS: String(options.pollMs ?? 200),
  }
  const logs: string[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk))
      done()
    },
  })
  let announced = ''
  const hub: RunningHub = await startHub(readSettings(fullEnv), {
    env: fullEnv,
    logger: pino({ level: 'debug' }, sink),
    announce: (text) => {
      announced += text
    },
  })
  const adminKey = hub.bootstrapKey ?? options.adminKey ?? /sy_[A-Za-z0-9_-]+/.exec(announced)?.[0]
  if (!adminKey) throw new Error('the test hub did not create an admin key')
  return {
    url: hub.url,
    hub,
    adminKey,
    logs,
    api: apiClient(hub.url, adminKey),
    async stop() {
      await hub.stop()
      config.cleanup()
    },
  }
}

/** Every row the hub keeps for an instance that a secret could leak into, as text. */
export async function storedTextOf(hub: ConnectorHub, instanceId: string): Promise<string> {
  const { db } = hub.hub.core
  const rows = [
    ...(await db.all('select key, value from plugin_state where instance_id = ?', [instanceId])),
    ...(await db.all('select * from plugin_instance where id = ?', [instanceId])),
    ...(await db.all('select last_error, payload from outbox_message where instance_id = ?', [instanceId])),
  ]
  return JSON.stringify(rows)
}
