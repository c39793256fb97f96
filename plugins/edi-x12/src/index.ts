/**
 * @module @switchyard/edi-x12
 * A B2B trading partner over ASC X12 files in a mailbox: a folder, or the partner's SFTP server
 * (`sftp`; see `transport.ts`, one interface with two implementations).
 * - In: 850 purchase orders from the inbound folder (`<mailbox>/inbound/`, or `sftp.inboundDir`). Every interchange gets a 997 (and a TA1 when
 *   the ISA/IEA envelope itself is wrong) naming the failing set, segment and element with the
 *   proper AK codes. A PO with errors is rejected alone (AK5 R, AK9 P) and reported to the hub as
 *   an unmapped record (an intake exception); the good POs of the file go in and the file goes to
 *   `inbound/processed/`. An envelope or group error rejects the file whole: `inbound/failed/` with
 *   a `.reason.txt`, and the file is reported as one unmapped record.
 * - Out, to `<mailbox>/outbound/`: an 855 acknowledgement (accepted, quantity changed, backordered)
 *   when the hub has allocated the order, or rejected (RJ) when a person discards the PO's intake
 *   exception; an 856 ship notice and then an 810 invoice per shipment;
 *   an 812 credit memo for each refund after a return; an 846 inventory advice of what the partner
 *   may still sell, to partners configured for it (`inventoryAdvice`).
 * Envelopes: ISA fixed width, delimiters read from the ISA, control numbers and counts matched.
 */
import {
  type DeliveryResult,
  type DiscardedOrder,
  definePlugin,
  type InboundEvent,
  PermanentError,
  type PluginContext,
  type PollResult,
  type UnmappedRecord,
} from '@switchyard/plugin-sdk'
import { type EdiX12Config, ediX12Config } from './config'
import { advice846, asn856, credit812, invoice810, po855 } from './documents'
import type { MailboxTransport } from './mailbox'
import { acknowledge, controlFor, send } from './outbound'
import { type PoMemo, read850 } from './po850'
import { withMailbox } from './transport'
import {
  type Interchange,
  parseInterchange,
  type TransactionSet,
  UnreadableInterchangeError,
} from './x12/parse'

type Ctx = PluginContext<EdiX12Config>

interface Receipt {
  file: string
  poNumbers: string[]
  /**
   * Set when the 997 rejects the whole interchange (its envelope or a group is wrong, or no PO in it
   * is good): the file goes to failed/ with this reason once the hub has kept what it reports.
   */
  refused?: string
  /** Set when the file has no readable ISA, so no 997 can answer it: failed/ with this reason. */
  unreadable?: string
}

function reasons(x: Interchange): string {
  const lines = [
    ...x.errors.map((e) => `interchange ${x.control}: TA1 ${e.code}: ${e.message}`),
    ...x.groups.flatMap((g) => [
      ...g.errors.map((e) => `group ${g.control}: AK9 code ${e.code}: ${e.message}`),
      ...g.sets.flatMap((s) => [
        ...s.errors.map((e) => `set ${s.id} ${s.control}: AK5 code ${e.code}: ${e.message}`),
        ...s.segmentErrors.map(
          (e) => `set ${s.id} ${s.control}: ${e.segment} at ${e.position}: ${e.message}`,
        ),
      ]),
    ]),
  ]
  return lines.join('\n')
}

/** Reads the oldest waiting file. A bad one is answered, moved to failed/ and yields nothing. */
function pollMailbox(_cursor: string | null, ctx: Ctx): Promise<PollResult> {
  return withMailbox(ctx.config, (mailbox) => pollOpen(ctx, mailbox))
}

