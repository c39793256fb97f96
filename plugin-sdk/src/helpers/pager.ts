import type { HttpResponse } from '../context'
import { PayloadError } from '../errors'
import { jsonResponse } from './json-response'

/**
 * Where the next page is, as plain JSON: a plugin keeps it inside its poll cursor, so a hub that
 * restarts mid-walk resumes at that page. Only the fields of the pager's style are set.
 */
export interface PagePosition {
  /** `link-header` and `next-url`: the next page's URL as the partner gave it. */
  url?: string
  /** `page`: the page number. */
  page?: number
  /** `offset`: how many records come before the page. */
  offset?: number
  /** `cursor`: the partner's opaque page token. */
  cursor?: string
}

/** A field of the answer by its dotted path (`orders`, `data.items`), or a function reading it. */
export type Selector<T> = string | ((body: unknown, response: HttpResponse) => T)

/**
 * How a partner pages, declared rather than coded (as in Airbyte's declarative paginators):
 * - `page`: `?page=2&per_page=100`, next while a page is full (or below `totalPages`);
 * - `offset`: `?offset=100&limit=100`, next while records come and `total` (when given) is not reached;
 * - `cursor`: `?cursor=<token>`, the token read from the answer (`nextCursor`), none when absent;
 * - `link-header`: RFC 8288 `Link: <…>; rel="next"` (Shopify, WooCommerce, GitHub);
 * - `next-url`: the answer's own field holding the next page's URL (eBay's `next`, HAL's `_links.next.href`).
 */
export type PagerStyle =
  | {
      style: 'page'
      pageParam?: string
      sizeParam?: string
      size: number
      firstPage?: number
      totalPages?: Selector<unknown>
    }
  | { style: 'offset'; offsetParam?: string; limitParam?: string; limit: number; total?: Selector<unknown> }
  | { style: 'cursor'; cursorParam: string; nextCursor: Selector<unknown>; sizeParam?: string; size?: number }
  | { style: 'link-header'; sizeParam?: string; size?: number }
  | { style: 'next-url'; next: Selector<unknown>; sizeParam?: string; size?: number }

export type PagerSpec = PagerStyle & {
  /** Where the records are in the answer: `orders`, `data.items`, or a function. */
  records: Selector<unknown>
  /** Names the call in errors (`eBay getOrders`). */
  what?: string
  /** The JSON parser, when `JSON.parse` loses something (Shopify's ids past 2^53). */
  parse?: (text: string) => unknown
}

export interface Page<R> {
  records: R[]
  /** The next page, or undefined on the last one. */
  next: PagePosition | undefined
  /** The whole answer, parsed: for fields beside the records (a total, a high-water mark). */
  body: unknown
  response: HttpResponse
}

/** Sends one GET for a page: usually `(url) => ctx.http.request(url, { headers })`, or a signed call. */
export type PageSender = (url: string) => Promise<HttpResponse>

export interface Pager<R> {
  /** The URL of the page at `position`; the first page when `position` is undefined. */
  url(base: string, position?: PagePosition): string
  /** One page: a poll reads one per call and keeps `next` in its cursor. */
  fetch(send: PageSender, base: string, position?: PagePosition): Promise<Page<R>>
  /** Every page from `position` on, at most `maxPages` (default 100), for reads that need them all. */
  all(
    send: PageSender,
    base: string,
    options?: { from?: PagePosition; maxPages?: number },
  ): AsyncGenerator<Page<R>>
}

function select(selector: Selector<unknown>, body: unknown, response: HttpResponse): unknown {
  if (typeof selector === 'function') return selector(body, response)
  let value: unknown = body
  for (const key of selector.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

const numberOf = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined
}

/** The `rel="next"` target of an RFC 8288 Link header, or undefined. */
export function nextLink(header: string | undefined): string | undefined {
  if (!header) return undefined
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part)
    if (match && /;\s*rel="?(?:[^";]*\s)?next(?:\s[^";]*)?"?/i.test(match[2]!)) return match[1]
  }
  return undefined
}

/**
 * A declarative pager: say how the partner pages, read pages. Next-page URLs the partner hands back
 * (`link-header`, `next-url`) must stay on the first page's origin, so a hostile or broken answer
 * can never send the plugin's credentials elsewhere.
 *
 * @example
 * const orders = pager<EbayOrder>({ style: 'offset', limit: 100, records: 'orders', total: 'total' })
 * const page = await orders.fetch((url) => ebay.get(ctx, url), `${api}/sell/fulfillment/v1/order?filter=…`, cursor.page)
 */
