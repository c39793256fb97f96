/**
 * @module @switchyard/edi-x12/supplier
 * A drop-ship supplier over ASC X12 files in a mailbox (issue 20), the reverse of the trading
 * partner channel: the hub buys, the supplier ships to the hub's customer. It speaks the WMS
 * contract, since a supplier does what a warehouse does for the hub (takes a fulfilment, refuses
 * it, ships it with tracking, states its stock):
 * - Out, to `<mailbox>/outbound/`: an 850 drop-ship purchase order (BEG02 `DS`) for each
 *   fulfilment request routed to the supplier's location (each line by the hub's sku, BP, and the
 *   supplier's part number, VP, when the hub has one; its answers are read back by either); an 860 cancelling a PO the supplier
 *   accepted only part of, or that the hub cancels; a 997 for every interchange the supplier sends.
 * - In, from `<mailbox>/inbound/`: the 997 for our 850 (rejected: the order is routed elsewhere),
 *   the 855 acknowledgement (all accepted: nothing to do; rejected or partly accepted:
 *   `fulfilment.rejected`, which re-routes the order), the 856 ship notice (`shipment` with the
 *   carrier and tracking number, so the customer's channel hears it), the 846 inventory advice
 *   (`inventory` snapshots of the supplier's location; stale ones age out by the location's
 *   `feedMaxAgeHours`), and the 865 answering a cancellation the hub asked for (accepted:
 *   `fulfilment.cancelled`; refused: `fulfilment.cancel_refused`, the PO goes on).
 */
import {
  type DeliveryResult,
  definePlugin,
  type FulfilmentCancelRequest,
  type FulfilmentRequest,
  type PluginContext,
  type PollResult,
} from '@switchyard/plugin-sdk'
import type { MailboxTransport } from '../mailbox'
import { acknowledge, controlFor, send } from '../outbound'
import { withMailbox } from '../transport'
import {
  type Interchange,
  parseInterchange,
  type TransactionSet,
  UnreadableInterchangeError,
} from '../x12/parse'
import { type EdiSupplierConfig, ediSupplierConfig } from './config'
import { awaitAnswer, overdueEvents, settle } from './overdue'
import { cancel860, po850, type SentPo, sentPo } from './purchase-order'
import {
  type FindPo,
  type PartNumbers,
  type Reading,
  read846,
  read855,
  read856,
  read865,
  read997,
  vendorPartsIn,
} from './replies'

type Ctx = PluginContext<EdiSupplierConfig>

/** The file a poll read, for `committed` to answer and archive once the hub has kept its events. */
interface Receipt {
  /** Absent when the poll read no file and only reports overdue POs. */
  file?: string
  /** What the file answered (`<kind>:<po>`) and the POs reported overdue: settled in `committed`. */
  answered?: string[]
  held?: string[]
  /** POs to cancel with an 860 (partly accepted). */
  cancel: string[]
  /** Set when the file is refused whole: it goes to failed/ with this reason. */
  refused?: string
  /** Set when there is no readable ISA, so no 997 can answer it. */
  unreadable?: string
}

const findPo =
  (ctx: Ctx): FindPo =>
  (poNumber) =>
    ctx.state.get<SentPo>(`po:${poNumber}`).then((po) => po ?? undefined)

/** Our 850's group control number is its interchange's (see `writeInterchange`), kept per PO sent. */
const poOfGroup =
  (ctx: Ctx): FindPo =>
  async (control) => {
    const po = await ctx.state.get<string>(`group:${Number(control)}`)
    return po ? findPo(ctx)(po) : undefined
  }

/** A purchase order for the fulfilment, keyed by it: a retried delivery rewrites the same file. */
async function requestFulfilment(request: FulfilmentRequest, ctx: Ctx): Promise<DeliveryResult> {
  const key = `850:${request.fulfilmentId}`
  const known = await ctx.state.get<SentPo>(`fulfilment:${request.fulfilmentId}`)
  const po = known ?? sentPo(request, ctx.clock.now())
  await ctx.state.set(`po:${po.poNumber}`, po)
  await ctx.state.set(`fulfilment:${request.fulfilmentId}`, po)
  await ctx.state.set(`group:${await controlFor(ctx, key)}`, po.poNumber)
  // The supplier's answers may name a line by its own number alone (VP): kept to read them back.
  for (const l of po.lines) if (l.part) await ctx.state.set(`part:${l.part}`, l.sku)
  await awaitAnswer(ctx, po.poNumber, request.fulfilmentId, 'po')
  await send(ctx, key, '850', po.poNumber, po850(request, po))
  return { status: 'accepted', externalRef: po.poNumber }
}

