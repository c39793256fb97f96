import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestContext } from '@switchyard/plugin-sdk/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import plugin from './index'
import { parseInterchange } from './x12/parse'

const base = {
  partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
  us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
  usage: 'T',
  shipFrom: { name: 'HUB WAREHOUSE EAST', id: 'WH-E' },
  remitTo: { name: 'HUB SUPPLIER LLC', id: 'HUB' },
  gs1CompanyPrefix: '0012345',
}

describe('EDI 846 inventory advice', () => {
  let mailbox: string
  beforeEach(async () => {
    mailbox = await mkdtemp(join(tmpdir(), 'edi-846-'))
  })
  afterEach(() => rm(mailbox, { recursive: true, force: true }))

  it('is sent only to partners configured for it', () => {
    const push = plugin.capabilities.inventoryPush!
    expect(push.enabled!(plugin.config.parse({ ...base, mailbox }))).toBe(false)
    expect(push.enabled!(plugin.config.parse({ ...base, mailbox, inventoryAdvice: true }))).toBe(true)
  })

  it('writes an 846 with each sku’s quantity available for sale, the same file again on a retry', async () => {
    const t = createTestContext(
      plugin,
      { ...base, mailbox, inventoryAdvice: true },
      {
        idempotencyKey: 'inventory.push:acme:1',
      },
    )
    const levels = [
      { sku: 'SKU-A', available: 12, asOf: '2026-12-06T10:15:00.000Z' },
      { sku: 'SKU-B', available: -1, asOf: '2026-12-06T10:14:00.000Z' },
    ]
    const first = await plugin.capabilities.inventoryPush!.pushInventory(levels, t.ctx)
    const again = await plugin.capabilities.inventoryPush!.pushInventory(levels, t.ctx)
    expect(first).toMatchObject({
      status: 'accepted',
      externalRef: expect.stringMatching(/_846_inventory\.edi$/),
    })
    expect(again).toEqual(first)
    const files = await readdir(join(mailbox, 'outbound'))
    expect(files).toHaveLength(1)
    const x = parseInterchange(await readFile(join(mailbox, 'outbound', files[0]!), 'utf8'))
    expect(x.errors).toEqual([])
    const group = x.groups[0]!
    expect(group.functionalId).toBe('IB')
    expect(group.errors).toEqual([])
    const set = group.sets[0]!
    expect(set.id).toBe('846')
    expect(set.errors).toEqual([])
    const segs = set.segments.map((s) => s.elements)
    expect(segs.find((s) => s[0] === 'BIA')).toEqual([
      'BIA',
      '00',
      'DD',
      expect.stringMatching(/^INV-\d+$/),
      '20261206',
      '1015',
    ])
    expect(segs.filter((s) => s[0] === 'LIN' || s[0] === 'QTY')).toEqual([
      ['LIN', '', 'VP', 'SKU-A'],
      ['QTY', '33', '12', 'EA'],
      ['LIN', '', 'VP', 'SKU-B'],
      ['QTY', '33', '0', 'EA'],
    ])
    expect(segs.find((s) => s[0] === 'CTT')).toEqual(['CTT', '2'])
  })
})
