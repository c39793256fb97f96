import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/** One import written in a source file: who imports, what it names, and the file it resolves to. */
export interface ImportEdge {
  /** Importing file, relative to the repository root. */
  from: string
  /** The specifier as written. */
  specifier: string
  /** For a relative specifier, the imported file relative to the root (undefined when unresolved). */
  resolved?: string
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
const SOURCE = /\.(ts|tsx)$/
const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', '.git'])

/** Every .ts/.tsx file under `dir` (relative to `root`), skipping build output and dependencies. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = []
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      if (SKIP_DIRS.has(name)) continue
      const path = join(abs, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, path))
    }
  }
  walk(join(root, dir))
  return out.sort()
}

/** The imports of one file, relative ones resolved the way TypeScript's bundler resolution does. */
export function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8')
  const edges: ImportEdge[] = []
  for (const m of text.matchAll(IMPORT)) {
    const specifier = (m[1] ?? m[2])!
    const edge: ImportEdge = { from: file, specifier }
    if (specifier.startsWith('.')) edge.resolved = resolveRelative(root, file, specifier)
    edges.push(edge)
  }
  return edges
}

function resolveRelative(root: string, file: string, specifier: string): string | undefined {
  const base = resolve(root, dirname(file), specifier)
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate)
  return undefined
}

/** Every file reachable from `start` through relative imports (the start included). */
export function reachable(root: string, start: string): Set<string> {
  const seen = new Set<string>()
  const queue = [start]
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const edge of importsOf(root, file)) if (edge.resolved) queue.push(edge.resolved)
  }
  return seen
}

/** The top-level package folder a repository path belongs to (`plugins/x` counts as its own). */
export function packageOf(path: string): string {
  const [first, second] = path.split('/')
  return first === 'plugins' ? `plugins/${second}` : first!
}
