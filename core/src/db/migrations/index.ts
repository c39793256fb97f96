import type { MigrationObject } from '@mikro-orm/core'
import { Migration20261126000001_initial } from './Migration20261126000001_initial'
import { Migration20261126040000_sourcing_engine } from './Migration20261126040000_sourcing_engine'
import { Migration20261126050000_returns } from './Migration20261126050000_returns'
import { Migration20261126060000_inventory_pools } from './Migration20261126060000_inventory_pools'
import { Migration20261126070000_pricing } from './Migration20261126070000_pricing'
import { Migration20261206010000_customer_identity } from './Migration20261206010000_customer_identity'
import { Migration20261206020000_location_ship_days } from './Migration20261206020000_location_ship_days'
import { Migration20261206040000_intake_exception } from './Migration20261206040000_intake_exception'
import { Migration20261206050000_sku_mappings } from './Migration20261206050000_sku_mappings'
import { Migration20261206070000_order_search } from './Migration20261206070000_order_search'
import { Migration20261206090000_intake_exception_headers } from './Migration20261206090000_intake_exception_headers'
import { Migration20261206100000_idempotency } from './Migration20261206100000_idempotency'
import { Migration20261206110000_audit } from './Migration20261206110000_audit'
import { Migration20261206120000_rate_limit } from './Migration20261206120000_rate_limit'
import { Migration20261206130000_product_tags } from './Migration20261206130000_product_tags'
import { Migration20261206140000_fulfilment_hold } from './Migration20261206140000_fulfilment_hold'
import { Migration20261206150000_kits } from './Migration20261206150000_kits'
import { Migration20261206160000_click_and_collect } from './Migration20261206160000_click_and_collect'
import { Migration20261206170000_dropship } from './Migration20261206170000_dropship'
import { Migration20261206180000_inbound_supply } from './Migration20261206180000_inbound_supply'
import { Migration20261206200000_customer_email_index } from './Migration20261206200000_customer_email_index'
import { Migration20261206210000_supplier_item } from './Migration20261206210000_supplier_item'
import { Migration20261206220000_intake_take_function } from './Migration20261206220000_intake_take_function'
import { Migration20261207010000_outbox_pending_index } from './Migration20261207010000_outbox_pending_index'
import { Migration20261207020000_wide_column_statistics } from './Migration20261207020000_wide_column_statistics'
import { Migration20261207030000_order_row_keys } from './Migration20261207030000_order_row_keys'

/** Listed in code rather than discovered on disk, so the hub runs the same from source or a bundle. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126000001_initial', class: Migration20261126000001_initial },
  { name: 'Migration20261126040000_sourcing_engine', class: Migration20261126040000_sourcing_engine },
  { name: 'Migration20261126050000_returns', class: Migration20261126050000_returns },
  { name: 'Migration20261126060000_inventory_pools', class: Migration20261126060000_inventory_pools },
  { name: 'Migration20261126070000_pricing', class: Migration20261126070000_pricing },
  { name: 'Migration20261206010000_customer_identity', class: Migration20261206010000_customer_identity },
  { name: 'Migration20261206020000_location_ship_days', class: Migration20261206020000_location_ship_days },
  { name: 'Migration20261206040000_intake_exception', class: Migration20261206040000_intake_exception },
  { name: 'Migration20261206050000_sku_mappings', class: Migration20261206050000_sku_mappings },
  { name: 'Migration20261206070000_order_search', class: Migration20261206070000_order_search },
  {
    name: 'Migration20261206090000_intake_exception_headers',
    class: Migration20261206090000_intake_exception_headers,
  },
  { name: 'Migration20261206100000_idempotency', class: Migration20261206100000_idempotency },
  { name: 'Migration20261206110000_audit', class: Migration20261206110000_audit },
  { name: 'Migration20261206120000_rate_limit', class: Migration20261206120000_rate_limit },
  { name: 'Migration20261206130000_product_tags', class: Migration20261206130000_product_tags },
  { name: 'Migration20261206140000_fulfilment_hold', class: Migration20261206140000_fulfilment_hold },
  { name: 'Migration20261206150000_kits', class: Migration20261206150000_kits },
  {
    name: 'Migration20261206160000_click_and_collect',
    class: Migration20261206160000_click_and_collect,
  },
  { name: 'Migration20261206170000_dropship', class: Migration20261206170000_dropship },
  { name: 'Migration20261206180000_inbound_supply', class: Migration20261206180000_inbound_supply },
  {
    name: 'Migration20261206200000_customer_email_index',
    class: Migration20261206200000_customer_email_index,
  },
  { name: 'Migration20261206210000_supplier_item', class: Migration20261206210000_supplier_item },
  {
    name: 'Migration20261206220000_intake_take_function',
    class: Migration20261206220000_intake_take_function,
  },
  {
    name: 'Migration20261207010000_outbox_pending_index',
    class: Migration20261207010000_outbox_pending_index,
  },
  {
    name: 'Migration20261207020000_wide_column_statistics',
    class: Migration20261207020000_wide_column_statistics,
  },
  { name: 'Migration20261207030000_order_row_keys', class: Migration20261207030000_order_row_keys },
]
