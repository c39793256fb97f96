import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
}

/** Serves files under `root`, held in memory after the first read; never escapes `root`. */
export function staticFiles(root: string): (path: string) => Response | undefined {
  const cache = new Map<string, { body: Buffer; type: string }>()
  return (path) => {
    const clean = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '')
    const file = join(root, clean)
    if (!file.startsWith(root + sep) && file !== root) return undefined
    let hit = cache.get(file)
    if (!hit) {
      if (!existsSync(file) || !statSync(file).isFile()) return undefined
      hit = { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' }
      cache.set(file, hit)
    }
    return new Response(new Uint8Array(hit.body), {
      headers: { 'content-type': hit.type, 'cache-control': 'public, max-age=300' },
    })
  }
}
