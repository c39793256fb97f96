import {
  type ChannelInventoryLevel,
  type ChannelPrice,
  type DeliveryResult,
  isPluginError,
  PermanentError,
  type PluginContext,
} from '@switchyard/plugin-sdk'
import type { AmazonConfig } from './config'
import { spRequest } from './sp-api'

type Ctx = PluginContext<AmazonConfig>

interface Patch {
  op: 'merge' | 'replace'
  path: string
  value: unknown[]
}

interface SubmissionResponse {
  sku?: string
  status?: 'ACCEPTED' | 'INVALID' | 'VALID'
  submissionId?: string
  issues?: { code: string; message: string; severity: 'ERROR' | 'WARNING' | 'INFO' }[]
}

/**
 * patchListingsItem (Listings Items API v2021-08-01) on one seller sku. `PRODUCT` is the product type
 * for offer-only changes. Amazon answers `ACCEPTED` (applied asynchronously) or `INVALID` with issues:
 * an error issue is a refusal.
 */
async function patchListing(ctx: Ctx, sku: string, patches: Patch[]): Promise<string | null> {
  const { config } = ctx
  const path = `/listings/2021-08-01/items/${encodeURIComponent(config.sellerId)}/${encodeURIComponent(sku)}?marketplaceIds=${encodeURIComponent(config.marketplaceId)}`
  try {
    const answer = (
      await spRequest(ctx, 'PATCH', path, { productType: 'PRODUCT', patches })
    ).json<SubmissionResponse>()
    const errors = (answer.issues ?? []).filter((i) => i.severity === 'ERROR')
    if (answer.status === 'INVALID' || errors.length > 0)
      return `${sku}: ${errors.map((e) => `${e.code} ${e.message}`).join('; ') || 'INVALID'}`
    return null
  } catch (error) {
    // A sku the seller has no listing for is not sold on Amazon: nothing to tell it.
    if (isPluginError(error) && error.status === 404) return null
    throw error
  }
}

/** One patch per sku, in order; every refusal is reported once all are sent (absolute values: safe to repeat). */
async function patchEach(
  ctx: Ctx,
  entries: readonly { sku: string; patches: Patch[] }[],
  what: string,
): Promise<DeliveryResult> {
  const refused: string[] = []
  for (const e of entries) {
    const problem = await patchListing(ctx, e.sku, e.patches)
    if (problem) refused.push(problem)
  }
  if (refused.length > 0) throw new PermanentError(`Amazon refused ${what}: ${refused.join(' | ')}`)
  return { status: 'accepted' }
}

/**
 * Stock: the seller-fulfilled quantity (`fulfillment_availability`, channel `DEFAULT`) of each
 * listing, with the `merge` operation so the listing's handling time and restock date stay as the
 * seller set them.
 */
export function pushInventory(levels: ChannelInventoryLevel[], ctx: Ctx): Promise<DeliveryResult> {
  return patchEach(
    ctx,
    levels.map((l) => ({
      sku: l.sku,
      patches: [
        {
          op: 'merge',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity: Math.max(0, l.available) }],
        },
      ],
    })),
    'the quantities',
  )
}

/** Prices: each listing's offer price in the marketplace (`purchasable_offer`, `our_price`), when channel pricing is on. */
export function pushPrices(prices: ChannelPrice[], ctx: Ctx): Promise<DeliveryResult> {
  return patchEach(
    ctx,
    prices.map((p) => ({
      sku: p.sku,
      patches: [
        {
          op: 'replace',
          path: '/attributes/purchasable_offer',
          value: [
            {
              marketplace_id: ctx.config.marketplaceId,
              currency: p.currency,
              our_price: [{ schedule: [{ value_with_tax: Number(p.price) }] }],
            },
          ],
        },
      ],
    })),
    'the prices',
  )
}
