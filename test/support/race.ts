import { expect } from 'vitest'
import { createTestDb, type TestDb } from './databases'
import { type HubProcess, spawnHub } from './hub-process'
import { apiClient, hubEnv, type PluginEntry, writeConfig } from './test-hub'

type Api = ReturnType<typeof apiClient>

/** A stock row as `GET /api/v1/inventory` lists it. */
export type Level = {
  sku: string
  locationId: string
  onHand: number
  allocated: number
  reserved: number
  safetyStock: number
  protected: number
}

/** The hubs of a race: one on SQLite, several on one PostgreSQL database; each channel a rest channel. */
export interface RaceHubs {
  /** One client per hub, each with the bootstrap admin key. */
  apis: Api[]
  api: Api
  stop(): Promise<void>
}

export async function startRaceHubs(
  kind: Parameters<typeof createTestDb>[0],
  hubCount: number,
  channels: readonly string[],
): Promise<RaceHubs> {
  let db: TestDb | undefined
  let config: ReturnType<typeof writeConfig> | undefined
  const hubs: HubProcess[] = []
  const stop = async () => {
    for (const h of hubs) await h.stop()
    config?.cleanup()
    await db?.drop()
  }
  try {
    db = await createTestDb(kind)
    const plugins: PluginEntry[] = channels.map((id) => ({
      id,
      use: '@switchyard/rest-channel',
      config: { secret: { $env: 'S' } },
    }))
    config = writeConfig(plugins)
    const env = hubEnv(db, config.path, { S: 'race-secret', SWITCHYARD_RATE_LIMIT_KEY: 'off' })
    // One after the other: the first migrates the database.
    hubs.push(await spawnHub(env))
    for (let i = 1; i < hubCount; i++) hubs.push(await spawnHub(env))
  } catch (error) {
    await stop()
    throw error
  }
  const key = hubs.find((h) => h.bootstrapKey)!.bootstrapKey!
  const apis = hubs.map((h) => apiClient(h.url, key))
  return { apis, api: apis[0]!, stop }
}

/**
 * Reads the ledger over and over until stopped: every stock row's ATP and allocation, and every
 * pool's remaining units, must stay at or above zero at every moment, not only at the end.
 */
export function watchLedger(api: Api): { stop(): Promise<{ watched: number; violations: string[] }> } {
  let stopped = false
  let watched = 0
  const violations: string[] = []
  const running = (async () => {
    while (!stopped) {
      const levels = (await api('/api/v1/inventory?limit=5000')).body.items as Level[]
      for (const l of levels) {
        const atp = l.onHand - l.allocated - l.reserved - l.safetyStock - l.protected
        if (atp < 0 || l.protected < 0 || l.allocated < 0)
          violations.push(`${l.sku}@${l.locationId}: ATP ${atp}, protected ${l.protected}`)
      }
      const pools = (await api('/api/v1/pools')).body.items as { remaining: number }[]
      for (const p of pools) if (p.remaining < 0) violations.push(`pool remaining ${p.remaining}`)
      watched++
    }
  })()
  return {
    async stop() {
      stopped = true
      await running
      expect(violations).toEqual([])
      expect(watched).toBeGreaterThan(3)
      return { watched, violations }
    },
  }
}

/** `clients` concurrent callers share `orders` numbered sends until every one has been sent. */
export async function raceClients(
  clients: number,
  orders: number,
  send: (i: number, client: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const client = async (n: number) => {
    while (next < orders) await send(next++, n)
  }
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)))
}
