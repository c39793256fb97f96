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

/** A mapping as the list shows it: with its ETag, so a bulk write can name each state it read. */
export const listedSkuMapping = skuMappingView
  .extend({
    etag: z.string().meta({
      description:
        "The mapping's ETag, as GET of the one mapping gives it: send it as the entry's `ifMatch` in the bulk write, or as `If-Match` to the one mapping's URL",
    }),
  })
  .meta({ id: 'ListedSkuMapping' })

export const skuMappingPage = z.object({
  items: z.array(listedSkuMapping),
  nextCursor: z.string().nullable(),
})

export const skuMappingWriteResult = z
  .object({
    upserted: z.number().int().meta({ description: 'Mappings written (new or replaced)' }),
    removed: z
      .number()
      .int()
      .meta({ description: 'Mappings removed (entries with hubSku null that existed)' }),
  })
  .meta({ id: 'SkuMappingWriteResult' })