async function pollOpen(ctx: Ctx, mailbox: MailboxTransport): Promise<PollResult> {
  await mailbox.ensure()
  const waiting = await mailbox.waiting()
  const file = waiting[0]
  if (!file) return { events: [], cursor: null }
  const more = waiting.length > 1
  try {
    return await readFile(ctx, mailbox, file, more)
  } catch (error) {
    // One file that trips the reader must not block the mailbox behind it: it goes to failed/.
    const reason = `could not be processed: ${(error as Error).message}`
    if (await mailbox.exists(file)) await mailbox.fail(file, reason)
    ctx.logger.error({ file, reason }, 'EDI file failed')
    return { events: [], cursor: file, more }
  }
}

const EDI_TYPE = 'application/edi-x12'

/**
 * Checks an interchange as this mailbox takes it and reads each 850: every problem is recorded on
 * the interchange where its 997 reports it. Run again when the file is settled, so the 997 written
 * then names the same problems.
 */
function examine(x: Interchange, config: EdiX12Config): { orders: { order: InboundEvent; memo: PoMemo }[] } {
  if (x.sender !== config.partner.id)
    x.errors.push({
      code: '006',
      message: `ISA06 ${x.sender} is not this mailbox's partner ${config.partner.id}`,
    })
  if (x.receiver !== config.us.id)
    x.errors.push({ code: '008', message: `ISA08 ${x.receiver} is not us (${config.us.id})` })
  const orders: { order: InboundEvent; memo: PoMemo }[] = []
  for (const group of x.groups) {
    if (group.functionalId !== 'PO')
      group.errors.push({ code: '1', message: `functional group ${group.functionalId} is not accepted here` })
    for (const set of group.sets) {
      if (set.id !== '850') {
        set.errors.push({ code: '1', message: `transaction set ${set.id} is not accepted here` })
        continue
      }
      if (set.errors.length > 0) continue
      const read = read850(set, config)
      // A set the reader already faulted (a character that is not text) is not taken, even when
      // its 850 reads: the 997 rejects it.
      if (read && setIsClean(set))
        orders.push({ order: { type: 'order', order: read.order }, memo: read.memo })
    }
  }
  return { orders }
}

const setIsClean = (set: TransactionSet) => set.errors.length === 0 && set.segmentErrors.length === 0

/** The PO number a set names (BEG03), when there is a usable one. */
function poNumberOf(set: TransactionSet): string | undefined {
  const po = set.segments.find((s) => s.id === 'BEG')?.elements[3]?.trim()
  return po && po.length <= 100 ? po : undefined
}

/** One bad purchase order as the partner sent it (ST to SE) with each problem its 997 reports. */
function rejectedSet(x: Interchange, set: TransactionSet): UnmappedRecord {
  const { element, segment } = x.delimiters
  const po = poNumberOf(set)
  return {
    payload: set.segments.map((s) => `${s.elements.join(element)}${segment}`).join('\n'),
    contentType: EDI_TYPE,
    ...(po ? { externalId: po } : {}),
    reasons: [
      ...set.errors.map((e) => ({
        field: `${set.id} ${set.control}`,
        code: `X12_AK5_${e.code}`,
        message: e.message,
      })),
      ...set.segmentErrors.map((e) => ({
        field: e.element ? `${e.segment}${String(e.element.position).padStart(2, '0')}` : e.segment,
        code: e.element ? `X12_AK4_${e.element.code}` : `X12_AK3_${e.code}`,
        message: `${e.message} (segment ${e.position} of set ${set.control})`,
      })),
    ],
  }
}

/** The whole file, when its 997 must reject it whole (the envelope or a group is wrong). */
function rejectedFile(x: Interchange, file: string, text: string): UnmappedRecord {
  const pos = x.groups.flatMap((g) => g.sets.flatMap((s) => poNumberOf(s) ?? []))
  return {
    payload: text,
    contentType: EDI_TYPE,
    // One PO in the file: the exception is that PO's, so the partner's corrected resend closes it.
    ...(pos.length === 1 ? { externalId: pos[0]! } : {}),
    reasons: [
      ...x.errors.map((e) => ({
        field: `interchange ${x.control}`,
        code: `X12_TA1_${e.code}`,
        message: e.message,
      })),
      ...x.groups.flatMap((g) =>
        g.errors.map((e) => ({ field: `group ${g.control}`, code: `X12_AK9_${e.code}`, message: e.message })),
      ),
      { field: '(file)', code: 'X12_REJECTED', message: `${file}: the 997 rejects the whole interchange` },
    ],
  }
}