/**
 * The hub cancels the fulfilment: an 860 cancelling its PO (BCH01 01), keyed by the fulfilment so a
 * retried delivery rewrites the same file. The supplier's 865 confirms it (`fulfilment.cancelled`);
 * until then the hub holds the order as cancelling, and an 856 may still ship it.
 */
async function cancelFulfilment(request: FulfilmentCancelRequest, ctx: Ctx): Promise<DeliveryResult> {
  const po = await ctx.state.get<SentPo>(`fulfilment:${request.fulfilmentId}`)
  if (!po) return { status: 'refused', reason: 'no purchase order was sent for this fulfilment' }
  await ctx.state.set(`cancelling:${po.poNumber}`, true)
  await awaitAnswer(ctx, po.poNumber, request.fulfilmentId, 'cancel')
  // Keyed by the hub's request: a retry rewrites the same file, a cancellation asked again after
  // the supplier refused one is a new 860.
  const key = ctx.idempotencyKey ? `860-${ctx.idempotencyKey}` : `860-cancel:${request.fulfilmentId}`
  await send(ctx, key, '860', po.poNumber, cancel860(po, ctx.clock.now()))
  // Not `accepted`: to the hub that means cancelled, and only the supplier's 865 says so.
  return { status: 'skipped', reason: `860 sent for PO ${po.poNumber}; the supplier's 865 confirms it` }
}

/** Which sets this mailbox takes, by functional group: acknowledgements, 855s, 856s, 846s and 865s. */
const TAKES: Record<string, string> = { FA: '997', PR: '855', SH: '856', IB: '846', CA: '865' }

/** Records on the interchange what its 997 must reject: another sender, a group or set not taken. */
function examine(x: Interchange, config: EdiSupplierConfig): void {
  if (x.sender !== config.partner.id)
    x.errors.push({ code: '006', message: `ISA06 ${x.sender} is not this supplier ${config.partner.id}` })
  if (x.receiver !== config.us.id)
    x.errors.push({ code: '008', message: `ISA08 ${x.receiver} is not us (${config.us.id})` })
  for (const g of x.groups) {
    const set = TAKES[g.functionalId]
    if (!set) g.errors.push({ code: '1', message: `functional group ${g.functionalId} is not accepted here` })
    for (const s of g.sets)
      if (s.id !== set) s.errors.push({ code: '1', message: `transaction set ${s.id} is not accepted here` })
  }
}

/** The hub's skus of the supplier part numbers (VP) a set names, as the hub's POs used them. */
async function partsIn(ctx: Ctx, set: TransactionSet): Promise<PartNumbers> {
  const parts = new Map<string, string>()
  for (const vp of vendorPartsIn(set)) {
    const sku = await ctx.state.get<string>(`part:${vp}`)
    if (sku) parts.set(vp, sku)
  }
  return parts
}

async function readSet(ctx: Ctx, set: TransactionSet, interchange: string): Promise<Reading> {
  switch (set.id) {
    case '855':
      return read855(set, findPo(ctx), await partsIn(ctx, set))
    case '856':
      return read856(set, findPo(ctx), await partsIn(ctx, set))
    case '846':
      return read846(set, ctx.config.locationId, interchange, await partsIn(ctx, set))
    case '865':
      return read865(
        set,
        findPo(ctx),
        async (po) => (await ctx.state.get<boolean>(`cancelling:${po}`)) === true,
      )
    default:
      return read997(set, poOfGroup(ctx))
  }
}

async function readSets(ctx: Ctx, x: Interchange): Promise<Reading> {
  const all: Reading = { events: [], cancel: [], notes: [], answered: [] }
  for (const set of x.groups.flatMap((g) => g.sets)) {
    if (set.errors.length > 0 || set.segmentErrors.length > 0) continue
    const r = await readSet(ctx, set, x.control)
    all.events.push(...r.events)
    all.cancel.push(...r.cancel)
    all.notes.push(...r.notes)
    all.answered.push(...r.answered)
  }
  return all
}

