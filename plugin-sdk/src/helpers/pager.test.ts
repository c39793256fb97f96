import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpClient } from '../http'
import { type FixtureServer, startFixtureServer } from '../testing/fixture-server'
import { nextLink, type PagePosition, pager } from './pager'

const ids = Array.from({ length: 7 }, (_, i) => `r${i + 1}`)
const http = createHttpClient()
const send = (url: string) => http.request(url)

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer((req) => {
    const q = req.query
    switch (req.path) {
      case '/page': {
        const page = Number(q.get('page')),
          size = Number(q.get('per_page'))
        return { body: { items: ids.slice((page - 1) * size, page * size) } }
      }
      case '/offset': {
        // Caps every page at 2 whatever the limit asked for, as partners do.
        const offset = Number(q.get('offset'))
        return { body: { total: ids.length, orders: ids.slice(offset, offset + 2) } }
      }
      case '/cursor': {
        const at = Number(q.get('after') ?? 0)
        const next = at + 3 < ids.length ? String(at + 3) : null
        return { body: { data: { items: ids.slice(at, at + 3), next } } }
      }
      case '/link': {
        const at = Number(q.get('at') ?? 0)
        const link =
          at + 3 < ids.length
            ? `<${server.url}/link?at=${at + 3}>; rel="next", <${server.url}/link?at=0>; rel="first"`
            : `<${server.url}/link?at=0>; rel="first"`
        return { headers: { link }, body: ids.slice(at, at + 3) }
      }
      case '/next': {
        const at = Number(q.get('at') ?? 0)
        return {
          body: {
            members: ids.slice(at, at + 4),
            next: at + 4 < ids.length ? `/next?at=${at + 4}` : undefined,
          },
        }
      }
      case '/elsewhere':
        return { body: { members: ['x'], next: 'https://attacker.example/steal' } }
      case '/not-a-list':
        return { body: { orders: { id: 1 } } }
      case '/long-ids':
        return { status: 200, body: '{"orders":[{"id":12345678901234567890}]}' }
      case '/not-json':
        return { status: 200, body: '<html>maintenance</html>' }
      default:
        return { status: 404, body: {} }
    }
  })
})
afterAll(() => server.close())

async function walk(p: ReturnType<typeof pager<string>>, base: string) {
  const seen: string[] = []
  const positions: (PagePosition | undefined)[] = []
  for await (const page of p.all(send, base)) {
    seen.push(...page.records)
    positions.push(page.next)
  }
  return { seen, positions }
}

describe('pager', () => {
  it('pages by number until a page comes back short', async () => {
    const { seen, positions } = await walk(
      pager<string>({ style: 'page', size: 3, records: 'items' }),
      `${server.url}/page`,
    )
    expect(seen).toEqual(ids)
    expect(positions).toEqual([{ page: 2 }, { page: 3 }, undefined])
  })

  it('pages by offset, advancing by what came back, until the total is reached', async () => {
    const p = pager<string>({ style: 'offset', limit: 5, records: 'orders', total: 'total' })
    const { seen, positions } = await walk(p, `${server.url}/offset`)
    expect(seen).toEqual(ids)
    expect(positions.at(-2)).toEqual({ offset: 6 })
    expect(p.url(`${server.url}/offset?filter=x`, { offset: 4 })).toBe(
      `${server.url}/offset?filter=x&offset=4&limit=5`,
    )
  })

  it('pages by a cursor read from the answer', async () => {
    const p = pager<string>({
      style: 'cursor',
      cursorParam: 'after',
      nextCursor: 'data.next',
      records: 'data.items',
    })
    expect((await walk(p, `${server.url}/cursor`)).seen).toEqual(ids)
  })

  it('follows the Link header rel="next"', async () => {
    const p = pager<string>({ style: 'link-header', records: (body) => body as string[] })
    expect((await walk(p, `${server.url}/link`)).seen).toEqual(ids)
    expect(nextLink('<https://a.example/x?page=2>; rel="next"')).toBe('https://a.example/x?page=2')
    expect(
      nextLink('<https://a.example/x?page=1>; rel="prev", <https://a.example/x?page=3>; rel="next"'),
    ).toBe('https://a.example/x?page=3')
    expect(nextLink('<https://a.example/x>; rel="first"')).toBeUndefined()
  })

  it('follows a next-page URL from the answer, relative ones too', async () => {
    const p = pager<string>({ style: 'next-url', next: 'next', records: 'members' })
    const { seen, positions } = await walk(p, `${server.url}/next`)
    expect(seen).toEqual(ids)
    expect(positions[0]).toEqual({ url: `${server.url}/next?at=4` })
  })

  it('never follows a next page to another host', async () => {
    const p = pager<string>({ style: 'next-url', next: 'next', records: 'members' })
    await expect(p.fetch(send, `${server.url}/elsewhere`)).rejects.toMatchObject({
      code: 'SWITCHYARD_PLUGIN_PAYLOAD',
      issues: [{ field: 'next', message: expect.stringContaining('attacker.example') }],
    })
  })

  it('reads the answer with the parser it is given', async () => {
    // Ids past 2^53 kept as strings, as Shopify's plugin must.
    const lossless = (text: string) => JSON.parse(text.replace(/(?<=[:[,]\s*)(\d{16,})/g, '"$1"'))
    const p = pager<{ id: unknown }>({ style: 'offset', limit: 5, records: 'orders', parse: lossless })
    expect((await p.fetch(send, `${server.url}/long-ids`)).records).toEqual([{ id: '12345678901234567890' }])
    const plain = pager<{ id: unknown }>({ style: 'offset', limit: 5, records: 'orders' })
    expect((await plain.fetch(send, `${server.url}/long-ids`)).records[0]!.id).not.toBe(
      '12345678901234567890',
    )
  })

  it('refuses an answer that is not JSON or holds no list, naming the field', async () => {
    const p = pager<string>({ style: 'offset', limit: 2, records: 'orders', what: 'getOrders' })
    await expect(p.fetch(send, `${server.url}/not-a-list`)).rejects.toMatchObject({
      issues: [{ field: 'orders', message: 'is not a list' }],
    })
    await expect(p.fetch(send, `${server.url}/not-json`)).rejects.toMatchObject({
      message: 'getOrders is not JSON',
      issues: [{ field: '(body)' }],
    })
  })
})
