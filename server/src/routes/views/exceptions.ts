import type { ExceptionRecord } from '@switchyard/core'
import { z } from 'zod'

/** The response shapes of the intake exception routes. */
const reason = z
  .object({
    field: z.string().meta({ description: 'Where, as `lines[0].sku` (or `(body)`, `(payload)`)' }),
    code: z
      .string()
      .meta({ description: 'A hub error code: UNKNOWN_SKU, INVALID_TEXT, INVALID_ORDER, INVALID_PAYLOAD…' }),
    message: z.string(),
  })
  .meta({ id: 'ExceptionReason' })

export const exceptionSummary = z
  .object({
    id: z.string(),
    channelInstanceId: z.string(),
    externalOrderId: z.string().nullable(),
    status: z.enum(['open', 'replayed', 'discarded']),
    reasons: z.array(reason),
    occurrences: z.number().meta({ description: 'How many times the channel sent it' }),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    orderId: z.string().nullable().meta({ description: 'The order it became, once replayed' }),
    replayedAt: z.string().nullable(),
    discardedBy: z.string().nullable(),
    discardReason: z.string().nullable(),
    discardedAt: z.string().nullable(),
    updatedAt: z
      .string()
      .meta({ description: 'Last changed: seen again, re-checked, replayed or discarded' }),
  })
  .meta({ id: 'IntakeException' })

export const exceptionDetail = exceptionSummary
  .extend({
    source: z.string().meta({
      description:
        'The webhook path below /webhooks/<instance>; `poll` for a polled order the hub refused, `poll:unmapped` for a polled record its plugin could not map',
    }),
    contentType: z.string().nullable(),
    headers: z.record(z.string(), z.string()).nullable().meta({
      description:
        "The partner's routing headers kept to parse the payload again on replay (Shopify's and WooCommerce's topic, shop and API version); never a signature, token or credential, and no other header",
    }),
    payload: z.string().nullable().meta({
      description:
        'The body as received (a polled record: the record as the channel sent it); base64 when `payloadEncoding` says so',
    }),
    payloadEncoding: z.enum(['utf8', 'base64']),
    payloadTruncated: z.boolean().meta({ description: 'Cut at 1 MiB; replayed from `parsed` only' }),
    parsed: z.unknown().meta({ description: "The plugin's canonical order, when its parse produced one" }),
    marks: z
      .array(
        z.object({
          field: z.string(),
          code: z.string(),
          path: z
            .array(z.union([z.string(), z.number()]))
            .meta({ description: 'The field as a JSON path into `parsed`' }),
          value: z
            .unknown()
            .optional()
            .meta({ description: 'What `parsed` holds there (absent when nothing)' }),
        }),
      )
      .meta({ description: 'The failing fields, each located in the canonical order' }),
  })
  .meta({ id: 'IntakeExceptionDetail' })

export const replayOutcome = z
  .object({
    id: z.string(),
    outcome: z.enum(['replayed', 'open', 'skipped']).meta({
      description: '`skipped` (bulk replay only): it cannot be replayed at all, `detail` says why',
    }),
    orderId: z.string().optional(),
    created: z
      .boolean()
      .optional()
      .meta({ description: 'False when the order already existed (a second replay)' }),
    reasons: z.array(reason).optional().meta({ description: 'Why it is still open' }),
    detail: z.string().optional().meta({ description: 'Why it was skipped' }),
  })
  .meta({ id: 'ReplayOutcome' })

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function summaryView(e: ExceptionRecord): z.infer<typeof exceptionSummary> {
  return {
    id: e.id,
    channelInstanceId: e.channelInstanceId,
    externalOrderId: e.externalOrderId,
    status: e.status,
    reasons: e.reasons,
    occurrences: e.occurrences,
    firstSeenAt: iso(e.firstSeenAt)!,
    lastSeenAt: iso(e.lastSeenAt)!,
    orderId: e.orderId,
    replayedAt: iso(e.replayedAt),
    discardedBy: e.discardedBy,
    discardReason: e.discardReason,
    discardedAt: iso(e.discardedAt),
    updatedAt: iso(e.updatedAt)!,
  }
}

export function detailView(e: ExceptionRecord): z.infer<typeof exceptionDetail> {
  return {
    ...summaryView(e),
    source: e.source,
    contentType: e.contentType,
    headers: e.headers,
    payload: e.payload?.text ?? null,
    payloadEncoding: e.payload?.encoding ?? 'utf8',
    payloadTruncated: e.payload?.truncated ?? false,
    parsed: e.parsed,
    marks: e.reasons.map((r) => {
      const path = pathOf(r.field)
      const value = valueAt(e.parsed, path)
      return { field: r.field, code: r.code, path, ...(value === undefined ? {} : { value }) }
    }),
  }
}

/** `lines[0].sku` → ['lines', 0, 'sku']; a pseudo-field such as `(body)` is an empty path. */
export function pathOf(field: string): (string | number)[] {
  if (field.startsWith('(')) return []
  const path: (string | number)[] = []
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    path.push(m[2] !== undefined ? Number(m[2]) : m[1]!)
  return path
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let at: unknown = root
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<string | number, unknown>)[key]
  }
  return path.length === 0 ? undefined : at
}
