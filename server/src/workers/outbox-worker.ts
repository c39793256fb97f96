import { type ClaimedMessage, type Deliver, OutboxDispatcher } from '@switchyard/core'
import type { DeliveryResult } from '@switchyard/plugin-sdk'
import { ConfigError } from '@switchyard/plugin-sdk'
import type { HubContext } from '../hub-context'
import type { Logger } from '../logger'
import { inSpan } from '../observability/tracing'
import { invokePlugin } from '../plugins/invoke'
import type { LoadedInstance } from '../plugins/loader'
import type { IntakeLoadMeter } from './intake-load'

const DELIVERY_DEADLINE_MS = 30_000
const STREAM_TOPICS = new Set(['inventory.push', 'price.push'])
/** The order a message is about; stock and price pushes carry a per-channel stream id instead. */
const orderIdOf = (m: ClaimedMessage) => (m.orderId && !STREAM_TOPICS.has(m.topic) ? m.orderId : undefined)

/**
 * What deliveries need of a hub. The hub's own context in the inline mode; in the delivery thread
 * (`delivery-thread.ts`) its own core and plugins, with outcomes sent to the main thread's metrics.
 */
export type DeliveryDeps = Pick<
  HubContext,
  'settings' | 'core' | 'registry' | 'contexts' | 'observePluginCall'
> & {
  logger: Logger
  /** Counts a delivery outcome (`ms`: how long a delivered one took). */
  recordDelivery(instance: string, topic: string, outcome: 'delivered' | 'retry' | 'dead', ms?: number): void
}

/** The hub's own metrics as a delivery outcome counter (inline mode, and the thread's receiver). */
export function deliveryMetrics(hub: Pick<HubContext, 'metrics'>): DeliveryDeps['recordDelivery'] {
  return (instance, topic, outcome, ms) => {
    hub.metrics.outboxDeliveries.inc({ instance, topic, outcome })
    if (ms !== undefined) hub.metrics.outboxDeliverySeconds.observe({ instance, topic }, ms / 1000)
  }
}

function call(instance: LoadedInstance, message: ClaimedMessage, hub: DeliveryDeps): Promise<DeliveryResult> {
  const c = instance.definition.capabilities
  // No AbortController per message (costly in Node 20): the HTTP client enforces its own timeout,
  // and a plugin that outlives the deadline is abandoned by the race in invokePlugin.
  const ctx = hub.contexts(instance, {
    idempotencyKey: message.idempotencyKey,
    ...(orderIdOf(message) ? { orderId: orderIdOf(message)! } : {}),
  })
  return invokePlugin(
    instance,
    message.topic,
    DELIVERY_DEADLINE_MS,
    () => {
      switch (message.topic) {
        case 'order.status':
          if (c.statusPush) return c.statusPush.pushStatus(message.payload, ctx)
          break
        case 'fulfilment.request':
          if (c.fulfilment) return c.fulfilment.requestFulfilment(message.payload, ctx)
          break
        case 'fulfilment.cancel':
          if (c.fulfilment?.cancelFulfilment) return c.fulfilment.cancelFulfilment(message.payload, ctx)
          break
        case 'inventory.push':
          if (c.inventoryPush) return c.inventoryPush.pushInventory(message.payload, ctx)
          break
        case 'refund.push':
          if (c.refundPush) return c.refundPush.pushRefund(message.payload, ctx)
          break
        case 'price.push':
          if (c.pricePush) return c.pricePush.pushPrices(message.payload, ctx)
          break
        case 'notification':
          if (c.notify) return c.notify.notify(message.payload, ctx)
          break
        case 'exception.discarded':
          if (c.ordersPoll?.discarded) return c.ordersPoll.discarded(message.payload, ctx)
          break
      }
      throw new ConfigError(`plugin instance '${instance.id}' cannot take '${message.topic}' messages`)
    },
    ctx.signal,
    hub.observePluginCall,
  )
}

/**
 * The outbox dispatcher, delivering through the loaded plugins and keeping their health current.
 * `intake` tells it how hard order intake works, so deliveries give way (down to their share of
 * the time) only while intake is saturated.
 */
export function createOutboxWorker(
  hub: DeliveryDeps,
  intake?: Pick<IntakeLoadMeter, 'load'>,
): OutboxDispatcher {
  const lastHealthWrite = new Map<string, number>()
  const deliver: Deliver = async (message) => {
    const instance = hub.registry.get(message.instanceId)
    if (!instance)
      throw new ConfigError(`plugin instance '${message.instanceId}' is not configured in this hub`)
    return inSpan(
      `outbox deliver ${message.topic}`,
      { 'switchyard.instance': message.instanceId, 'switchyard.message': message.id },
      () => call(instance, message, hub),
    )
  }
  const { outbox } = hub.settings
  return new OutboxDispatcher({
    store: hub.core.outbox,
    deliver,
    effects: hub.core.deliveryEffects,
    backoff: { baseMs: outbox.baseMs, maxMs: outbox.maxMs },
    pollMs: outbox.pollMs,
    leaseMs: outbox.leaseMs,
    pacing: { minShare: outbox.share },
    ...(intake ? { intakeLoad: () => intake.load() } : {}),
    observer: {
      delivered(message, ms) {
        hub.recordDelivery(message.instanceId, message.topic, 'delivered', ms)
        hub.logger.debug(
          {
            messageId: message.id,
            topic: message.topic,
            instance: message.instanceId,
            orderId: orderIdOf(message),
            ms,
          },
          'outbox delivered',
        )
        // A healthy instance's row is refreshed at most every few seconds, not once per message.
        const last = lastHealthWrite.get(message.instanceId) ?? 0
        if (Date.now() - last > 5_000) {
          lastHealthWrite.set(message.instanceId, Date.now())
          void hub.core.pluginInstances.success(message.instanceId).catch(() => {})
        }
      },
      failed(message, failure, error, outcome) {
        hub.recordDelivery(message.instanceId, message.topic, outcome)
        lastHealthWrite.delete(message.instanceId)
        const level = outcome === 'dead' ? 'error' : 'warn'
        hub.logger[level](
          {
            messageId: message.id,
            topic: message.topic,
            instance: message.instanceId,
            orderId: orderIdOf(message),
            attempt: message.attempt,
            failure,
            error,
          },
          outcome === 'dead' ? 'outbox message dead' : 'outbox delivery failed; will retry',
        )
        void hub.core.pluginInstances.failure(message.instanceId, error).catch(() => {})
      },
      crashed(error) {
        hub.logger.error({ err: error }, 'outbox round failed')
      },
    },
  })
}
