import type { z } from 'zod'
import type { HttpResponse } from '../context'
import { PayloadError } from '../errors'
import { zodIssues } from '../issues'

export interface JsonResponseOptions {
  /** Names the call in the message (`eBay getOrders`). */
  what?: string
  /**
   * The JSON parser, when `JSON.parse` loses something: Shopify's ids exceed 2^53, so its plugin
   * parses them into strings. It throws on text that is not JSON, as `JSON.parse` does.
   */
  parse?: (text: string) => unknown
}

/**
 * A partner's HTTP answer read as JSON, refused the way every plugin refuses a body it cannot use:
 * text that is not JSON is a `PayloadError` naming `(body)`; with `schema`, a value off the schema is
 * a `PayloadError` naming each field (`orders[2].lineItems[0].sku`), so a poll that throws it says
 * where the partner's answer went wrong. `what` names the call in the message (`eBay getOrders`).
 *
 * For webhook bodies use `parseJsonBody`, which also checks the text the hub can store.
 *
 * @example
 * const page = jsonResponse(await ctx.http.request(url), { what: 'getOrders', schema: pageSchema })
 */
export function jsonResponse<T = unknown>(
  response: Pick<HttpResponse, 'text' | 'status'>,
  options?: JsonResponseOptions,
): T
export function jsonResponse<S extends z.ZodType>(
  response: Pick<HttpResponse, 'text' | 'status'>,
  options: JsonResponseOptions & { schema: S },
): z.output<S>
export function jsonResponse(
  response: Pick<HttpResponse, 'text' | 'status'>,
  options: JsonResponseOptions & { schema?: z.ZodType } = {},
): unknown {
  const what = options.what ?? 'the answer'
  let value: unknown
  try {
    value = (options.parse ?? JSON.parse)(response.text)
  } catch (error) {
    throw new PayloadError(
      `${what} is not JSON`,
      [{ field: '(body)', message: `is not JSON: ${(error as Error).message}` }],
      { status: response.status, details: { body: response.text.slice(0, 200) } },
    )
  }
  if (!options.schema) return value
  const parsed = options.schema.safeParse(value)
  if (!parsed.success)
    throw new PayloadError(`${what} is not in the expected shape`, zodIssues(parsed.error, [], '(body)'), {
      status: response.status,
    })
  return parsed.data
}
