import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningHub, readSettings, startHub } from '@switchyard/server'
import pino from 'pino'
import type { TestDb } from './databases'

export interface PluginEntry {
  id: string
  use: string
  config: Record<string, unknown>
}

export interface TestHub {
  url: string
  hub: RunningHub
  adminKey: string
  api(
    path: string,
    init?: { method?: string; body?: unknown; key?: string | null },
  ): Promise<{ status: number; body: any; contentType: string }>
  stop(): Promise<void>
}

/** Writes a switchyard.config.json for these plugin instances into a temp folder. */
export function writeConfig(plugins: readonly PluginEntry[]): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-config-'))
  const path = join(dir, 'switchyard.config.json')
  writeFileSync(path, JSON.stringify({ plugins }, null, 2))
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function hubEnv(
  db: TestDb,
  configPath: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    SWITCHYARD_DEMO: '0',
    SWITCHYARD_CONFIG: configPath,
    SWITCHYARD_OUTBOX_BASE_MS: '50',
    SWITCHYARD_OUTBOX_MAX_MS: '500',
    SWITCHYARD_OUTBOX_POLL_MS: '50',
    LOG_LEVEL: process.env.SWITCHYARD_TEST_LOG ?? 'silent',
    ...db.env,
    ...extra,
  }
}

export function apiClient(url: string, defaultKey: string) {
  return async (path: string, init: { method?: string; body?: unknown; key?: string | null } = {}) => {
    const headers: Record<string, string> = {}
    const key = init.key === undefined ? defaultKey : init.key
    if (key) headers.authorization = `Bearer ${key}`
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(`${url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body:
        init.body === undefined
          ? undefined
          : typeof init.body === 'string'
            ? init.body
            : JSON.stringify(init.body),
    })
    const text = await res.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {}
    return { status: res.status, body: body as any, contentType: res.headers.get('content-type') ?? '' }
  }
}

/** Starts a hub inside the test process, on a free port, against `db`. */
export async function startTestHub(
  db: TestDb,
  plugins: readonly PluginEntry[],
  env: Record<string, string> = {},
  /** A key the database already holds (a restarted or restored hub makes no bootstrap key). */
  existingKey?: string,
): Promise<TestHub> {
  const config = writeConfig(plugins)
  // In-process hubs deliver on the test's event loop unless a test asks for the delivery thread
  // (delivery-thread.test.ts); spawned hubs run it as production does (`auto`).
  const fullEnv = { ...process.env, ...hubEnv(db, config.path, { SWITCHYARD_DELIVERY_THREAD: '0', ...env }) }
  let announced = ''
  const hub = await startHub(readSettings(fullEnv), {
    env: fullEnv,
    logger: pino({ level: fullEnv.LOG_LEVEL ?? 'silent' }),
    announce: (text) => {
      announced += text
    },
  })
  const adminKey = hub.bootstrapKey ?? /sy_[A-Za-z0-9_-]+/.exec(announced)?.[0] ?? existingKey
  if (!adminKey) throw new Error('the test hub did not create an admin key')
  return {
    url: hub.url,
    hub,
    adminKey,
    api: apiClient(hub.url, adminKey),
    async stop() {
      await hub.stop()
      config.cleanup()
    },
  }
}
