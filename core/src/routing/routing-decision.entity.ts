import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

/** Why an order went where it went: the plan, every candidate considered, and a readable summary. */
export class RoutingDecision {
  id!: string
  orderId!: string
  attempt = 1
  ruleSetVersionId?: string | null
  strategy!: string
  plan!: unknown
  explanation!: unknown
  summary!: string
  createdAt!: Date
}

export const RoutingDecisionSchema = new EntitySchema<RoutingDecision>({
  class: RoutingDecision,
  tableName: 'routing_decision',
  indexes: [{ properties: ['orderId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: foreignKey('Order', { withinOrder: true }),
    attempt: { type: 'integer', default: 1 },
    ruleSetVersionId: { type: 'uuid', nullable: true },
    strategy: { type: 'string', length: 100 },
    plan: { type: 'json' },
    explanation: { type: 'json' },
    summary: { type: 'text' },
    createdAt: { type: EpochMsType },
  },
})