/**
 * One file, read as the 997 will answer it. A PO with errors of its own is rejected alone (AK5 R,
 * AK9 P): the good POs go to the hub and each bad one is reported as an unmapped record (one intake
 * exception per PO). An error in the envelope or a group rejects the file whole (its 997 says so),
 * and the file itself is reported; a file from another sender (ISA06/08) is not: it is not this
 * partner's. The 997 is written and the file archived in `settle`, once the hub has kept all this.
 */
async function readFile(
  ctx: Ctx,
  mailbox: MailboxTransport,
  file: string,
  more: boolean,
): Promise<PollResult> {
  const text = await mailbox.read(file)
  let x: Interchange
  try {
    x = parseInterchange(text)
  } catch (error) {
    if (!(error instanceof UnreadableInterchangeError)) throw error
    // Without a readable ISA there is no control number to acknowledge: the reason file says why.
    const reason = `not an X12 interchange this mailbox can read: ${error.message}`
    ctx.logger.warn({ file, reason: error.message }, 'EDI file refused')
    return { events: [], cursor: file, more, receipt: { file, poNumbers: [], unreadable: reason } }
  }
  const { orders } = examine(x, ctx.config)
  const sets = x.groups.flatMap((g) => g.sets)
  const whole = x.errors.length > 0 || x.groups.some((g) => g.errors.length > 0) || sets.length === 0
  if (whole || orders.length === 0) {
    const why = reasons(x) || 'the interchange holds no purchase order'
    ctx.logger.warn({ file, interchange: x.control, reason: why }, 'EDI interchange rejected')
    const foreign = x.errors.some((e) => e.code === '006' || e.code === '008')
    const unmapped = foreign
      ? []
      : whole
        ? [rejectedFile(x, file, text)]
        : sets.filter((s) => !setIsClean(s)).map((s) => rejectedSet(x, s))
    const receipt: Receipt = { file, poNumbers: [], refused: why }
    return { events: [], ...(unmapped.length > 0 ? { unmapped } : {}), cursor: file, more, receipt }
  }
  // Saved before the hub commits: the 855 for an order can be due the moment it is taken.
  for (const o of orders) await ctx.state.set(`po:${o.memo.poNumber}`, o.memo)
  const bad = sets.filter((s) => !setIsClean(s))
  if (bad.length > 0)
    ctx.logger.warn({ file, interchange: x.control, reason: reasons(x) }, 'EDI purchase order(s) rejected')
  const receipt: Receipt = { file, poNumbers: orders.map((o) => o.memo.poNumber) }
  return {
    events: orders.map((o) => o.order),
    ...(bad.length > 0 ? { unmapped: bad.map((s) => rejectedSet(x, s)) } : {}),
    cursor: file,
    more,
    receipt,
  }
}

async function settle(ctx: Ctx, result: PollResult, rejection: string | undefined): Promise<void> {
  const receipt = result.receipt as Receipt | undefined
  if (!receipt) return
  await withMailbox(ctx.config, (mailbox) => settleOpen(ctx, mailbox, receipt, rejection))
}

