import { type Core, NotFoundError, type Principal } from '@switchyard/core'
import { hideOtherChannel } from './auth'

/** The one check for anything reached through an order (its returns, its pricing). */
export async function assertOrderInScope(core: Core, principal: Principal, orderId: string): Promise<void> {
  if (!principal.channelInstanceId) return
  hideOtherChannel(
    principal,
    await core.orders.channelOf(orderId),
    () => new NotFoundError('order', orderId, 'ORDER_NOT_FOUND'),
  )
}
