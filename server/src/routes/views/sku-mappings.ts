import { z } from 'zod'

/** The response shapes of the sku mapping routes (core's SkuMappingView). */
export const skuMappingView = z
  .object({
    channelSku: z.string().meta({ description: "The channel's sku or listing id" }),
    hubSku: z.string().meta({ description: "The hub's sku it stands for" }),
    multiplier: z.number().int().meta({ description: 'Hub units per channel unit (a 6-pack: 6)' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'SkuMapping' })

export const skuMappingPage = z.object({ items: z.array(skuMappingView), nextCursor: z.string().nullable() })

export const skuMappingWriteResult = z
  .object({
    upserted: z.number().int().meta({ description: 'Mappings written (new or replaced)' }),
    removed: z
      .number()
      .int()
      .meta({ description: 'Mappings removed (entries with hubSku null that existed)' }),
  })
  .meta({ id: 'SkuMappingWriteResult' })
