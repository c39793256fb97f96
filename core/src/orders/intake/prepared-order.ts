import type { Address, CanonicalOrder, ServiceLevel } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../../catalog/catalog-cache'
import type { ProductFacts } from '../../catalog/facts'
import { toMinorUnits } from '../../catalog/money'
import { hubUnitPrice, NO_MAPPINGS, type SkuMappingSet, toHubLine } from '../../channels/sku-mappings'
import {
  candidateCustomerId,
  type Identified,
  identifiersOf,
  normaliseEmail,
} from '../../customers/customer-identity'
import { UnknownSkuError, ValidationError } from '../../errors'
import { uuidv7 } from '../../ids'
import type { OrderPricingRecord } from '../../pricing/order-pricing'
import type { RoutingLine, RoutingOrder } from '../../routing/router'
import { pickupLocationOf } from '../pickup/pickup-location'

export interface PreparedLine {
  id: string
  lineNo: number
  externalLineId: string | null
  sku: string
  name: string | null
  quantity: number
  unitPriceMinor: number | null
  discountMinor: number
  product: ProductFacts
  // The three below are set by prepareOrder; lines made elsewhere (tests, simulations) may leave
  // them out, meaning the channel's sku is the hub's.
  /** The channel's own sku when a sku mapping named `sku` for it; null when the channel used `sku`. */
  channelSku?: string | null
  /** Hub units per channel unit (a 6-pack: 6); `quantity` is in hub units. */
  channelMultiplier?: number
  /** The unit price the channel sent (per channel unit), told back to it in the first status update. */
  channelUnitPriceMinor?: number | null
}

/** The order's customer: `id` is final once intake has resolved `identifiers` (customers/). */
export interface PreparedCustomer extends Identified {
  id: string
  email: string | null
  name: string | null
  phone: string | null
  tier: string | null
  segment: string | null
}

/** A canonical order checked against the catalogue and turned into rows-to-be, before any lock is taken. */
export interface PreparedOrder {
  id: string
  channelInstanceId: string
  externalOrderId: string
  orderNumber: string | null
  currency: string
  customer: PreparedCustomer | null
  email: string | null
  shipTo: Address
  billTo: Address | null
  serviceLevel: ServiceLevel
  /** Click and collect: the store the customer collects from (its service level is `pickup`); null when it ships. */
  pickupLocationId?: string | null
  subtotalMinor: number
  shippingMinor: number
  totalMinor: number
  tags: string[]
  notes: string | null
  raw: unknown
  placedAt: number
  receivedAt: number
  lines: PreparedLine[]
  /** A cart or POS hold this order turns into its allocation. */
  reservationId: string | null
  /** How pricing settled the prices before the transaction; absent when the channel's prices were kept unchecked. */
  pricing?: OrderPricingRecord
}

function customerOf(channelInstanceId: string, order: CanonicalOrder): PreparedCustomer | null {
  const c = order.customer
  if (!c) return null
  const identifiers = identifiersOf(channelInstanceId, c)
  if (identifiers.length === 0) return null
  return {
    // Provisional until intake resolves the identifiers against the recorded ones (customers/).
    id: candidateCustomerId(identifiers[0]!),
    identifiers,
    resolution: null,
    email: normaliseEmail(c.email),
    name: c.name ?? null,
    phone: c.phone ?? null,
    tier: c.tier ?? null,
    segment: c.segment ?? null,
  }
}

function money(value: string | undefined, currency: string, field: string): number | null {
  if (value === undefined) return null
  try {
    return toMinorUnits(value, currency)
  } catch (error) {
    throw new ValidationError('invalid amount', [{ field, message: (error as Error).message }])
  }
}

/**
 * `mappings`: the channel instance's sku mappings (channels/sku-mappings, held in memory). A line
 * whose sku is mapped becomes the hub's sku in hub units (quantity × multiplier, unit price ÷
 * multiplier with the line total kept exact: `hubUnitPrice`), and keeps the channel's sku and
 * multiplier, so the channel hears its own sku and quantity back.
 */
