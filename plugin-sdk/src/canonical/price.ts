/**
 * A price the hub tells a channel: what one unit of a sku sells for there, without a customer, as a
 * decimal string in `currency` (the currency's own exponent: JPY 0, KWD 3).
 */
export interface ChannelPrice {
  sku: string
  currency: string
  price: string
  /** The hub's price list the price came from, for the channel's records. */
  priceListId: string | null
}
