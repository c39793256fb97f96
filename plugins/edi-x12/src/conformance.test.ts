import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
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
        // Polling committed the file: it was archived and acknowledged, not left behind.
        if (readdirSync(join(mailbox, 'inbound', 'processed')).length !== 1)
          throw new Error('the 850 was not archived')
        if (!readdirSync(join(mailbox, 'outbound')).some((f) => f.includes('_997_')))
          throw new Error('no 997 was sent')
        rmSync(mailbox, { recursive: true, force: true })
      },
    }
  },
  poll: { futureCursor: 'zzzz-after-every-file' },
  skip: { 'rate-limit': 'no HTTP: the transport is a mailbox folder' },
})
