import { z } from 'zod'

/**
 * Money crosses the plugin boundary as a decimal string ("12.50"), never a float: channels send
 * decimals as strings (Shopify, Woo) and a float cannot hold 0.1 exactly. Core converts to integer
 * minor units with the currency's own exponent.
 */
export const decimalString = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,6})?$/, 'must be a decimal number written as a string, e.g. "12.50"')

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as NZD')

export type DecimalString = z.infer<typeof decimalString>
