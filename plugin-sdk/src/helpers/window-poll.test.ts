import { describe, expect, it } from 'vitest'
import type { PluginLogger } from '../context'
import { PayloadError } from '../errors'
import type { InboundEvent } from '../webhook'
import type { Page } from './pager'
import { windowCursor } from './window-cursor'
import { windowPollResult } from './window-poll'

interface Sale {
  id: string
  at: string
  sku?: string
}

const now = new Date('2026-12-06T12:00:00.000Z')
const windows = windowCursor({ overlapMs: 60_000, start: '2026-12-06T10:00:00.000Z' })
const pageOf = (records: Sale[], next?: Page<Sale>['next']): Page<Sale> => ({
  records,
  next,
  body: { records },
  response: { status: 200, headers: {}, text: '', json: () => ({}) as never },
})
const identify = (s: Sale) => ({ id: s.id, modifiedAt: s.at })
const map = (s: Sale): InboundEvent => {
  if (s.sku === 'ignored') return { type: 'ignored', reason: 'not ours' }
  if (!s.sku) throw new PayloadError('no sku', [{ field: 'sku', message: 'is required' }])
  return { type: 'order.cancelled', externalOrderId: s.id }
}
const warned: unknown[] = []
const logger: PluginLogger = {
  debug() {},
  info() {},
  warn: (obj) => void warned.push(obj),
  error() {},
}

describe('windowPollResult', () => {
  it('maps a page, reports the records it cannot map, and keeps the window while pages are left', () => {
    const state = windows.read(null, now)
    const page = pageOf(
      [
        { id: 'a', at: '2026-12-06T10:30:00Z', sku: 'X' },
        { id: 'b', at: '2026-12-06T10:40:00Z' },
        { id: 'c', at: '2026-12-06T10:50:00Z', sku: 'ignored' },
      ],
      { offset: 3 },
    )
    const result = windowPollResult({ page, windows, state, now, identify, map, logger, what: 'sale' })
    expect(result.events).toEqual([{ type: 'order.cancelled', externalOrderId: 'a' }])
    expect(result.unmapped).toEqual([
      expect.objectContaining({
        externalId: 'b',
        reasons: [{ field: 'sku', code: 'INVALID_PAYLOAD', message: 'is required' }],
      }),
    ])
    expect(warned).toContainEqual({ id: 'b', error: 'no sku' })
    expect(result.more).toBe(true)
    expect(windows.read(result.cursor, now)).toMatchObject({ since: state.since, page: { offset: 3 } })
  })

  it('leaves out what the overlap brings back unchanged, takes what changed, and moves the window', () => {
    const first = windowPollResult({
      page: pageOf([{ id: 'a', at: '2026-12-06T11:59:30Z', sku: 'X' }]),
      windows,
      state: windows.read(null, now),
      now,
      identify,
      map,
    })
    expect(first.more).toBeUndefined()
    const state = windows.read(first.cursor, now)
    expect(state.since).toBe('2026-12-06T11:59:30.000Z')
    const again = windowPollResult({
      page: pageOf([
        { id: 'a', at: '2026-12-06T11:59:30Z', sku: 'X' },
        { id: 'd', at: '2026-12-06T11:59:40Z', sku: 'X' },
      ]),
      windows,
      state,
      now,
      identify,
      map,
    })
    expect(again.events).toEqual([{ type: 'order.cancelled', externalOrderId: 'd' }])
    expect(again.unmapped).toBeUndefined()
  })
})
