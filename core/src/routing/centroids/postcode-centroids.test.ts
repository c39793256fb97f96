import { describe, expect, it } from 'vitest'
import { distanceKm } from '../geo'
import { PostcodeCentroids } from './postcode-centroids'

describe('postcode centroids shipped with the project', () => {
  const centroids = PostcodeCentroids.load()

  it('loads NZ and US offline', () => {
    expect(centroids.countries()).toEqual(expect.arrayContaining(['NZ', 'US']))
    expect(centroids.size('NZ')).toBeGreaterThan(1500)
    expect(centroids.size('US')).toBeGreaterThan(30_000)
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
