import { describe, expectTypeOf, it } from 'vitest'
import type { ChannelPoolSchema } from '../inventory/channel-pool.entity'
import type { AllocationSchema } from '../orders/allocation.entity'
import type { OrderSchema } from '../orders/order.entity'
import type { RowOf, SnakeCase } from './row-of'

// Type-level checks: they fail `pnpm typecheck` (run by .ci/run), not the test run.
describe('RowOf', () => {
  it('names columns as MikroORM does', () => {
    expectTypeOf<SnakeCase<'orderId'>>().toEqualTypeOf<'order_id'>()
    expectTypeOf<SnakeCase<'line1'>>().toEqualTypeOf<'line1'>()
    expectTypeOf<SnakeCase<'subtotalMinor'>>().toEqualTypeOf<'subtotal_minor'>()
  })

  it('types each column as the SQL layer reads it', () => {
    type Order = RowOf<typeof OrderSchema>
    expectTypeOf<Order['id']>().toEqualTypeOf<string>()
    expectTypeOf<Order['customer_id']>().toEqualTypeOf<string | null>()
    expectTypeOf<Order['received_at']>().toEqualTypeOf<number>()
    expectTypeOf<Order['subtotal_minor']>().toEqualTypeOf<number>()
    expectTypeOf<Order['tags']>().toEqualTypeOf<string[] | string>()
    expectTypeOf<Order['raw']>().toEqualTypeOf<unknown>()
    type Pool = RowOf<typeof ChannelPoolSchema>
    expectTypeOf<Pool['may_borrow']>().toEqualTypeOf<boolean | number>()
    expectTypeOf<Pool['cap_percent']>().toEqualTypeOf<number | null>()
  })

  it('has exactly the columns of the table', () => {
    expectTypeOf<keyof RowOf<typeof AllocationSchema>>().toEqualTypeOf<
      | 'id'
      | 'order_id'
      | 'line_id'
      | 'sku'
      | 'location_id'
      | 'quantity'
      | 'status'
      | 'fulfilment_id'
      | 'pool_id'
      | 'created_at'
      | 'updated_at'
    >()
  })
})
