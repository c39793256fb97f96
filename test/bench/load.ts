import autocannon from 'autocannon'

export interface LoadResult {
  rps: number
  p99Ms: number
  p50Ms: number
  ok: number
  non2xx: number
  errors: number
  timeouts: number
}

/** Drives `url` with autocannon; `body` builds each request's body and headers (it may sign them). */
export async function load(options: {
  url: string
  connections: number
  durationSec: number
  body: () => { body: string; headers: Record<string, string> }
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSec,
    method: 'POST',
    requests: [
      {
        // autocannon's types want its own Request type back; a copy with new fields is what it takes.
        setupRequest: ((req: Record<string, unknown>) => {
          const { body, headers } = options.body()
          return { ...req, method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }
        }) as unknown as (request: autocannon.Request, context: object) => autocannon.Request,
      },
    ],
  })
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}
