import { describe, expect, it } from 'vitest'
import { distanceKm } from '../geo'
import { PostcodeCentroids } from './postcode-centroids'

describe('postcode centroids shipped with the project', () => {
  const centroids = PostcodeCentroids.load()

  it('loads NZ, US, AU and GB offline', () => {
    expect(centroids.countries()).toEqual(expect.arrayContaining(['AU', 'GB', 'NZ', 'US']))
    expect(centroids.size('NZ')).toBeGreaterThan(1500)
    expect(centroids.size('US')).toBeGreaterThan(30_000)
    expect(centroids.size('AU')).toBe(3311)
    expect(centroids.size('GB')).toBe(3002)
  })

  it('places AU postcodes and GB outward codes at their centroids', () => {
    // The shipped points (from the GeoNames CSVs), and within a few km of the places they name.
    expect(centroids.lookup('AU', '2000')).toEqual([-33.8661, 151.204])
    expect(distanceKm(...centroids.lookup('AU', '3000')!, -37.8136, 144.9631)).toBeLessThan(3)
    expect(centroids.lookup('AU', '0800')).toEqual([-12.4611, 130.8418])
    // Darwin's postcode read from a number-typed field has lost its leading zero.
    expect(centroids.lookup('AU', '800')).toEqual([-12.4611, 130.8418])
    // A full GB postcode resolves to its outward code's centroid (Westminster, SW1A).
    expect(centroids.lookup('GB', 'SW1A 1AA')).toEqual([51.5018, -0.1328])
    expect(centroids.lookup('GB', 'sw1a1aa')).toEqual([51.5018, -0.1328])
    expect(distanceKm(...centroids.lookup('GB', 'M1 1AE')!, 53.4808, -2.2426)).toBeLessThan(3)
    // E1 6AN is in E1 (Whitechapel), not E16 (Canning Town), with or without the space.
    expect(centroids.lookup('GB', 'E1 6AN')).toEqual(centroids.lookup('GB', 'E1'))
    expect(centroids.lookup('GB', 'E16AN')).toEqual(centroids.lookup('GB', 'E1'))
    expect(centroids.lookup('GB', 'E16 1AB')).toEqual(centroids.lookup('GB', 'E16'))
    expect(centroids.lookup('GB', 'E1')).not.toEqual(centroids.lookup('GB', 'E16'))
  })

  it('places postcodes where they are', () => {
    // Wellington central (6011) and Manhattan (10001), within a few km of the cities' centres.
    expect(distanceKm(...centroids.lookup('NZ', '6011')!, -41.2866, 174.7756)).toBeLessThan(5)
    expect(distanceKm(...centroids.lookup('US', '10001')!, 40.7506, -73.9972)).toBeLessThan(5)
    expect(distanceKm(...centroids.lookup('US', '94105')!, 37.7898, -122.3942)).toBeLessThan(5)
  })

  it('falls back to the longest known prefix and ignores spacing', () => {
    expect(centroids.lookup('US', '10001-1234')).toEqual(centroids.lookup('US', '10001'))
    expect(centroids.lookup('NZ', ' 60 11 ')).toEqual(centroids.lookup('NZ', '6011'))
    const gb = new PostcodeCentroids()
    gb.add('GB', 'SW1A\t51.501\t-0.1416\n')
    expect(gb.lookup('GB', 'SW1A 1AA')).toEqual([51.501, -0.1416])
    expect(centroids.lookup('FR', '75001')).toBeUndefined()
    expect(centroids.lookup('NZ', null)).toBeUndefined()
  })
})
