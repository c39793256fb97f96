import { type OrderChange, OrderChangeWatcher } from '@switchyard/core'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import { apiRoute, apiRouter } from '../http/openapi'
import type { HubContext } from '../hub-context'

/** A comment line this often keeps proxies and load balancers from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000
/** How often an open stream checks whether the hub has begun to shut down. */
const DRAIN_CHECK_MS = 250

const orderChanged = z
  .object({
    id: z.string(),
    status: z.string(),
    channel: z.string().meta({ description: 'The channel instance the order came through' }),
    updatedAt: z.string().meta({ description: 'When the order last changed (ISO 8601)' }),
  })
  .meta({ id: 'OrderChangedEvent' })

// One watcher per hub process, shared by every open stream: one query per tick, however many listen.
const watchers = new WeakMap<HubContext, OrderChangeWatcher>()

function watcherOf(hub: HubContext): OrderChangeWatcher {
  let w = watchers.get(hub)
  if (!w) {
    const created = new OrderChangeWatcher(hub.core.db)
    // This hub's own commits (a status change writes its channel's message) are news at once;
    // other hubs' reach it at the next tick.
    hub.core.db.onCommitted('outbox', () => created.wake())
    watchers.set(hub, created)
    w = created
  }
  return w
}

/**
 * Live updates (`GET /events`): server-sent events, one `order` event per changed order, filtered
 * to what the key may see. The console reads it with fetch streaming so the key stays in the
 * Authorization header (EventSource cannot send one, and a key in a URL ends up in logs).
 */
export function eventRoutes(hub: HubContext) {
  const app = apiRouter()
  // Not a response body of its own (the stream is text), but clients type each event's data by it.
  app.openAPIRegistry.register('OrderChangedEvent', orderChanged)
  app.openapi(
    apiRoute('orders:read', {
      operationId: 'streamEvents',
      method: 'get',
      path: '/',
      tags: ['orders'],
      summary: 'Live order changes as server-sent events',
      description:
        'A text/event-stream: an `order` event (data: OrderChangedEvent JSON, id: the order id) for every order ' +
        'that changes on any hub of the database, within about a second; a `: heartbeat` comment every 15 s. ' +
        "A channel-scoped key receives only its channel's orders. The stream closes when the hub shuts down: " +
        'reconnect, and read the list again for what changed meanwhile (`updatedSince`).',
      responses: {
        200: {
          description: 'The stream',
          content: {
            'text/event-stream': { schema: z.string().meta({ description: 'Server-sent events' }) },
          },
        },
      },
    }),
    (c) => {
      const scope = c.get('principal').channelInstanceId
      const watcher = watcherOf(hub)
      c.header('cache-control', 'no-store')
      // Tells nginx not to hold the events back in its buffer.
      c.header('x-accel-buffering', 'no')
      return streamSSE(c, async (stream) => {
        const queue: OrderChange[] = []
        let wakeUp: (() => void) | undefined
        const unsubscribe = watcher.subscribe((changes) => {
          for (const ch of changes) if (!scope || ch.channelInstanceId === scope) queue.push(ch)
          wakeUp?.()
        })
        stream.onAbort(() => wakeUp?.())
        let lastWrite = Date.now()
        try {
          // The first bytes now: the client knows it is connected before anything changes.
          await stream.write(': connected\n\n')
          while (!stream.aborted && !stream.closed && !hub.lifecycle.draining) {
            while (queue.length > 0) {
              const ch = queue.shift()!
              await stream.writeSSE({
                event: 'order',
                id: ch.id,
                data: JSON.stringify({
                  id: ch.id,
                  status: ch.status,
                  channel: ch.channelInstanceId,
                  updatedAt: new Date(ch.updatedAt).toISOString(),
                }),
              })
              lastWrite = Date.now()
            }
            if (Date.now() - lastWrite >= HEARTBEAT_MS) {
              await stream.write(': heartbeat\n\n')
              lastWrite = Date.now()
            }
            await new Promise<void>((resolve) => {
              const t = setTimeout(resolve, DRAIN_CHECK_MS)
              wakeUp = () => {
                clearTimeout(t)
                resolve()
              }
            })
            wakeUp = undefined
          }
        } finally {
          unsubscribe()
        }
      })
    },
  )
  return app
}