export async function prepareOrder(
  channelInstanceId: string,
  order: CanonicalOrder,
  catalog: CatalogCache,
  now: number,
  mappings: SkuMappingSet = NO_MAPPINGS,
): Promise<PreparedOrder> {
  const hubLines = order.lines.map((l) => toHubLine(l.sku, l.quantity, mappings))
  const { found, missing } = await catalog.products(hubLines.map((l) => l.hubSku))
  if (missing.length > 0) {
    throw new UnknownSkuError(
      hubLines.flatMap((h, i) =>
        missing.includes(h.hubSku)
          ? [
              {
                field: `lines[${i}].sku`,
                message:
                  h.channelSku === null
                    ? `unknown sku '${h.hubSku}'`
                    : `sku '${h.channelSku}' is mapped to '${h.hubSku}', which the catalogue does not have`,
              },
            ]
          : [],
      ),
    )
  }
  const pickupLocationId = pickupLocationOf(order, await catalog.activeLocations())
  const id = uuidv7(now)
  const lines: PreparedLine[] = order.lines.map((l, i) => {
    const h = hubLines[i]!
    const product = found.get(h.hubSku)!
    const channelUnitPriceMinor = money(l.unitPrice, order.currency, `lines[${i}].unitPrice`)
    const channelDiscountMinor = money(l.discount, order.currency, `lines[${i}].discount`) ?? 0
    const { unitPriceMinor, discountMinor } = hubUnitPrice(
      channelUnitPriceMinor,
      channelDiscountMinor,
      l.quantity,
      h.multiplier,
    )
    return {
      id: uuidv7(now),
      lineNo: i + 1,
      externalLineId: l.externalLineId ?? null,
      sku: h.hubSku,
      name: l.name ?? product.name,
      quantity: h.quantity,
      unitPriceMinor,
      discountMinor,
      product,
      channelSku: h.channelSku,
      channelMultiplier: h.multiplier,
      channelUnitPriceMinor,
    }
  })
  const subtotalMinor = lines.reduce(
    (sum, l) => sum + (l.unitPriceMinor ?? 0) * l.quantity - l.discountMinor,
    0,
  )
  const shippingMinor = money(order.shippingTotal, order.currency, 'shippingTotal') ?? 0
  const totalMinor = money(order.total, order.currency, 'total') ?? subtotalMinor + shippingMinor
  const customer = customerOf(channelInstanceId, order)
  return {
    id,
    channelInstanceId,
    externalOrderId: order.externalId,
    orderNumber: order.orderNumber ?? null,
    currency: order.currency,
    customer,
    email: customer?.email ?? order.customer?.email ?? null,
    shipTo: order.shipTo,
    billTo: order.billTo ?? null,
    // Collected at the counter: no carrier, whatever level the channel named.
    serviceLevel: pickupLocationId ? 'pickup' : order.serviceLevel,
    pickupLocationId,
    subtotalMinor,
    shippingMinor,
    totalMinor,
    tags: order.tags ?? [],
    notes: order.notes ?? null,
    raw: order.raw ?? null,
    placedAt: order.placedAt ? Date.parse(order.placedAt) : now,
    receivedAt: now,
    lines,
    reservationId: order.reservationId ?? null,
  }
}

/** The order as the router reads it: intake routes it so, and simulation routes a sample so. */
export function routingInput(order: PreparedOrder): { order: RoutingOrder; lines: RoutingLine[] } {
  return {
    order: {
      id: order.id,
      channelInstanceId: order.channelInstanceId,
      serviceLevel: order.serviceLevel,
      shipTo: order.shipTo,
      ...(order.pickupLocationId ? { pickupLocationId: order.pickupLocationId } : {}),
      placedAt: new Date(order.placedAt),
      totalMinor: order.totalMinor,
      currency: order.currency,
      tags: order.tags,
      customer: order.customer ?? undefined,
    },
    lines: order.lines.map((l) => ({
      lineId: l.id,
      sku: l.sku,
      quantity: l.quantity,
      product: l.product,
      unitPriceMinor: l.unitPriceMinor,
      discountMinor: l.discountMinor,
    })),
  }
}
