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

/** Files of the hub (core and server) whose text matches `pattern`. */
function filesMatching(pattern: RegExp): string[] {
  return [...sources('core/src'), ...sources('server/src')]
    .filter((f) => pattern.test(readFileSync(join(root, f), 'utf8')))
    .map((f) => relative(root, join(root, f)))
    .sort()
}

const TABLES = ['orders', 'order_line', 'allocation', 'fulfilment', 'order_event', 'routing_decision']
/** The store, and migrations (which reshape data once, before any service runs). */
const isStore = (f: string) =>
  f.startsWith('core/src/orders/store/') || f.startsWith('core/src/db/migrations/')

/**
 * The order store (`core/src/orders/store/`) is the only code that writes an order's tables:
 * services ask it. And the state machine is the only way to change an order's status: the one
 * function that writes the column checks every move against the transition table
 * (order-status-writers.test.ts shows each caller refusing an illegal move).
 */
describe('the order store owns the order tables', () => {
  it.each(TABLES)('only the store writes %s', (table) => {
    const write = new RegExp(
      `(?:insert\\s+into|update|delete\\s+from)\\s+"?${table}"?\\b|insertRows\\(\\s*\\w+\\s*,\\s*'${table}'`,
      'i',
    )
    expect(filesMatching(write).filter((f) => !isStore(f))).toEqual([])
  })

  it('the scan finds the writers it should', () => {
    // A scan that finds nothing proves nothing: the store itself must match.
    expect(filesMatching(/insert\s+into\s+order_event/i)).toEqual(['core/src/orders/store/history.ts'])
  })

  it('only order-head.ts updates the status column of orders', () => {
    // Any update of the orders table whose SET list names status, in one SQL string literal.
    const update = /update\s+"?orders"?\s+(?:as\s+\w+\s+)?set\b[^`'";]*\bstatus\s*=/i
    expect(filesMatching(update)).toEqual(['core/src/orders/store/order-head.ts'])
  })

  it('only the intake batch inserts orders, with the status its checked walk ended in', () => {
    const insert = /insert\s+into\s+"?orders"?\b|insertRows\(\s*\w+\s*,\s*'orders'/i
    expect(filesMatching(insert)).toEqual(['core/src/orders/store/order-batch.ts'])
    const plan = readFileSync(join(root, 'core/src/orders/intake/intake-plan.ts'), 'utf8')
    expect(plan).toMatch(/const steps = walk\('received', path, order\.id\)/)
    expect(plan).toMatch(/const status = steps\[steps\.length - 1\]!\[1\]/)
  })

  it('nothing writes orders through MikroORM or a query builder', () => {
    const orm =
      /\b(?:nativeUpdate|nativeInsert|nativeDelete|create|upsert|upsertMany|insert|insertMany|createQueryBuilder|qb)\(\s*(?:Order|OrderSchema|'Order'|OrderLine|Allocation|Fulfilment|OrderEvent)\w*\s*[,)]|\(\s*['"](?:orders|order_line|allocation|fulfilment|order_event)['"]\s*\)\s*\.\s*(?:update|insert|delete)\(/
    expect(filesMatching(orm)).toEqual([])
  })
})
