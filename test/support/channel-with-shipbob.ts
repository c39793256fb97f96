import { type ConnectorHub, startConnectorHub } from '../e2e/connectors-hub'
import { ShipbobPeer } from '../peers/shipbob-peer'
import { shipbobEntry, shipbobEnv } from './connector-entries'
import { createTestDb, type DbKind, type TestDb } from './databases'
import type { PluginEntry } from './test-hub'
import { seedWorld } from './world'

/** A simulated partner: started, then closed when the test is done. */
interface Peer {
  close(): Promise<void>
}

export interface ChannelWithShipbob<P extends Peer> {
  db: TestDb
  /** The channel's simulated partner. */
  peer: P
  shipbob: ShipbobPeer
  hub: ConnectorHub
  /** Takes down the hub, both peers and the database. */
  stop(): Promise<void>
}

export interface ChannelSpec<P extends Peer> {
  start(): Promise<P>
  /** The plugin instance of the channel, configured against `peer`. */
  entry(peer: P): PluginEntry
  /** The environment the entry's secrets come from, and any other the hub needs. */
  env(peer: P): Record<string, string>
  /** What the peer must hold before the hub starts (listings it sells). */
  prepare?(peer: P): void
}

/**
 * The world of a polled channel's connector test: a database of `kind`, the channel's simulated
 * partner and ShipBob's, a connector hub with the channel and ShipBob (as the WMS `sb`) polling every
 * 250 ms, and the demo catalogue and stock shipped from ShipBob. What started is taken down again if
 * a later step fails.
 */
export async function startChannelWithShipbob<P extends Peer>(
  kind: DbKind,
  channel: ChannelSpec<P>,
): Promise<ChannelWithShipbob<P>> {
  const started: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const down of started.splice(0).reverse()) await down()
  }
  try {
    const db = await createTestDb(kind)
    started.push(() => db.drop())
    const peer = await channel.start()
    started.push(() => peer.close())
    const shipbob = await ShipbobPeer.start()
    started.push(() => shipbob.close())
    channel.prepare?.(peer)
    const hub = await startConnectorHub(
      db,
      [channel.entry(peer), shipbobEntry(shipbob)],
      { ...channel.env(peer), ...shipbobEnv(shipbob) },
      { pollMs: 250 },
    )
    started.push(() => hub.stop())
    await seedWorld(hub.api, { wms: 'sb' })
    return { db, peer, shipbob, hub, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
