import type { SqlRunner } from '../db/sql/sql-db'

/** A database change that follows one delivery's outcome, made in the transaction that records it. */
export type OutcomeWrite = (tx: SqlRunner) => Promise<void>

type ManyWrite<T> = (tx: SqlRunner, items: readonly T[]) => Promise<void>

/**
 * The same kind of change for many deliveries at once: a round's writes made by one `ManyWrite`
 * (compared by identity) run as a single call with all their items, so a common outcome (a
 * fulfilment request accepted) costs one statement per round instead of one per message.
 * Build it with `grouped`.
 */
export interface GroupedWrite {
  readonly write: ManyWrite<unknown>
  readonly item: unknown
}

export type EffectWrite = OutcomeWrite | GroupedWrite

export function grouped<T>(write: ManyWrite<T>, item: T): GroupedWrite {
  // Every item grouped under `write` came through here with write's own T.
  return { write: write as ManyWrite<unknown>, item }
}

/** Runs a round's effect writes: each grouped kind once with all its items, the others one by one. */
export async function runEffects(tx: SqlRunner, writes: readonly EffectWrite[]): Promise<void> {
  const groups = new Map<ManyWrite<unknown>, unknown[]>()
  for (const w of writes) {
    if (typeof w === 'function') await w(tx)
    else {
      const items = groups.get(w.write)
      if (items) items.push(w.item)
      else groups.set(w.write, [w.item])
    }
  }
  for (const [write, items] of groups) await write(tx, items)
}
