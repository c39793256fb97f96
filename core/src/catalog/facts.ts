import type { Weekday } from './carrier-network'
import type { KitPart } from './kits/kit-boms'
import type { LocationType } from './location-types'
import type { SupplierTerms } from './suppliers/supplier-items'

/** What routing and rules know of a product: plain data, cached in memory. */
export interface ProductFacts {
  sku: string
  name: string
  category: string | null
  hazmat: boolean
  highValue: boolean
  weightGrams: number | null
  attributes: Record<string, unknown>
  tags: readonly string[]
  /** A kit's bill of materials (issue 20); absent for a product with stock of its own. */
  components?: readonly KitPart[]
  /**
   * Sold ahead against inbound supply when out of stock (issue 20), at most `cap` units of each
   * inbound supply (null: all it brings); absent for a product that is not a pre-order.
   */
  preorder?: { cap: number | null }
}

export interface LocationFacts {
  id: string
  name: string
  type: LocationType
  country: string
  region: string | null
  postcode: string | null
  /** Street line and city, for labels (a ship-to-store transfer); absent for a location made in code. */
  line1?: string | null
  city?: string | null
  lat: number
  lon: number
  timezone: string
  tags: string[]
  dailyCapacity: number | null
  cutoffTime: string
  /** Weekdays it hands parcels to carriers, Monday first. */
  shipDays: readonly Weekday[]
  handlingDays: number
  priority: number
  acceptsReturns: boolean
  /** Click and collect: customers may collect orders here (absent: no, as for a location made in code). */
  acceptsPickup?: boolean
  wmsInstanceId: string | null
  /** A fee per shipment from here (a drop-ship supplier's), in its lanes' minor units; absent: none. */
  shipmentFeeMinor?: number
  /** Hours a feed snapshot of this location's stock stays sellable; absent or null: forever. */
  feedMaxAgeHours?: number | null
  /** A drop-ship supplier's unit cost and part number per sku (`catalog/suppliers`); absent: none. */
  supplierItems?: ReadonlyMap<string, SupplierTerms>
}
