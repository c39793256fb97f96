export {
  type HubLine,
  hubUnitPrice,
  type LineCounts,
  toChannelAvailability,
  toChannelCounts,
  toChannelPrices,
  toHubLine,
} from './channel-units'
export {
  type MappedSku,
  NO_MAPPINGS,
  SKU_MAPPINGS_TOPIC,
  SkuMappingCache,
  type SkuMappingSet,
} from './sku-mapping-cache'
export { CSV_HEADER, importSkuMappingCsv, parseSkuMappingCsv } from './sku-mapping-csv'
export {
  MAX_MULTIPLIER,
  MAX_SKU_LENGTH,
  malformedEntries,
  type SkuMappingEntry,
  SkuMappingService,
  type SkuMappingView,
} from './sku-mapping-service'
