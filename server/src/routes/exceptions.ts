import { exceptionStatuses } from '@switchyard/core'
import { z } from 'zod'
import { assertChannelScope } from '../http/auth'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import { updatedSinceQuery } from '../http/paging'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { reparseStored } from '../plugins/inbound'
import { detailView, exceptionDetail, exceptionSummary, replayOutcome, summaryView } from './views/exceptions'

const notFound = problem("`EXCEPTION_NOT_FOUND` (also another channel's, for a scoped key)")
const idParam = z.strictObject({ id: z.string().uuid() })

/**
 * The intake exception inbox: channel orders the hub could not take, why, and the operator's two
 * actions, replay (after fixing the cause) and discard (with a reason).
 */
export function exceptionRoutes(hub: HubContext) {
  const app = apiRouter()
  const reparse = reparseStored(hub)
  app.openapi(
    apiRoute('exceptions:read', {
      operationId: 'listExceptions',
      method: 'get',
      path: '/',
      tags: ['exceptions'],
      summary: 'Intake exceptions, newest first (e.g. ?status=open&reason=UNKNOWN_SKU)',
      request: {
        query: z.strictObject({
          instance: z.string().max(64).optional(),
          status: z.enum(exceptionStatuses).optional(),
          reason: z
            .string()
            .max(64)
            .optional()
            .meta({ description: 'Only those with a reason of this code' }),
          since: z.iso.datetime({ offset: true }).optional().meta({ description: 'Last seen at or after' }),
          ...updatedSinceQuery,
          limit: z.coerce.number().int().min(1).max(500).optional(),
          cursor: z.string().max(400).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(exceptionSummary), nextCursor: z.string().nullable() }),
          'A page of exceptions',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const principal = c.get('principal')
      if (q.instance) assertChannelScope(principal, q.instance)
      const page = await hub.core.intakeExceptions.list({
        channelInstanceId: principal.channelInstanceId ?? q.instance,
        status: q.status,
        reasonCode: q.reason,
        since: q.since ? Date.parse(q.since) : undefined,
        updatedSince: q.updatedSince ? Date.parse(q.updatedSince) : undefined,
        limit: q.limit,
        cursor: q.cursor,
      })
      return c.json({ items: page.items.map(summaryView), nextCursor: page.nextCursor }, 200)
    },
  )
  app.openapi(
    apiRoute('exceptions:write', {
      operationId: 'replayExceptions',
      method: 'post',
      path: '/replay',
      tags: ['exceptions'],
      summary: 'Replay every open exception matching a filter (oldest first, at most 1,000)',
      description:
        'For example every open exception of instance X with reason UNKNOWN_SKU, once the product exists. Each is run through intake again as the single replay is.',
      request: {
        body: jsonBody(
          z.strictObject({
            instance: z.string().max(64).optional(),
            reason: z.string().max(64).optional(),
            since: z.iso.datetime({ offset: true }).optional(),
          }),
        ),
      },
      responses: {
        200: json(
          z.object({
            replayed: z.number().describe('Exceptions that became (or already were) orders'),
            stillOpen: z.number().describe('Exceptions that still cannot be taken'),
            skipped: z
              .number()
              .describe('Exceptions that cannot be replayed at all (`EXCEPTION_NOT_REPLAYABLE`), left open'),
            results: z.array(replayOutcome),
          }),
          'Counts and the outcome of each exception',
        ),
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const principal = c.get('principal')
      if (body.instance) assertChannelScope(principal, body.instance)
      const result = await hub.core.intakeExceptions.replayMatching(
        {
          channelInstanceId: principal.channelInstanceId ?? body.instance,
          reasonCode: body.reason,
          since: body.since ? Date.parse(body.since) : undefined,
        },
        reparse,
      )
      return c.json(result, 200)
    },
  )
  app.openapi(
    apiRoute('exceptions:read', {
      operationId: 'getException',
      method: 'get',
      path: '/{id}',
      tags: ['exceptions'],
      summary: 'One exception with its payload, its canonical order and the failing fields marked',
      request: { params: idParam },
      responses: { 200: json(exceptionDetail, 'The exception'), 404: notFound },
    }),
    async (c) => {
      const principal = c.get('principal')
      const exception = await hub.core.intakeExceptions.get(
        c.req.valid('param').id,
        principal.channelInstanceId,
      )
      return c.json(detailView(exception), 200)
    },
  )
  app.openapi(
    apiRoute('exceptions:write', {
      operationId: 'replayException',
      method: 'post',
      path: '/{id}/replay',
      tags: ['exceptions'],
      summary:
        "Run the exception through the plugin's parse and intake again, with today's catalogue and mappings",
      description:
        "A webhook's payload is parsed again by the plugin; a polled record is mapped again by the poll's `mapRecord` (or, for a polled order without one, its stored canonical order is used). Replayed: the order it became (`created` false when replayed before: the same order again). Still open: the reasons of this attempt.",
      request: { params: idParam },
      responses: {
        200: json(replayOutcome, 'The outcome'),
        404: notFound,
        409: problem(
          '`EXCEPTION_CLOSED`: it was discarded. `EXCEPTION_NOT_REPLAYABLE`: a polled record its plugin could not map, and the plugin cannot map a stored record again (no `mapRecord`); discard it or have the channel send the order again',
        ),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const outcome = await hub.core.intakeExceptions.replay(
        c.req.valid('param').id,
        reparse,
        principal.channelInstanceId,
      )
      return c.json(outcome, 200)
    },
  )
  app.openapi(
    apiRoute('exceptions:write', {
      operationId: 'discardException',
      method: 'post',
      path: '/{id}/discard',
      tags: ['exceptions'],
      summary: 'Close an open exception without an order; the reason is required and kept',
      description:
        'A channel that takes it hears of it through the outbox (an EDI partner gets an 855 rejecting the PO).',
      request: {
        params: idParam,
        body: jsonBody(
          z.strictObject({
            reason: z
              .string()
              .max(1000)
              .optional()
              .meta({ description: 'Why; required, kept with the exception' }),
          }),
        ),
      },
      responses: {
        200: json(exceptionSummary, 'The discarded exception'),
        400: problem('`VALIDATION_FAILED`: no reason given (the field is named)'),
        404: notFound,
        409: problem('`EXCEPTION_CLOSED`: it was replayed'),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const reason = c.req.valid('json').reason?.trim()
      // Missing, not malformed: 400 naming the field, so an operator's tool can say what to add.
      if (!reason)
        throw new ProblemError(400, 'VALIDATION_FAILED', 'a reason is required to discard an exception', [
          { field: 'reason', message: 'is required and must not be blank' },
        ])
      const discarded = await hub.core.intakeExceptions.discard(
        c.req.valid('param').id,
        `key:${principal.keyId}`,
        reason,
        principal.channelInstanceId,
      )
      return c.json(summaryView(discarded), 200)
    },
  )
  return app
}
