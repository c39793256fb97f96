import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

const DATA_DIR = fileURLToPath(new URL('./data', import.meta.url))

/**
 * Postcode centroids shipped with the project (see data/SOURCES.md for origin, licence and
 * attribution), loaded from disk once: nothing is fetched at install or run time.
 * Files are `<CC>.tsv.gz`: `postcode<TAB>lat<TAB>lon` per line, postcodes upper case without spaces.
 */
export class PostcodeCentroids {
  private readonly byCountry = new Map<string, Map<string, [number, number]>>()

  static load(dir = DATA_DIR): PostcodeCentroids {
    const c = new PostcodeCentroids()
    if (!existsSync(dir)) return c
    for (const file of readdirSync(dir)) {
      const m = /^([A-Z]{2})\.tsv(\.gz)?$/.exec(file)
      if (!m) continue
      const raw = readFileSync(`${dir}/${file}`)
      c.add(m[1]!, (m[2] ? gunzipSync(raw) : raw).toString('utf8'))
    }
    return c
  }

  add(country: string, tsv: string): void {
    const map = this.byCountry.get(country) ?? new Map<string, [number, number]>()
    for (const line of tsv.split('\n')) {
      const [code, lat, lon] = line.split('\t')
      if (!code || lat === undefined || lon === undefined) continue
      map.set(code, [Number(lat), Number(lon)])
    }
    this.byCountry.set(country, map)
  }

  countries(): string[] {
    return [...this.byCountry.keys()].sort()
  }

  size(country: string): number {
    return this.byCountry.get(country)?.size ?? 0
  }

  /**
   * The centroid of a postcode, or of its longest known prefix: a full UK postcode falls back to its
   * outward code, a US ZIP+4 to its ZIP.
   */
  lookup(country: string, postcode: string | null | undefined): [number, number] | undefined {
    if (!postcode) return undefined
    const map = this.byCountry.get(country)
    if (!map) return undefined
    let code = postcode.replace(/\s+/g, '').toUpperCase()
    if (country === 'US') code = code.slice(0, 5)
    // The GB file holds outward codes: cut the inward code (digit and two letters) off first, or
    // "E1 6AN" would shorten to E16, another district, before it reached E1.
    if (country === 'GB') code = outwardCode(postcode) ?? code
    // Australian postcodes have four digits; a number-typed field loses the leading zero (0800 → 800).
    if (country === 'AU' && /^\d{3}$/.test(code)) code = `0${code}`
    while (code.length >= 2) {
      const hit = map.get(code)
      if (hit) return hit
      code = code.slice(0, -1)
    }
    return undefined
  }
}

/** The outward code of a UK postcode ("SW1A 1AA" → "SW1A", "E16AN" → "E1"), or undefined for a bare outward code. */
function outwardCode(postcode: string): string | undefined {
  const m = /^([A-Z]{1,2}\d[A-Z\d]?)\s*\d[A-Z]{2}$/.exec(postcode.trim().toUpperCase())
  return m?.[1]
}
