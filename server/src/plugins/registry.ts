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
    const c = this.byId.get(instanceId)?.definition.capabilities
    if (!c) return false
    switch (topic) {
      case 'order.status':
        return c.statusPush !== undefined
      case 'fulfilment.request':
        return c.fulfilment !== undefined
      case 'fulfilment.cancel':
        return c.fulfilment?.cancelFulfilment !== undefined
      case 'inventory.push':
        return c.inventoryPush !== undefined
      case 'refund.push':
        return c.refundPush !== undefined
      case 'price.push':
        return c.pricePush !== undefined
      case 'notification':
        return c.notify !== undefined
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
