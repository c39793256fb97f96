import type { Core } from '@switchyard/core'
import type { Logger } from '../logger'
import { type PeriodicJob, periodic } from './periodic'

/**
 * Click and collect: cancels orders left at a store's counter (`ready_for_pickup`) longer than
 * `expiryMs`, every `everyMs`; their units go back to the store's stock and channels are told
 * (core/src/orders/pickup). Each order is cancelled in its own transaction with its row locked,
 * so hubs sharing a PostgreSQL database may all run it.
 */
export function pickupExpiry(
  core: Pick<Core, 'pickups'>,
  settings: { pickupExpiryMs: number; pickupExpiryCheckMs: number },
  logger: Logger,
): PeriodicJob {
  return periodic(
    'pickup-expiry',
    settings.pickupExpiryCheckMs,
    async () => {
      const expired = await core.pickups.expire(settings.pickupExpiryMs)
      if (expired.length > 0) logger.info({ orders: expired }, 'uncollected pickup orders cancelled')
    },
    logger,
  )
}
