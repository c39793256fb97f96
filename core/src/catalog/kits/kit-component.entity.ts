import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../../db/epoch-ms-type'
import { foreignKey } from '../../db/foreign-key'

/**
 * One line of a kit's bill of materials: `quantity` units of `componentSku` make one `kitSku`.
 * A kit has no stock row of its own; its availability is worked out from its components'.
 */
export class KitComponent {
  kitSku!: string
  componentSku!: string
  quantity!: number
  createdAt!: Date
}

export const KitComponentSchema = new EntitySchema<KitComponent>({
  class: KitComponent,
  tableName: 'kit_component',
  indexes: [{ properties: ['componentSku'] }],
  properties: {
    kitSku: foreignKey('Product', { primary: true }),
    componentSku: foreignKey('Product', { primary: true }),
    quantity: { type: 'integer' },
    createdAt: { type: EpochMsType },
  },
})
