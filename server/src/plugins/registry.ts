import type { IntegrationDirectory, OutboxTopic } from '@switchyard/core'
import type { LoadedInstance } from './loader'

/** The loaded plugin instances, by id. Tells core which instance can take which message. */
export class PluginRegistry implements IntegrationDirectory {
  private readonly byId: Map<string, LoadedInstance>

  private readonly notifiers: string[]

  constructor(instances: readonly LoadedInstance[]) {
    this.byId = new Map(instances.map((i) => [i.id, i]))
    this.notifiers = instances.filter((i) => i.definition.capabilities.notify !== undefined).map((i) => i.id)
  }

  get(id: string): LoadedInstance | undefined {
    return this.byId.get(id)
  }

  all(): LoadedInstance[] {
    return [...this.byId.values()]
  }

  accepts(instanceId: string, topic: OutboxTopic): boolean {
    const instance = this.byId.get(instanceId)
    const c = instance?.definition.capabilities
    if (!instance || !c) return false
    const on = (cap: { enabled?(config: unknown): boolean } | undefined) =>
      cap !== undefined && (cap.enabled?.(instance.config) ?? true)
    switch (topic) {
      case 'order.status':
        return on(c.statusPush)
      case 'fulfilment.request':
        return c.fulfilment !== undefined
      case 'fulfilment.cancel':
        return c.fulfilment?.cancelFulfilment !== undefined
      case 'inventory.push':
        return on(c.inventoryPush)
      case 'refund.push':
        return on(c.refundPush)
      case 'price.push':
        return on(c.pricePush)
      case 'notification':
        return c.notify !== undefined
      case 'exception.discarded':
        return c.ordersPoll?.discarded !== undefined
    }
  }

  notificationTargets(): readonly string[] {
    return this.notifiers
  }

  /** Every secret value of every instance: the logger scrubs them from all output. */
  secretValues(): string[] {
    return this.all().flatMap((i) => i.secretValues)
  }
}
