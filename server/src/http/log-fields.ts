import type { Context } from 'hono'

declare module 'hono' {
  interface ContextVariableMap {
    /** The plugin instance a webhook request was for. */
    logInstance: string
    /** Orders a request created or touched that its path does not name (webhook intake). */
    logOrderIds: string[]
  }
}

const ORDER_IN_PATH = /\/orders\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/

/**
 * What an access-log line says about the request beyond method, path and status: the plugin
 * instance and the order(s) it concerned, so an operator can follow one order through the logs.
 */
export function logFields(c: Context): { instance?: string; orderId?: string } {
  const fields: { instance?: string; orderId?: string } = {}
  const instance = c.get('logInstance')
  if (instance) fields.instance = instance
  const ids = c.get('logOrderIds')
  const fromPath = ORDER_IN_PATH.exec(c.req.path)?.[1]
  if (ids && ids.length > 0) fields.orderId = ids.join(',')
  else if (fromPath) fields.orderId = fromPath
  return fields
}
