/**
 * The console's address is its hash: `#/<section>/<rest…>?<query>`. A hash router because the hub
 * serves one index.html for every path, and because the rule editor already keeps its open rule set
 * in the hash (`#/sets/<id>`), which the Rules section owns.
 */
export interface Route {
  /** The first segment: which section. Empty for `#/` or no hash. */
  path: string
  /** The segments after it, decoded (an order's id). */
  rest: string[]
  query: URLSearchParams
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '')
  const q = raw.indexOf('?')
  const pathPart = q >= 0 ? raw.slice(0, q) : raw
  const segments = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
  return {
    path: segments[0] ?? '',
    rest: segments.slice(1),
    query: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : ''),
  }
}

export function hashOf(path: string, rest: readonly string[] = [], query?: URLSearchParams): string {
  const segments = [path, ...rest].map(encodeURIComponent).join('/')
  const qs = query?.toString()
  return `#/${segments}${qs ? `?${qs}` : ''}`
}

export const orderHash = (id: string) => hashOf('order', [id])
export const simulateHash = (orderId: string) =>
  hashOf('rules', [], new URLSearchParams({ simulate: orderId }))
