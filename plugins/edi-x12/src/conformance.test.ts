import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describePluginConformance } from '@switchyard/plugin-sdk/testing'
import plugin from './index'

const config = {
  mailbox: '/nonexistent',
  partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
  us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
  usage: 'T',
  shipFrom: { name: 'HUB WAREHOUSE EAST', id: 'WH-E' },
  remitTo: { name: 'HUB SUPPLIER LLC', id: 'HUB' },
  gs1CompanyPrefix: '0012345',
}

/** The sample 850 three times in one group (PO numbers and set controls changed), the second one broken. */
function threePos(): string {
  const sample = readFileSync(new URL('../fixtures/sample_850.edi', import.meta.url), 'latin1')
  const lines = sample.trim().split('\n')
  const set = lines.slice(2, -2)
  const sets = ['PO-GOOD-1', 'PO-BAD-2', 'PO-GOOD-3'].flatMap((po, i) => {
    const control = `000${i + 1}`
    return set.map((l) =>
      l
        .replace('PO-45001', po)
        .replace(/^ST\*850\*0001/, `ST*850*${control}`)
        .replace(/^SE\*13\*0001/, `SE*13*${control}`)
        .replace(po === 'PO-BAD-2' ? '*24*EA*' : '\u0000', '*2X*EA*'),
    )
  })
  // Its own interchange control number, so its 997 is a file of its own.
  return [lines[0], lines[1], ...sets, 'GE*3*101~', lines.at(-1)]
    .join('\n')
    .replaceAll('000000101', '000000102')
}

describePluginConformance(plugin, {
  config,
  invalidConfig: { config: { ...config, gs1CompanyPrefix: 'ACME' }, field: 'gs1CompanyPrefix' },
  setup: async () => {
    const mailbox = mkdtempSync(join(tmpdir(), 'edi-conformance-'))
    mkdirSync(join(mailbox, 'inbound'), { recursive: true })
    copyFileSync(
      fileURLToPath(new URL('../fixtures/sample_850.edi', import.meta.url)),
      join(mailbox, 'inbound', 'po-45001.edi'),
    )
    return {
      config: { mailbox },
      teardown: async () => {
        // Polling committed both files: archived and acknowledged, not left behind; the second one's
        // 997 accepts two POs and rejects the broken one (AK9 P: partially accepted).
        if (readdirSync(join(mailbox, 'inbound', 'processed')).length !== 2)
          throw new Error('the 850s were not archived')
        const acks = readdirSync(join(mailbox, 'outbound')).filter((f) => f.includes('_997_'))
        if (acks.length !== 2) throw new Error('a 997 was not sent')
        const partial = acks.map((f) => readFileSync(join(mailbox, 'outbound', f), 'utf8'))
        if (!partial.some((t) => t.includes('AK5*R') && /AK9\*P\*3\*3\*2/.test(t)))
          throw new Error('the 997 did not reject the broken PO alone')
        rmSync(mailbox, { recursive: true, force: true })
      },
    }
  },
  poll: {
    futureCursor: 'zzzz-after-every-file',
    // Three POs in one interchange, the middle one with a quantity that is not a number: it alone
    // is rejected (its 997 AK5 R, AK9 P) and reported; the other two go in.
    malformedPage: {
      prepare: async (c) => writeFileSync(join(String(c.mailbox), 'inbound', 'po-3-in-1.edi'), threePos()),
      goodOrders: 2,
      badExternalId: 'PO-BAD-2',
    },
  },
  skip: { 'rate-limit': 'no HTTP: the transport is a mailbox (a folder here, or SFTP)' },
})
