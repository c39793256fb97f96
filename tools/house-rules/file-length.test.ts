import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '../import-rules/import-graph'

/**
 * Small files with one job: no source file of core, the server or the web apps passes 500 lines
 * unless its first line says why (a comment). Tests and generated files are exempt.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
const LIMIT = 500
const DIRS = ['core/src', 'server/src', 'console/src', 'rule-editor/src']
const exempt = (file: string) =>
  /\.test\.tsx?$/.test(file) || /\.gen\.ts$/.test(file) || file.includes('/testing/')

function overLong(files: readonly string[], read: (file: string) => string): string[] {
  return files.filter((file) => {
    const text = read(file)
    const lines = text.split('\n').length
    return lines > LIMIT && !/^\s*(\/\/|\/\*)/.test(text.split('\n', 1)[0] ?? '')
  })
}

describe('file length', () => {
  it(`keeps every source file under ${LIMIT} lines, or says why on its first line`, () => {
    const files = DIRS.flatMap((dir) => sourceFiles(root, dir)).filter((f) => !exempt(f))
    expect(files.length).toBeGreaterThan(100)
    expect(overLong(files, (f) => readFileSync(join(root, f), 'utf8'))).toEqual([])
  })

  it('catches a long file without a reason and lets one with a reason pass', () => {
    const long = Array.from({ length: LIMIT + 1 }, (_, i) => `const a${i} = ${i}`).join('\n')
    const texts: Record<string, string> = {
      'a.ts': long,
      'b.ts': `// One table's every statement, kept together.\n${long}`,
      'c.ts': 'const short = 1',
    }
    expect(overLong(Object.keys(texts), (f) => texts[f]!)).toEqual(['a.ts'])
  })
})
