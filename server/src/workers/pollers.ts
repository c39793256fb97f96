import { randomBytes } from 'node:crypto'
import { isSwitchyardError, type ReceivedInput, type SqlDb } from '@switchyard/core'
import {
  classifyError,
  type InboundEvent,
  type InventorySnapshot,
  isPluginError,
  type PluginContext,
  type PollResult,
  type UnmappedRecord,
} from '@switchyard/plugin-sdk'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { applyInbound } from '../plugins/inbound'
import { invokePlugin } from '../plugins/invoke'
import type { LoadedInstance } from '../plugins/loader'

/** A poll that has not answered by then is abandoned (its signal aborts) and counts as a failure. */
const POLL_DEADLINE_MS = 60_000
/** Longer than any poll may take, so a lease never runs out under a poll that is still going. */
const LEASE_MS = POLL_DEADLINE_MS * 2

type PollKind = 'orders' | 'inventory'

/** What a polled order's exception says of its input: the record is its canonical order (kept as parsed). */
const POLLED: ReceivedInput = { source: 'poll', contentType: null, body: null }

export interface PollersOptions {
  /** Overrides every plugin's own interval (tests, demos). */
  intervalMs?: number
  /** Names this process in the lease rows. */
  owner: string
}

export interface Pollers {
  start(): void
  stop(): Promise<void>
  /** One poll of one instance now, ignoring its schedule; false when another process holds the lease. */
  runOnce(instanceId: string, kind: PollKind): Promise<boolean>
}

/** Hub-owned keys in the instance's state table; plugins keep theirs without the `hub:` prefix. */
const cursorKey = (kind: PollKind) => `hub:cursor:${kind}`
const leaseKey = (kind: PollKind) => `hub:lease:${kind}`

/**
 * Takes or renews this process's lease on polling one instance. With several hub processes on one
 * PostgreSQL database only the holder polls; a crashed holder's lease runs out after LEASE_MS.
 * A conditional upsert, so it is one statement on both dialects and needs no session lock.
 */
async function takeLease(db: SqlDb, instanceId: string, kind: PollKind, owner: string): Promise<boolean> {
  const now = Date.now()
  const changed = await db.run(
    `insert into plugin_state (instance_id, key, value, updated_at) values (?, ?, ?, ?)
     on conflict (instance_id, key) do update set value = excluded.value, updated_at = excluded.updated_at
     where plugin_state.updated_at < ? or cast(plugin_state.value as text) = cast(excluded.value as text)`,
    [instanceId, leaseKey(kind), JSON.stringify(owner), now, now - LEASE_MS],
  )
  return changed > 0
}

async function dropLease(db: SqlDb, instanceId: string, kind: PollKind, owner: string): Promise<void> {
  await db.run('delete from plugin_state where instance_id = ? and key = ? and cast(value as text) = ?', [
    instanceId,
    leaseKey(kind),
    JSON.stringify(owner),
  ])
}

/** True for failures retrying will not fix: the events are skipped (and logged), the cursor moves on. */
function isPermanent(error: unknown): boolean {
  if (error instanceof ProblemError) return error.status < 500 || error.status === 501
  if (isSwitchyardError(error)) return true
  return isPluginError(error) && error.failure === 'permanent'
}

/** The error's message with the fields it names, for the instance's last error. */
function describe(error: unknown): string {
  const e = error as { message?: string; errors?: Issue[]; issues?: Issue[] }
  const issues = e.errors ?? e.issues ?? []
  const fields = issues.length > 0 ? `: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}` : ''
  return `${e.message ?? String(error)}${fields}`
}

interface Issue {
  field: string
  message: string
}

/**
 * Runs each instance's `ordersPoll` and `inventoryPull` on its interval. The cursor is stored only
 * after the events it covers are committed, so a crash means one harmless replay (intake dedupes),
 * never a gap. A poll that throws or hangs marks the instance's health and leaves the hub running.
 */
