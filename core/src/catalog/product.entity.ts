import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'

export class Product {
  sku!: string
  name!: string
  category?: string | null
  hazmat = false
  highValue = false
  weightGrams?: number | null
  /** Anything else the catalogue knows (colour, size, brand) for rules to match on. */
  attributes: Record<string, unknown> = {}
  /** Labels rules test (fragile, lithium, made-in-nz); a product's own, unlike the order's tags. */
  tags: string[] = []
  /** Sold ahead against inbound supply when out of stock (issue 20); see supply/preorder-claims.ts. */
  preorder = false
  /** Units of each inbound supply pre-orders may take; null: all it brings. */
  preorderCap?: number | null
  createdAt: Date = new Date()
  updatedAt: Date = new Date()
}

export const ProductSchema = new EntitySchema<Product>({
  class: Product,
  tableName: 'product',
  properties: {
    sku: { type: 'string', length: 120, primary: true },
    name: { type: 'string', length: 300 },
    category: { type: 'string', length: 120, nullable: true },
    hazmat: { type: 'boolean', default: false },
    highValue: { type: 'boolean', default: false },
    weightGrams: { type: 'integer', nullable: true },
    attributes: { type: 'json' },
    tags: { type: 'json', default: '[]' },
    preorder: { type: 'boolean', default: false },
    preorderCap: { type: 'integer', nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
