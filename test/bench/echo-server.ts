import { serve } from '@hono/node-server'
import { Hono } from 'hono'

/** The baseline: a bare Hono JSON echo on the same machine, measured in the same run. */
const app = new Hono()
app.post('/echo', async (c) => c.json(await c.req.json()))
const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' },
  (info) => {
    process.stdout.write(`listening ${info.port}\n`)
  },
)
process.on('SIGTERM', () => server.close(() => process.exit(0)))