async function settleOpen(
  ctx: Ctx,
  mailbox: MailboxTransport,
  receipt: Receipt,
  rejection: string | undefined,
): Promise<void> {
  if (!(await mailbox.exists(receipt.file))) return // settled already (a replay after a crash)
  if (receipt.unreadable !== undefined) {
    await mailbox.fail(receipt.file, receipt.unreadable)
    return
  }
  const x = parseInterchange(await mailbox.read(receipt.file))
  examine(x, ctx.config)
  if (receipt.refused !== undefined) {
    await acknowledge(ctx, mailbox, receipt.file, x, true)
    await mailbox.fail(receipt.file, receipt.refused)
    return
  }
  // The good POs are accepted, each bad one rejected (AK9 P); a business refusal is the 855's to say.
  await acknowledge(ctx, mailbox, receipt.file, x, false)
  if (rejection === undefined) {
    await mailbox.archive(receipt.file)
    return
  }
  // A hub before SDK 1.2 refused the receipt whole.
  for (const po of receipt.poNumbers) {
    const memo = await ctx.state.get<PoMemo>(`po:${po}`)
    if (memo)
      await send(
        ctx,
        `855-reject:${po}`,
        '855',
        po,
        po855(memo, undefined, ctx.clock.now(), po),
        undefined,
        undefined,
        mailbox,
      )
  }
  await mailbox.fail(receipt.file, `the hub refused the purchase order(s): ${rejection}`)
}

/**
 * A person discarded the exception kept for a PO: the partner gets an 855 rejecting it (BAK02 `RJ`,
 * each line `IR`), keyed by the exception so a retried delivery rewrites the same file. Nothing is
 * sent for a PO this mailbox never accepted (its 997 rejected it, so the partner knows) nor for one
 * that became an order here.
 */
async function rejectDiscarded(order: DiscardedOrder, ctx: Ctx): Promise<DeliveryResult> {
  const po = order.externalOrderId
  if (!po) return { status: 'skipped', reason: 'no PO number to reject' }
  if (await ctx.state.get(`accepted:${po}`))
    return { status: 'skipped', reason: `PO ${po} is an order here; its 855 was sent` }
  const memo = await ctx.state.get<PoMemo>(`po:${po}`)
  if (!memo) return { status: 'skipped', reason: `PO ${po} was never accepted: its 997 rejected it` }
  const file = await send(
    ctx,
    `855-discard:${order.exceptionId}`,
    '855',
    po,
    po855(memo, undefined, ctx.clock.now(), po),
  )
  return { status: 'accepted', externalRef: file }
}

/** BAK08 (at most 22 characters): the hub's order id, compacted; its tail is the random part. */
const sellerOrderNumber = (orderId: string) => `SY${orderId.replace(/-/g, '').slice(-20)}`

async function memoOf(ctx: Ctx, poNumber: string): Promise<PoMemo> {
  const memo = await ctx.state.get<PoMemo>(`po:${poNumber}`)
  if (!memo) throw new PermanentError(`no purchase order ${poNumber} was received from this partner`)
  return memo
}

