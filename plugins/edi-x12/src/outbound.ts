import type { PluginContext } from '@switchyard/plugin-sdk'
import type { EnvelopeConfig, MailboxConfig } from './config'
import { type MailboxTransport, outboundName } from './mailbox'
import { withMailbox } from './transport'
import { ack997, ta1 } from './x12/ack'
import type { Interchange } from './x12/parse'
import { type OutboundGroup, writeInterchange } from './x12/write'

/** What writing an interchange needs of an instance's config: its envelope and its mailbox. */
export type OutboundConfig = EnvelopeConfig & MailboxConfig
type Ctx = PluginContext<OutboundConfig>

/** GS01 for each transaction set we write. */
const FUNCTIONAL_ID: Record<string, string> = {
  '997': 'FA',
  '850': 'PO',
  '860': 'PC',
  '855': 'PR',
  '856': 'SH',
  '810': 'IN',
  '812': 'CD',
  '846': 'IB',
}

/**
 * The control number for one outbound document, allocated once per key: a retried delivery writes
 * the same interchange again (same number, same file name) instead of a second one.
 */
export async function controlFor(ctx: Ctx, key: string): Promise<number> {
  const stored = await ctx.state.get<number>(`control:${key}`)
  if (stored) return stored
  // Atomic across hub processes: two interchanges never share an ISA13.
  const next = await ctx.state.increment('control-counter')
  await ctx.state.set(`control:${key}`, next)
  return next
}

/**
 * Writes one outbound interchange to the mailbox (the one open, or its own connection); returns its
 * file name.
 */
export async function send(
  ctx: Ctx,
  key: string,
  setId: string,
  label: string,
  body: (string | undefined)[][] | null,
  preamble?: (string | undefined)[][],
  groups?: OutboundGroup[],
  box?: MailboxTransport,
): Promise<string> {
  const c = ctx.config
  const control = await controlFor(ctx, key)
  const group = (sets: { id: string; body: (string | undefined)[][] }[]): OutboundGroup => ({
    functionalId: FUNCTIONAL_ID[setId] ?? 'FA',
    sender: c.us.gsId ?? c.us.id,
    receiver: c.partner.gsId ?? c.partner.id,
    version: c.groupVersion,
    sets,
  })
  const text = writeInterchange({
    sender: c.us,
    receiver: c.partner,
    control,
    version: c.interchangeVersion,
    usage: c.usage,
    at: ctx.clock.now(),
    delimiters: c.delimiters,
    ...(preamble ? { preamble } : {}),
    groups: groups ?? (body ? [group([{ id: setId, body }])] : []),
  })
  const name = outboundName(control, setId, label)
  if (box) await box.send(name, text)
  else await withMailbox(c, (mailbox) => mailbox.send(name, text))
  return name
}

/** The 997 (plus TA1 for envelope errors) for a received interchange. */
export async function acknowledge(
  ctx: Ctx,
  box: MailboxTransport,
  file: string,
  x: Interchange,
  rejectAll: boolean,
): Promise<void> {
  const groups: OutboundGroup[] = x.groups.map((g) => ({
    functionalId: 'FA',
    sender: ctx.config.us.gsId ?? ctx.config.us.id,
    receiver: ctx.config.partner.gsId ?? ctx.config.partner.id,
    version: ctx.config.groupVersion,
    sets: [{ id: '997', body: ack997(g, { rejectAll }) }],
  }))
  const preamble = x.errors.length > 0 ? ta1(x, ctx.clock.now()) : undefined
  await send(ctx, `ack:${file}:${x.control}`, '997', `ack-${x.control}`, null, preamble, groups, box)
}
