import { isPluginError } from '@switchyard/plugin-sdk'
import type { HubContext } from '../hub-context'

/**
 * Keeps a webhook plugin's health current: a verify or parse that throws or hangs counts against the
 * instance (three in a row and it shows as degraded at /api/v1/plugins), as a failed delivery or poll
 * does. A refused payload is the sender's fault and does not count. Successes are written only to
 * clear a failure this process recorded, so a healthy webhook costs no extra write.
 */
export function webhookHealth(hub: HubContext) {
  const failing = new Set<string>()
  return {
    async failed(instanceId: string, what: string, error: unknown): Promise<void> {
      if (!isPluginError(error) || error.failure === 'permanent') return
      failing.add(instanceId)
      await hub.core.pluginInstances.failure(instanceId, `${what}: ${error.message}`).catch(() => {})
    },
    async succeeded(instanceId: string): Promise<void> {
      if (!failing.delete(instanceId)) return
      await hub.core.pluginInstances.success(instanceId).catch(() => {})
    },
  }
}
