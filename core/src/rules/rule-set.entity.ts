import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

export type RuleSetKind = 'sourcing' | 'pricing' | 'returns'
export type RuleSetVersionStatus = 'draft' | 'published' | 'archived'

export class RuleSet {
  id!: string
  kind!: RuleSetKind
  name!: string
  description?: string | null
  liveVersionId?: string | null
  createdAt!: Date
  updatedAt!: Date
}

export const RuleSetSchema = new EntitySchema<RuleSet>({
  class: RuleSet,
  tableName: 'rule_set',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    kind: { type: 'string', length: 20 },
    name: { type: 'string', length: 200 },
    description: { type: 'text', nullable: true },
    liveVersionId: { type: 'uuid', nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})

/** One version of a rule set: json-rules-engine rules plus the editor's graph, immutable once published. */
export class RuleSetVersion {
  id!: string
  ruleSetId!: string
  version!: number
  status!: RuleSetVersionStatus
  rules!: unknown
  graph?: unknown
  author?: string | null
  comment?: string | null
  effectiveFrom?: Date | null
  /** Engine settings of this version (e.g. the time zone of order.placedHour). */
  settings?: unknown
  createdAt!: Date
  updatedAt?: Date | null
  publishedAt?: Date | null
}

export const RuleSetVersionSchema = new EntitySchema<RuleSetVersion>({
  class: RuleSetVersion,
  tableName: 'rule_set_version',
  uniques: [{ properties: ['ruleSetId', 'version'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    ruleSetId: foreignKey('RuleSet'),
    version: { type: 'integer' },
    status: { type: 'string', length: 16 },
    rules: { type: 'json' },
    graph: { type: 'json', nullable: true },
    author: { type: 'string', length: 200, nullable: true },
    comment: { type: 'text', nullable: true },
    effectiveFrom: { type: EpochMsType, nullable: true },
    settings: { type: 'json', nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType, nullable: true },
    publishedAt: { type: EpochMsType, nullable: true },
  },
})
