import type { IntakeResult } from '@switchyard/core'
import type { Metrics } from './metrics'

/** Counts one intake answer: received (new or redelivered), and where routing left a new order. */
export function recordIntake(metrics: Metrics, channel: string, result: IntakeResult): void {
  metrics.ordersReceived.inc({ channel, outcome: result.created ? 'created' : 'duplicate' })
  if (!result.created) return
  metrics.ordersRouted.inc({ channel, status: result.status })
  if (result.status === 'backordered') metrics.ordersBackordered.inc({ channel })
}
