const EARTH_RADIUS_KM = 6371.0088

/** Great-circle distance by the haversine formula. */
export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180
  return distanceWithCosines(aLat, aLon, Math.cos(aLat * rad), bLat, bLon, Math.cos(bLat * rad))
}

/**
 * `distanceKm` with each latitude's cosine already worked out (the same number, to the last bit):
 * an order's once per decision and a location's once per location list, not once per pair.
 */
export function distanceWithCosines(
  aLat: number,
  aLon: number,
  cosA: number,
  bLat: number,
  bLon: number,
  cosB: number,
): number {
  const rad = Math.PI / 180
  const dLat = (bLat - aLat) * rad
  const dLon = (bLon - aLon) * rad
  const h = Math.sin(dLat / 2) ** 2 + cosA * cosB * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Rough population-weighted centres, used only when an address has no coordinates. The routing
 * engine will prefer postcode centroids where it has them.
 */
const COUNTRY_CENTROIDS: Record<string, [number, number]> = {
  NZ: [-38.5, 175.5],
  AU: [-31.5, 147.0],
  US: [37.5, -92.0],
  GB: [52.5, -1.5],
  CA: [45.5, -77.0],
  IE: [53.3, -7.5],
  DE: [51.0, 9.5],
  FR: [47.0, 2.5],
  JP: [35.7, 139.0],
  SG: [1.35, 103.82],
}

export function countryCentroid(country: string): [number, number] | undefined {
  return COUNTRY_CENTROIDS[country]
}