/** Reads the oldest waiting file into events; the 997 and the archive wait for `committed`. */
async function readFile(ctx: Ctx, box: MailboxTransport, file: string, more: boolean): Promise<PollResult> {
  let x: Interchange
  try {
    x = parseInterchange(await box.read(file))
  } catch (error) {
    if (!(error instanceof UnreadableInterchangeError)) throw error
    const unreadable = `not an X12 interchange this mailbox can read: ${error.message}`
    return { events: [], cursor: file, more, receipt: { file, cancel: [], unreadable } satisfies Receipt }
  }
  examine(x, ctx.config)
  if (x.errors.length > 0 || x.groups.some((g) => g.errors.length > 0)) {
    const refused = [...x.errors, ...x.groups.flatMap((g) => g.errors)].map((e) => e.message).join('; ')
    ctx.logger.warn({ file, reason: refused }, 'supplier interchange rejected')
    return { events: [], cursor: file, more, receipt: { file, cancel: [], refused } satisfies Receipt }
  }
  const read = await readSets(ctx, x)
  for (const note of read.notes) ctx.logger.warn({ file, note }, 'supplier document not applied')
  const overdue = await overdueEvents(ctx, read.answered)
  const receipt: Receipt = {
    file,
    cancel: read.cancel.map((p) => p.poNumber),
    answered: read.answered,
    held: overdue.held,
  }
  // A lifted hold first, so a refusal in the same file is the last word.
  return { events: [...overdue.events, ...read.events], cursor: file, more, receipt }
}

async function poll(_cursor: string | null, ctx: Ctx): Promise<PollResult> {
  return withMailbox(ctx.config, async (box) => {
    await box.ensure()
    const waiting = await box.waiting()
    const file = waiting[0]
    if (!file) {
      // Nothing waiting: the time to tell the hub about POs the supplier has left unanswered.
      const overdue = await overdueEvents(ctx, [])
      if (overdue.events.length === 0) return { events: [], cursor: null }
      const receipt: Receipt = { cancel: [], held: overdue.held }
      return { events: overdue.events, cursor: null, receipt }
    }
    const more = waiting.length > 1
    try {
      return await readFile(ctx, box, file, more)
    } catch (error) {
      // One file that trips the reader must not block the mailbox behind it.
      const reason = `could not be processed: ${(error as Error).message}`
      if (await box.exists(file)) await box.fail(file, reason)
      ctx.logger.error({ file, reason }, 'supplier EDI file failed')
      return { events: [], cursor: file, more }
    }
  })
}

/** Once the hub has kept the file's events: our 997, the 860s it calls for, then the archive. */
async function committed(result: PollResult, ctx: Ctx): Promise<void> {
  const receipt = result.receipt as Receipt | undefined
  if (!receipt) return
  await settle(ctx, receipt.answered ?? [], receipt.held ?? [])
  const file = receipt.file
  if (file === undefined) return
  await withMailbox(ctx.config, async (box) => {
    if (!(await box.exists(file))) return // settled already (a replay after a crash)
    if (receipt.unreadable !== undefined) return box.fail(file, receipt.unreadable)
    const x = parseInterchange(await box.read(file))
    examine(x, ctx.config)
    await acknowledge(ctx, box, file, x, receipt.refused !== undefined)
    if (receipt.refused !== undefined) return box.fail(file, receipt.refused)
    for (const poNumber of receipt.cancel) {
      const po = await findPo(ctx)(poNumber)
      if (po)
        await send(
          ctx,
          `860:${poNumber}`,
          '860',
          poNumber,
          cancel860(po, ctx.clock.now()),
          undefined,
          undefined,
          box,
        )
    }
    await box.archive(file)
  })
}

export default definePlugin({
  id: 'edi-x12-supplier',
  kind: 'wms',
  version: '1.0.0',
  sdk: '^1.5.0',
  displayName: 'EDI X12 drop-ship supplier',
  description:
    '850 drop-ship purchase orders and 860 cancellations out; 997, 855, 856, 846 and 865 in, through a mailbox folder or the supplier SFTP server.',
  config: ediSupplierConfig,
  capabilities: {
    ordersPoll: { intervalMs: 60_000, poll, committed },
    fulfilment: { requestFulfilment, cancelFulfilment },
  },
})

export { type EdiSupplierConfig, ediSupplierConfig } from './config'