export function createPollers(hub: HubContext, options: PollersOptions): Pollers {
  // Unique per start, not just per process: a restarted process must not inherit a lease it cannot
  // know it holds, and hubs started side by side in one process (tests) are still told apart.
  const owner = `${options.owner}#${randomBytes(4).toString('hex')}`
  const timers = new Map<string, NodeJS.Timeout>()
  const running = new Set<Promise<unknown>>()
  let stopped = true

  const jobs: { instance: LoadedInstance; kind: PollKind; intervalMs: number }[] = []
  for (const instance of hub.registry.all()) {
    const c = instance.definition.capabilities
    if (c.ordersPoll)
      jobs.push({ instance, kind: 'orders', intervalMs: options.intervalMs ?? c.ordersPoll.intervalMs })
    if (c.inventoryPull)
      jobs.push({ instance, kind: 'inventory', intervalMs: options.intervalMs ?? c.inventoryPull.intervalMs })
  }

  async function applyOrders(instance: LoadedInstance, result: PollResult, ctx: PluginContext<unknown>) {
    const poll = instance.definition.capabilities.ordersPoll!
    // A channel's order the hub cannot take, and a record its plugin could not map, are kept as
    // intake exceptions: the records after them still go in, the cursor moves on, and the instance
    // is not marked failing (bad data is not a failing call). A receipt (a mailbox file) too: each
    // of its orders is taken or kept on its own, so one bad PO no longer refuses the good ones.
    const channel = instance.definition.kind === 'channel'
    for (const record of result.unmapped ?? []) await keepUnmapped(instance, record)
    for (const event of result.events) await applyOne(instance, event, channel ? POLLED : undefined)
    await poll.committed?.(result, ctx)
  }

  /** A record the plugin read but could not map: kept with its payload and the plugin's reasons. */
  async function keepUnmapped(instance: LoadedInstance, record: UnmappedRecord): Promise<void> {
    if (instance.definition.kind !== 'channel') {
      hub.logger.warn(
        { instance: instance.id },
        'unmapped record from a plugin that is not a channel ignored',
      )
      return
    }
    // Plugin output is not trusted: a malformed report still keeps what it can, with a reason saying so.
    const payload =
      typeof record?.payload === 'string' ? record.payload : (JSON.stringify(record?.payload) ?? '')
    const reasons = (Array.isArray(record?.reasons) ? record.reasons : [])
      .filter((r) => r && typeof r.field === 'string' && typeof r.message === 'string')
      .map((r) => ({
        field: r.field.slice(0, 300),
        code: typeof r.code === 'string' && r.code ? r.code.slice(0, 64) : 'INVALID_PAYLOAD',
        message: r.message.slice(0, 1000),
      }))
    if (reasons.length === 0)
      reasons.push({
        field: '(record)',
        code: 'INVALID_PAYLOAD',
        message: 'the plugin could not map this record',
      })
    await hub.core.intakeExceptions.capture(instance.id, {
      candidate: undefined,
      externalOrderId: typeof record?.externalId === 'string' ? record.externalId : undefined,
      // Its own source: the payload is the channel's record, for the poll's `mapRecord` on replay.
      received: {
        source: 'poll:unmapped',
        contentType: typeof record?.contentType === 'string' ? record.contentType : null,
        body: payload,
      },
      reasons,
    })
  }

  /** One event; a permanent refusal is logged and recorded and the poll moves on past it. */
  async function applyOne(
    instance: LoadedInstance,
    event: InboundEvent,
    received?: ReceivedInput,
  ): Promise<void> {
    try {
      await applyInbound(hub, instance, [event], received)
    } catch (error) {
      if (!isPermanent(error)) throw error
      const ref =
        event.type === 'order'
          ? event.order.externalId
          : event.type === 'inventory'
            ? event.snapshots.map((x) => `${x.sku}@${x.locationId}`).join(', ')
            : 'externalOrderId' in event
              ? event.externalOrderId
              : event.type
      const reason = describe(error)
      hub.logger.warn({ instance: instance.id, event: event.type, ref, reason }, 'polled event not applied')
      if (!(error instanceof ProblemError && error.status === 501))
        await hub.core.pluginInstances.failure(
          instance.id,
          `${event.type} ${ref}: ${reason}`,
          Number.MAX_SAFE_INTEGER,
        )
    }
  }

  /**
   * A WMS reports every sku it holds, including some the hub does not sell: when the batch is refused,
   * each snapshot is applied on its own and the refused ones are logged, so one unknown sku does not
   * stop the others' levels.
   */
  async function applySnapshots(instance: LoadedInstance, snapshots: InventorySnapshot[]): Promise<void> {
    try {
      await applyInbound(hub, instance, [{ type: 'inventory', snapshots }])
    } catch (error) {
      if (!isPermanent(error) || snapshots.length === 1) throw error
      for (const s of snapshots) await applyOne(instance, { type: 'inventory', snapshots: [s] })
    }
  }

  async function pollOnce(instance: LoadedInstance, kind: PollKind): Promise<{ more: boolean } | undefined> {
    const { db } = hub.core
    if (!(await takeLease(db, instance.id, kind, owner))) return undefined
    const state = hub.contexts(instance).state
    const cursor = ((await state.get<string>(cursorKey(kind))) ?? null) as string | null
    const caps = instance.definition.capabilities
    if (kind === 'orders') {
      const result = await invokePlugin(
        instance,
        'orders poll',
        POLL_DEADLINE_MS,
        (signal) => caps.ordersPoll!.poll(cursor, hub.contexts(instance, { signal })),
        undefined,
        hub.observePluginCall,
      )
      await applyOrders(instance, result, hub.contexts(instance))
      // Ownership is checked again: a poll that outlived its lease must not move the cursor back.
      if (result.cursor !== null && (await takeLease(db, instance.id, kind, owner)))
        await state.set(cursorKey(kind), result.cursor)
      return { more: result.more === true }
    }
    const pulled = await invokePlugin(
      instance,
      'inventory pull',
      POLL_DEADLINE_MS,
      (signal) => caps.inventoryPull!.pullInventory(cursor, hub.contexts(instance, { signal })),
      undefined,
      hub.observePluginCall,
    )
    if (pulled.snapshots.length > 0) await applySnapshots(instance, pulled.snapshots)
    if (pulled.cursor !== null && (await takeLease(db, instance.id, kind, owner)))
      await state.set(cursorKey(kind), pulled.cursor)
    return { more: false }
  }

  async function runGuarded(
    instance: LoadedInstance,
    kind: PollKind,
  ): Promise<{ more: boolean } | undefined> {
    try {
      const outcome = await pollOnce(instance, kind)
      if (outcome) await hub.core.pluginInstances.success(instance.id)
      return outcome
    } catch (error) {
      const classified = isPluginError(error) ? error : classifyError(error)
      hub.logger.warn(
        { instance: instance.id, poll: kind, failure: classified.failure, error: classified.message },
        'poll failed; will retry on schedule',
      )
      await hub.core.pluginInstances
        .failure(instance.id, `${kind} poll: ${classified.message}`)
        .catch(() => {})
      return undefined
    }
  }

  function schedule(job: (typeof jobs)[number], ms: number): void {
    if (stopped) return
    const key = `${job.instance.id}:${job.kind}`
    timers.set(
      key,
      setTimeout(() => {
        const p = runGuarded(job.instance, job.kind)
        running.add(p)
        void p.then((outcome) => {
          running.delete(p)
          schedule(job, outcome?.more ? 0 : job.intervalMs)
        })
      }, ms),
    )
  }

  return {
    start() {
      stopped = false
      for (const job of jobs) schedule(job, 0)
    },
    async stop() {
      stopped = true
      for (const t of timers.values()) clearTimeout(t)
      timers.clear()
      await Promise.allSettled([...running])
      for (const job of jobs) await dropLease(hub.core.db, job.instance.id, job.kind, owner).catch(() => {})
    },
    async runOnce(instanceId, kind) {
      const instance = hub.registry.get(instanceId)
      if (!instance) throw new Error(`no plugin instance '${instanceId}'`)
      return (await runGuarded(instance, kind)) !== undefined
    },
  }
}
