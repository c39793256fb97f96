import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type ImportEdge, importsOf, packageOf, reachable, sourceFiles } from './import-graph'

/**
 * Dependencies point one way: plugins → plugin-sdk ← core ← server, and the browser app reaches
 * core only through its browser-safe entry. A violation names the file and the import.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.includes('/testing/')

function edgesUnder(dir: string, options: { tests?: boolean } = {}): ImportEdge[] {
  return sourceFiles(root, dir)
    .filter((f) => options.tests || !isTest(f))
    .flatMap((f) => importsOf(root, f))
}

const show = (e: ImportEdge) => `${e.from} imports '${e.specifier}'`
/** A relative import that leaves the importing file's package. */
const leavesPackage = (e: ImportEdge) =>
  e.resolved !== undefined && packageOf(e.resolved) !== packageOf(e.from)
const workspace = (e: ImportEdge, name: string) =>
  e.specifier === `@switchyard/${name}` || e.specifier.startsWith(`@switchyard/${name}/`)

/** Modules a browser bundle cannot load. */
const nodeOnly = /^(node:|pg$|better-sqlite3|@mikro-orm\/|pino|knex)/

/**
 * The SDK's canonical types (zod schemas), its field naming (`formatPath`) and its error classes
 * and codes are browser-safe; the rest of the SDK (HTTP, signatures) is Node.
 */
const browserSafeSdk = [
  '@switchyard/plugin-sdk/canonical',
  '@switchyard/plugin-sdk/issues',
  '@switchyard/plugin-sdk/errors',
]

function browserUnsafe(files: readonly string[]): ImportEdge[] {
  return [...new Set(files)]
    .flatMap((f) => importsOf(root, f))
    .filter(
      (e) =>
        nodeOnly.test(e.specifier) ||
        (workspace(e, 'plugin-sdk') && !browserSafeSdk.includes(e.specifier)) ||
        workspace(e, 'core'),
    )
}

describe('import direction', () => {
  it('plugins import the SDK and nothing else of ours', () => {
    const bad = edgesUnder('plugins', { tests: true }).filter(
      (e) => ['core', 'server', 'rule-editor'].some((n) => workspace(e, n)) || leavesPackage(e),
    )
    expect(bad.map(show)).toEqual([])
  })

  it('the SDK depends on no other package of ours', () => {
    const bad = edgesUnder('plugin-sdk/src', { tests: true }).filter(
      (e) => ['core', 'server', 'rule-editor'].some((n) => workspace(e, n)) || leavesPackage(e),
    )
    expect(bad.map(show)).toEqual([])
  })

  it('core never imports the server or the web app', () => {
    const bad = edgesUnder('core/src', { tests: true }).filter(
      (e) =>
        workspace(e, 'server') || workspace(e, 'rule-editor') || workspace(e, 'console') || leavesPackage(e),
    )
    expect(bad.map(show)).toEqual([])
  })

  it('inside core, orders use routing and routing never uses orders', () => {
    const bad = edgesUnder('core/src/routing', { tests: true }).filter((e) =>
      e.resolved?.startsWith('core/src/orders/'),
    )
    expect(bad.map(show)).toEqual([])
  })

  it('the web app reaches core only through model/core-rules.ts', () => {
    const entry = 'rule-editor/src/model/core-rules.ts'
    const bad = edgesUnder('rule-editor/src').filter(
      (e) => e.from !== entry && (workspace(e, 'core') || workspace(e, 'server') || leavesPackage(e)),
    )
    expect(bad.map(show)).toEqual([])
  })

  it('everything the web app bundles is browser-safe', () => {
    const bundled = sourceFiles(root, 'rule-editor/src')
      .filter((f) => !isTest(f))
      .flatMap((f) => [...reachable(root, f)])
    expect(browserUnsafe(bundled).map(show)).toEqual([])
  })

  it('the console reaches the editor through its package entries, and core and the server not at all', () => {
    // The editor's entry (src/index.ts) and its generated API types are what the console may use.
    const editorEntries = ['@switchyard/rule-editor', '@switchyard/rule-editor/schema']
    const bad = edgesUnder('console/src').filter(
      (e) =>
        workspace(e, 'core') ||
        workspace(e, 'server') ||
        workspace(e, 'plugin-sdk') ||
        (workspace(e, 'rule-editor') && !editorEntries.includes(e.specifier)) ||
        leavesPackage(e),
    )
    expect(bad.map(show)).toEqual([])
  })

  it('everything the console bundles is browser-safe, the editor it bundles included', () => {
    const bundled = [...sourceFiles(root, 'console/src'), 'rule-editor/src/index.ts']
      .filter((f) => !isTest(f))
      .flatMap((f) => [...reachable(root, f)])
    expect(bundled).toContain('rule-editor/src/ui/Workspace.tsx')
    expect(browserUnsafe(bundled).map(show)).toEqual([])
  })

  it("the hub's rule validation is browser-safe, so the editor can run it", () => {
    const files = ['core/src/rules/validate.ts', 'core/src/pricing/validate-pricing.ts']
    expect(browserUnsafe(files.flatMap((f) => [...reachable(root, f)])).map(show)).toEqual([])
  })

  it('finds a violation when there is one', () => {
    // The checks above pass on an empty graph too; prove the scanner sees real imports.
    const edges = importsOf(root, 'rule-editor/src/model/core-rules.ts')
    expect(edges.some((e) => e.resolved === 'core/src/rules/compile.ts')).toBe(true)
    expect(edges.filter(leavesPackage).length).toBeGreaterThan(0)
    expect(importsOf(root, 'server/src/hub.ts').some((e) => workspace(e, 'core'))).toBe(true)
  })
})
