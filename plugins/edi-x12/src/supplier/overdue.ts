import type { InboundEvent, PluginContext } from '@switchyard/plugin-sdk'
import type { EdiSupplierConfig } from './config'

type Ctx = PluginContext<EdiSupplierConfig>

/** A document of ours the supplier has yet to answer: an 850 (its 997 or 855), or an 860 (its 865). */
interface Awaiting {
  fulfilmentId: string
  /** `po`: the 850 waits for a 997 or 855; `cancel`: the 860 waits for an 865. */
  kind: 'po' | 'cancel'
  /** Epoch ms it was sent. */
  since: number
  /** Set once the hub was told (`fulfilment.held`), so it is told once and told when it clears. */
  held?: true
}

type Watch = Record<string, Awaiting>

const KEY = 'awaiting'
const read = async (ctx: Ctx) => (await ctx.state.get<Watch>(KEY)) ?? {}

/** Starts waiting for the supplier's answer to a document sent for the PO (kept when it is a retry). */
export async function awaitAnswer(ctx: Ctx, poNumber: string, fulfilmentId: string, kind: Awaiting['kind']) {
  const watch = await read(ctx)
  if (watch[poNumber]?.kind === kind) return
  watch[poNumber] = { fulfilmentId, kind, since: ctx.clock.now().getTime() }
  await ctx.state.set(KEY, watch)
}

const late = (a: Awaiting, hours: number) =>
  a.kind === 'po'
    ? `the supplier has not acknowledged PO (no 997 or 855) within ${hours} hours`
    : `the supplier has not answered the 860 cancelling the PO (no 865) within ${hours} hours`

/**
 * What the hub must hear about waiting POs: `fulfilment.held` for each one unanswered longer than
 * `acknowledgeWithinHours` (an operator sees the held fulfilment and why), and `fulfilment.resumed`
 * for a held one the supplier has now answered (`answered`). Nothing is marked until `settle`,
 * after the hub kept the events.
 */
export async function overdueEvents(
  ctx: Ctx,
  answered: readonly string[],
): Promise<{ events: InboundEvent[]; held: string[] }> {
  const watch = await read(ctx)
  const hours = ctx.config.acknowledgeWithinHours
  const now = ctx.clock.now().getTime()
  const events: InboundEvent[] = []
  const held: string[] = []
  for (const [po, a] of Object.entries(watch)) {
    if (answered.includes(`${a.kind}:${po}`)) {
      if (a.held) events.push({ type: 'fulfilment.resumed', fulfilmentId: a.fulfilmentId })
    } else if (!a.held && now - a.since > hours * 3_600_000) {
      events.push({
        type: 'fulfilment.held',
        fulfilmentId: a.fulfilmentId,
        reason: `${late(a, hours)}: PO ${po}`,
      })
      held.push(po)
    }
  }
  return { events, held }
}

/**
 * Once the hub kept the events: the answered POs stop waiting, the overdue ones are marked told.
 * `answered` names `<kind>:<po>` (`po:` a 997 or 855, `cancel:` an 865; an 856 answers both).
 */
export async function settle(ctx: Ctx, answered: readonly string[], held: readonly string[]): Promise<void> {
  if (answered.length === 0 && held.length === 0) return
  const watch = await read(ctx)
  for (const [po, a] of Object.entries(watch)) if (answered.includes(`${a.kind}:${po}`)) delete watch[po]
  for (const po of held) if (watch[po]) watch[po].held = true
  await ctx.state.set(KEY, watch)
}
