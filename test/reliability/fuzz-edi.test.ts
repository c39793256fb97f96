import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unacceptableText } from '@switchyard/plugin-sdk'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConnectorHub, startConnectorHub } from '../e2e/connectors-hub'
import { EdiPartner } from '../peers/edi-partner'
import { waitFor } from '../peers/http-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { badChar, badUtf8, spliceBytes } from '../support/hostile-text'
import { checkOrderInvariants } from '../support/invariants'
import { seedWorld } from '../support/world'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
const BATCH = 500

/** One change to an interchange: a character flipped or dropped, a segment removed, doubled or cut. */
function mutate(text: string, m: { kind: number; at: number; junk: string }): string {
  const segments = text.split('~')
  const i = m.at % Math.max(1, segments.length)
  switch (m.kind % 8) {
    case 0:
      return text
    case 1:
      return text.slice(0, m.at % text.length) + m.junk + text.slice((m.at % text.length) + 1)
    case 2:
      return text.slice(0, m.at % text.length) + text.slice((m.at % text.length) + 1)
    case 3:
      return segments.filter((_, n) => n !== i).join('~')
    case 4:
      return [...segments.slice(0, i + 1), segments[i], ...segments.slice(i + 1)].join('~')
    case 5:
      return text.slice(0, m.at % text.length)
    case 6: {
      const parts = segments[i]!.split('*')
      parts[m.at % parts.length] = m.junk
      segments[i] = parts.join('*')
      return segments.join('~')
    }
    default:
      return m.junk.repeat(1 + (m.at % 50))
  }
}

/**
 * Fuzzing the EDI mailbox: 10,000 generated and mutated 850 interchanges dropped as files. Every
 * file ends up processed or failed (with its reason beside it), the hub keeps running, and no order
 * is half-written: an interchange is taken whole or not at all.
 */
describe('fuzzing EDI 850 files', () => {
  let db: TestDb
  let hub: ConnectorHub
  let partner: EdiPartner
  const mailbox = mkdtempSync(join(tmpdir(), 'switchyard-edi-fuzz-'))
  const stats = { files: 0, processed: 0, failed: 0, failedWithoutReason: 0, notUtf8: 0, notUtf8Taken: 0 }
  const notUtf8 = new Set<string>()

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    partner = new EdiPartner(mailbox)
    hub = await startConnectorHub(
      db,
      [
        {
          id: 'acme-edi',
          use: '@switchyard/edi-x12',
          config: {
            mailbox,
            partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
            us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
            usage: 'T',
            currency: 'NZD',
            shipFrom: { name: 'AUCKLAND DC', id: 'AKL' },
            remitTo: { name: 'HUB SUPPLIER LTD', id: 'HUB' },
            gs1CompanyPrefix: '0012345',
          },
        },
      ],
      {},
      { pollMs: 50 },
    )
    await seedWorld(hub.api, {
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 1_000_000 },
        { sku: 'SKU-B', locationId: 'akl', onHand: 1_000_000 },
      ],
    })
  }, 60_000)

  afterAll(async () => {
    process.stdout.write(`fuzz figures: ${JSON.stringify({ 'edi 850 files': stats })}\n`)
    await hub?.stop()
    await db?.drop()
    rmSync(mailbox, { recursive: true, force: true })
  })

  const count = (dir: string) => {
    try {
      return readdirSync(join(mailbox, 'inbound', dir)).filter((f) => !f.endsWith('.reason.txt')).length
    } catch {
      return 0
    }
  }

  it(`takes or refuses every file whole: ${RUNS} inputs`, async () => {
    const input = fc.record({
      kind: fc.nat(),
      at: fc.nat(),
      junk: fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('*', '~', '>', '', 'ISA', 'SE', '-1', '0', 'ZZ'),
        // Control characters (as their latin1 byte: C1 ones are then not UTF-8 either) and surrogates.
        fc.tuple(fc.string({ maxLength: 4 }), badChar).map(([a, bad]) => `${a}${bad}`),
      ),
      // Now and then bytes that are not UTF-8, spliced in anywhere.
      bytes: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: badUtf8 }),
      lines: fc.array(
        fc.record({
          sku: fc.constantFrom('SKU-A', 'SKU-B', 'SKU-X'),
          quantity: fc.integer({ min: 1, max: 5 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    })
    const samples = fc.sample(input, { numRuns: RUNS, seed: 20261126 })
    for (let start = 0; start < samples.length; start += BATCH) {
      const batch = samples.slice(start, start + BATCH)
      batch.forEach((m, n) => {
        const i = start + n
        const { text } = partner.purchaseOrders([
          { poNumber: `FZ-${i}`, lines: m.lines.map((l) => ({ ...l, price: '12.50' })) },
        ])
        const name = `fuzz-${String(i).padStart(6, '0')}.edi`
        const mutated = mutate(text, m)
        if (m.bytes) notUtf8.add(name)
        partner.drop(name, m.bytes ? spliceBytes(mutated, m.at, m.bytes) : mutated)
        stats.files++
      })
      await waitFor(
        () => (count('processed') + count('failed') >= stats.files ? true : undefined),
        300_000,
        `files up to ${stats.files} handled`,
      )
    }
    stats.processed = count('processed')
    stats.failed = count('failed')
    const failedDir = join(mailbox, 'inbound', 'failed')
    for (const f of readdirSync(failedDir).filter((x) => !x.endsWith('.reason.txt'))) {
      const reason = readFileSync(join(failedDir, `${f}.reason.txt`), 'utf8').trim()
      if (!reason) stats.failedWithoutReason++
    }
    // A file holding bytes that are not UTF-8 is never taken: its 997 names the element (AK4 code 6).
    stats.notUtf8 = notUtf8.size
    stats.notUtf8Taken = readdirSync(join(mailbox, 'inbound', 'processed')).filter((f) =>
      notUtf8.has(f),
    ).length
    expect(stats.processed + stats.failed).toBe(RUNS)
    expect(stats.failedWithoutReason).toBe(0)
    expect(stats.notUtf8Taken).toBe(0)
    expect((await fetch(`${hub.url}/health`)).status).toBe(200)
  }, 3_600_000)

  it('stored no text a database cannot hold', async () => {
    let cursor: string | null = null
    do {
      const page: { body: { items: unknown[]; nextCursor: string | null } } = await hub.api(
        `/api/v1/orders?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(unacceptableText(page.body.items)).toEqual([])
      cursor = page.body.nextCursor
    } while (cursor)
  }, 600_000)

  it('left no half-written order and a ledger that matches', async () => {
    expect(await checkOrderInvariants(hub.api)).toEqual([])
  }, 600_000)
})
