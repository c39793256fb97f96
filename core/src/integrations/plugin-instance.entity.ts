import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'

export type PluginInstanceStatus = 'active' | 'degraded' | 'disabled'

/** One configured use of a plugin (a channel, a WMS). Rows mirror the config file at start-up. */
export class PluginInstance {
  id!: string
  plugin!: string
  kind!: string
  version!: string
  status: PluginInstanceStatus = 'active'
  lastSuccessAt?: Date | null
  lastErrorAt?: Date | null
  lastError?: string | null
  consecutiveFailures = 0
  createdAt: Date = new Date()
  updatedAt: Date = new Date()
}

export const PluginInstanceSchema = new EntitySchema<PluginInstance>({
  class: PluginInstance,
  tableName: 'plugin_instance',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    plugin: { type: 'string', length: 200 },
    kind: { type: 'string', length: 20 },
    version: { type: 'string', length: 40 },
    status: { type: 'string', length: 20, default: 'active' },
    lastSuccessAt: { type: EpochMsType, nullable: true },
    lastErrorAt: { type: EpochMsType, nullable: true },
    lastError: { type: 'text', nullable: true },
    consecutiveFailures: { type: 'integer', default: 0 },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})

export class PluginState {
  instanceId!: string
  key!: string
  value!: unknown
  updatedAt: Date = new Date()
}

export const PluginStateSchema = new EntitySchema<PluginState>({
  class: PluginState,
  tableName: 'plugin_state',
  properties: {
    instanceId: { type: 'string', length: 64, primary: true },
    key: { type: 'string', length: 200, primary: true },
    value: { type: 'json' },
    updatedAt: { type: EpochMsType },
  },
})

/** Webhook deliveries already processed, by the dedupe key the plugin extracted (e.g. a webhook id). */
export class WebhookReceipt {
  instanceId!: string
  dedupeKey!: string
  receivedAt: Date = new Date()
}

export const WebhookReceiptSchema = new EntitySchema<WebhookReceipt>({
  class: WebhookReceipt,
  tableName: 'webhook_receipt',
  properties: {
    instanceId: { type: 'string', length: 64, primary: true },
    dedupeKey: { type: 'string', length: 200, primary: true },
    receivedAt: { type: EpochMsType },
  },
})
