import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..', '..')

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(path)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : []
  })
}

const matching = (pattern: RegExp) =>
  [...sources('core/src'), ...sources('server/src')]
    .filter((f) => pattern.test(readFileSync(join(root, f), 'utf8')))
    .map((f) => relative(root, join(root, f)))

/** The trail is append-only: one file inserts into it, nothing updates or deletes it. */
describe('the audit trail', () => {
  it('is appended by audit-store.ts alone and never changed', () => {
    expect(matching(/insert\s+into\s+audit_entry/i)).toEqual(['core/src/audit/audit-store.ts'])
    expect(matching(/(?:update\s+audit_entry|delete\s+from\s+audit_entry)/i)).toEqual([])
  })
})
