import type { HubSettings } from '../settings'

/** What the delivery thread is started with: the hub's settings and the environment its plugins read. */
export interface DeliveryThreadData {
  settings: HubSettings
  /** The hub logger's level: the thread's lines go to the hub's log stream (`log` messages). */
  logLevel: string
  env: Record<string, string | undefined>
  /** The outbox lease owner: the hub's id with a suffix, so leases say which thread holds them. */
  workerId: string
}

/** From the hub to its delivery thread. */
export type ToDeliveryThread =
  | { type: 'start' }
  | { type: 'wake' }
  | { type: 'stop'; graceMs: number }
  /** How hard intake works on the hub's event loop, for the pacing (every LOAD_EVERY_MS). */
  | { type: 'load'; utilisation: number; queued: number }

export const LOAD_EVERY_MS = 100

/** A count for the hub's /metrics: a delivery outcome, or a plugin call. */
export type DeliveryCount =
  | {
      kind: 'delivery'
      instance: string
      topic: string
      outcome: 'delivered' | 'retry' | 'dead'
      ms?: number
    }
  | { kind: 'call'; instance: string; operation: string; outcome: string; seconds: number }

/** From the delivery thread to the hub. */
export type FromDeliveryThread =
  | { type: 'ready' }
  | { type: 'counts'; counts: DeliveryCount[] }
  | { type: 'stopped' }
  /** A finished JSON log line, for the hub's log stream. */
  | { type: 'log'; line: string }
