/**
 * The kinds of location the hub routes to. Its own file so that rule validation (which the editor
 * runs in the browser) can name them without loading the MikroORM entity.
 */
export const locationTypes = ['warehouse', 'store', '3pl', 'dropship'] as const
export type LocationType = (typeof locationTypes)[number]
