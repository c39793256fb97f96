import { EntitySchema } from '@mikro-orm/core'

/**
 * One caller's window of the shared API rate limit: rate-limiter-flexible's layout (it reads and
 * writes the rows; this describes the table so migrations and entities stay one description).
 */
export class RateLimitWindow {
  key!: string
  points = 0
  /** Epoch ms when the window ends. */
  expire?: number | null
}

export const RateLimitWindowSchema = new EntitySchema<RateLimitWindow>({
  class: RateLimitWindow,
  tableName: 'rate_limit',
  properties: {
    key: { type: 'string', length: 255, primary: true },
    points: { type: 'integer', default: 0 },
    expire: { type: 'bigint', nullable: true },
  },
})