export default definePlugin({
  id: 'edi-x12',
  kind: 'channel',
  version: '1.3.0',
  // 1.2: bad POs are reported as `unmapped` and each PO is taken on its own.
  sdk: '^1.3.0',
  displayName: 'EDI X12 trading partner',
  description:
    '850 purchase orders in; 997, 855, 856, 810, 812 and 846 out, through a mailbox folder or the partner SFTP server.',
  config: ediX12Config,
  capabilities: {
    ordersPoll: {
      intervalMs: 60_000,
      poll: pollMailbox,
      committed: (result, ctx) => settle(ctx, result, undefined),
      rejected: (result, reason, ctx) => settle(ctx, result, reason),
      discarded: rejectDiscarded,
    },
    statusPush: {
      async pushStatus(update, ctx) {
        const key = ctx.idempotencyKey ?? `${update.orderId}:${update.status}:${update.occurredAt}`
        // The PO is the hub's order now: a later exception under its number must not reject it.
        if (!update.previousStatus) await ctx.state.set(`accepted:${update.externalOrderId}`, true)
        // A PO sent without prices takes the hub's prices (intake's update carries them), whatever
        // the status: the 855 echoes them and the 810 invoices at them.
        if (update.lines.some((l) => l.unitPrice)) {
          const memo = await ctx.state.get<PoMemo>(`po:${update.externalOrderId}`)
          if (memo?.lines.some((l) => !l.price)) {
            for (const l of memo.lines)
              l.price ||= update.lines.find((u) => u.externalLineId === l.line)?.unitPrice ?? ''
            await ctx.state.set(`po:${memo.poNumber}`, memo)
          }
        }
        if (
          (update.status === 'shipped' || update.status === 'partially_shipped') &&
          update.shipments.length > 0
        ) {
          const memo = await memoOf(ctx, update.externalOrderId)
          const files: string[] = []
          for (const shipment of update.shipments) {
            if (await ctx.state.get(`shipped:${shipment.fulfilmentId}`)) continue
            const control = await controlFor(ctx, `856:${shipment.fulfilmentId}`)
            files.push(
              await send(
                ctx,
                `856:${shipment.fulfilmentId}`,
                '856',
                memo.poNumber,
                asn856(memo, shipment, ctx.config, `SHP-${control}`, control),
              ),
            )
            const invoice = await controlFor(ctx, `810:${shipment.fulfilmentId}`)
            files.push(
              await send(
                ctx,
                `810:${shipment.fulfilmentId}`,
                '810',
                memo.poNumber,
                invoice810(memo, shipment, ctx.config, `INV-${invoice}`, ctx.clock.now()),
              ),
            )
            await ctx.state.set(`shipped:${shipment.fulfilmentId}`, true)
          }
          return files.length > 0
            ? { status: 'accepted', externalRef: files.join(',') }
            : { status: 'skipped', reason: 'already sent' }
        }
        const priceHeld = update.status === 'held' && (update.priceChanges?.length ?? 0) > 0
        if (
          !update.previousStatus &&
          (priceHeld || (update.status !== 'held' && update.status !== 'cancelled'))
        ) {
          const memo = await memoOf(ctx, update.externalOrderId)
          const file = await send(
            ctx,
            `855:${key}`,
            '855',
            memo.poNumber,
            po855(memo, update, ctx.clock.now(), sellerOrderNumber(update.orderId)),
          )
          return { status: 'accepted', externalRef: file }
        }
        return { status: 'skipped', reason: `no X12 document for '${update.status}'` }
      },
    },
    inventoryPush: {
      enabled: (config) => config.inventoryAdvice,
      /**
       * An 846 with what the partner may still sell of each sku. Keyed by the delivery, so a retried
       * push rewrites the same interchange (same number, same file) rather than sending a second one.
       */
      async pushInventory(levels, ctx) {
        if (levels.length === 0) return { status: 'skipped', reason: 'no levels' }
        const key = `846:${ctx.idempotencyKey ?? levels.map((l) => `${l.sku}@${l.asOf}`).join(',')}`
        const control = await controlFor(ctx, key)
        const stamps = levels.map((l) => Date.parse(l.asOf)).filter(Number.isFinite)
        const at = stamps.length > 0 ? new Date(Math.max(...stamps)) : ctx.clock.now()
        const file = await send(ctx, key, '846', 'inventory', advice846(levels, `INV-${control}`, at))
        return { status: 'accepted', externalRef: file }
      },
    },
    refundPush: {
      /**
       * A refund is a credit memo to the partner. Its control number and file name are keyed by the
       * hub's refund id, so a retried delivery rewrites the same 812 rather than crediting twice.
       */
      async pushRefund(refund, ctx) {
        const memo = await memoOf(ctx, refund.externalOrderId)
        const key = `812:${refund.refundId}`
        const control = await controlFor(ctx, key)
        const file = await send(
          ctx,
          key,
          '812',
          memo.poNumber,
          credit812(memo, refund, `CM-${control}`, ctx.clock.now()),
        )
        return { status: 'accepted', externalRef: file }
      },
    },
  },
})

export { type EdiX12Config, ediX12Config } from './config'
export { sscc18 } from './documents'
export { parseInterchange } from './x12/parse'