export function pager<R = unknown>(spec: PagerSpec): Pager<R> {
  const what = spec.what ?? 'the page'
  const withParams = (base: string, params: Record<string, string | number | undefined>): string => {
    const url = new URL(base)
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v))
    return url.toString()
  }
  const sized = (s: { sizeParam?: string; size?: number }) =>
    s.sizeParam && s.size !== undefined ? { [s.sizeParam]: s.size } : {}

  const url = (base: string, position?: PagePosition): string => {
    switch (spec.style) {
      case 'page':
        return withParams(base, {
          [spec.pageParam ?? 'page']: position?.page ?? spec.firstPage ?? 1,
          [spec.sizeParam ?? 'per_page']: spec.size,
        })
      case 'offset':
        return withParams(base, {
          [spec.offsetParam ?? 'offset']: position?.offset ?? 0,
          [spec.limitParam ?? 'limit']: spec.limit,
        })
      case 'cursor':
        return withParams(base, { ...sized(spec), [spec.cursorParam]: position?.cursor })
      case 'link-header':
      case 'next-url':
        return position?.url ?? withParams(base, sized(spec))
    }
  }

  const sameOrigin = (base: string, target: string): string => {
    const resolved = new URL(target, base)
    if (resolved.origin !== new URL(base).origin)
      throw new PayloadError(`${what} points its next page at another host`, [
        {
          field: spec.style === 'next-url' && typeof spec.next === 'string' ? spec.next : '(link)',
          message: `is on ${resolved.origin}, not ${new URL(base).origin}`,
        },
      ])
    return resolved.toString()
  }

  const nextOf = (
    base: string,
    position: PagePosition | undefined,
    records: unknown[],
    body: unknown,
    response: HttpResponse,
  ): PagePosition | undefined => {
    switch (spec.style) {
      case 'page': {
        const page = position?.page ?? spec.firstPage ?? 1
        const total =
          spec.totalPages === undefined ? undefined : numberOf(select(spec.totalPages, body, response))
        if (records.length === 0) return undefined
        if (total !== undefined) return page < total ? { page: page + 1 } : undefined
        return records.length >= spec.size ? { page: page + 1 } : undefined
      }
      case 'offset': {
        const offset = position?.offset ?? 0
        const total = spec.total === undefined ? undefined : numberOf(select(spec.total, body, response))
        if (records.length === 0) return undefined
        // Advanced by what came, not by the limit asked for: a partner that caps a page skips nothing.
        const next = offset + records.length
        if (total !== undefined) return next < total ? { offset: next } : undefined
        return records.length >= spec.limit ? { offset: next } : undefined
      }
      case 'cursor': {
        const token = select(spec.nextCursor, body, response)
        return typeof token === 'string' && token !== '' && token !== position?.cursor
          ? { cursor: token }
          : undefined
      }
      case 'link-header': {
        const link = nextLink(response.headers.link)
        return link ? { url: sameOrigin(base, link) } : undefined
      }
      case 'next-url': {
        const link = select(spec.next, body, response)
        return typeof link === 'string' && link !== '' ? { url: sameOrigin(base, link) } : undefined
      }
    }
  }

  const fetch = async (send: PageSender, base: string, position?: PagePosition): Promise<Page<R>> => {
    const response = await send(url(base, position))
    const body = jsonResponse(response, { what, ...(spec.parse ? { parse: spec.parse } : {}) })
    const found = select(spec.records, body, response)
    if (found !== undefined && found !== null && !Array.isArray(found))
      throw new PayloadError(`${what} has no list of records`, [
        { field: typeof spec.records === 'string' ? spec.records : '(records)', message: 'is not a list' },
      ])
    const records = (found ?? []) as R[]
    return { records, next: nextOf(base, position, records, body, response), body, response }
  }

  return {
    url,
    fetch,
    async *all(send, base, options = {}) {
      let position = options.from
      const max = options.maxPages ?? 100
      for (let n = 0; n < max; n++) {
        const page = await fetch(send, base, position)
        yield page
        if (!page.next) return
        position = page.next
      }
    },
  }
}
