import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { utils } from 'ssh2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SftpMailbox } from '../../plugins/edi-x12/src/sftp-mailbox'
import { EdiPartner, type MailboxLayout, type ReceivedDocument } from '../peers/edi-partner'
import { waitFor } from '../peers/http-peer'
import { OPENSSH_SFTP_SERVER, SftpPeer, sshKeyPair } from '../peers/sftp-server'
import { createTestDb, type DbKind, dbKinds, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

const seg = (doc: ReceivedDocument, id: string) => doc.segments.filter((s) => s[0] === id)

/** The partner's server names its folders its own way: the plugin is told where each one is. */
const layout: MailboxLayout = {
  inbound: 'to-supplier',
  outbound: 'from-supplier',
  processed: 'to-supplier/done',
  failed: 'to-supplier/rejected',
}
const sftpDirs = {
  inboundDir: layout.inbound,
  outboundDir: layout.outbound,
  archiveDir: layout.processed,
  failedDir: layout.failed,
}

function ediConfig(peer: SftpPeer, overrides: Record<string, unknown> = {}) {
  return {
    sftp: {
      host: '127.0.0.1',
      port: peer.port,
      username: 'hubsupplier',
      hostKey: peer.hostKeyFingerprint,
      ...sftpDirs,
      timeoutMs: 5000,
    },
    sftpPrivateKey: { $env: 'EDI_SFTP_KEY' },
    partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
    us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
    usage: 'T',
    currency: 'NZD',
    shipFrom: { name: 'AUCKLAND DC', id: 'AKL' },
    remitTo: { name: 'HUB SUPPLIER LTD', id: 'HUB' },
    gs1CompanyPrefix: '0012345',
    ...overrides,
  }
}

/** A hub whose EDI instance polls the partner's SFTP server (a fresh one, on a fresh database). */
interface SftpWorld {
  db: TestDb
  hub: ConnectorHub
  sftp: SftpPeer
  partner: EdiPartner
  root: string
  client: ReturnType<typeof utils.generateKeyPairSync>
  stop(): Promise<void>
}

async function startSftpWorld(kind: DbKind, subsystem: 'recorded' | 'openssh'): Promise<SftpWorld> {
  const client = sshKeyPair()
  const db = await createTestDb(kind)
  const root = mkdtempSync(join(tmpdir(), `switchyard-sftp-${subsystem}-`))
  const partner = new EdiPartner(root, 'ACMERETAIL', 'HUBSUPPLIER', layout)
  const sftp = await SftpPeer.start(
    root,
    { username: 'hubsupplier', publicKey: client.public },
    { subsystem },
  )
  const hub = await startConnectorHub(
    db,
    [{ id: 'acme-edi', use: '@switchyard/edi-x12', config: ediConfig(sftp) }],
    { EDI_SFTP_KEY: client.private },
    { pollMs: 200 },
  )
  await seedWorld(hub.api, { wms: null })
  return {
    db,
    hub,
    sftp,
    partner,
    root,
    client,
    async stop() {
      await hub.stop()
      await sftp.close()
      await db.drop()
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/**
 * A PO the partner leaves on the server, taken through: the order, the 997 that accepts it, the
 * 855, and the 850 archived on the server (not left to be read again, no temporary file left).
 */
async function poRoundTrip(world: SftpWorld, poNumber: string) {
  const { hub, partner, root } = world
  const { text, control } = world.partner.purchaseOrders([
    { poNumber, lines: [{ sku: 'SKU-A', quantity: 2, price: '12.50' }] },
  ])
  const file = `${poNumber.toLowerCase()}.edi`
  partner.drop(file, text)
  const order = await waitFor(
    async () => (await hub.api(`/api/v1/orders?channel=acme-edi&externalId=${poNumber}`)).body.items[0],
    15_000,
    'the PO as an order',
  )
  const ack = await waitFor(
    () =>
      partner
        .received()
        .find((d) => d.setIds.includes('997') && seg(d, 'AK1').some((a) => a[2] === String(control))),
    15_000,
    '997 over SFTP',
  )
  expect(ack.envelopeProblems).toEqual([])
  expect(seg(ack, 'AK9')).toEqual([['AK9', 'A', '1', '1', '1']])
  const po855 = await waitFor(
    () => partner.received().find((d) => d.setIds.includes('855') && seg(d, 'BAK')[0]?.[3] === poNumber),
    15_000,
    '855',
  )
  expect(po855.envelopeProblems).toEqual([])
  expect(seg(po855, 'BAK')[0]!.slice(0, 4)).toEqual(['BAK', '00', 'AD', poNumber])
  await waitFor(() => (partner.processed().includes(file) ? true : undefined), 10_000, 'archived')
  expect(readdirSync(join(root, layout.inbound)).filter((f) => f.endsWith('.edi'))).toEqual([])
  expect(readdirSync(join(root, layout.outbound)).filter((f) => f.startsWith('.'))).toEqual([])
  return { order, ack, po855 }
}

/**
 * The EDI mailbox on a trading partner's SFTP server (a real SSH server on 127.0.0.1, ssh2's
 * `Server`, with its own host key): an 850 the partner leaves there becomes an order, its 997 and
 * 855 come back to the server's outbound folder (uploaded as a dot-name `.tmp` and renamed), and
 * the 850 goes to the archive folder on the server.
 */
describe.each(dbKinds)('EDI X12 over SFTP (%s)', (kind) => {
  let world: SftpWorld | undefined
  let sftp: SftpPeer
  let partner: EdiPartner
  let root: string

  beforeAll(async () => {
    world = await startSftpWorld(kind, 'recorded')
    ;({ sftp, partner, root } = world)
  })

  afterAll(() => world?.stop())

  it('takes an 850 left on the server as an order, and writes its 997 and 855 back there atomically', async () => {
    const { order, ack, po855 } = await poRoundTrip(world!, 'PO-SFTP-1')
    expect(order.status).not.toBe('held')

    // Every document went up under a temporary dot-name and was renamed into place: the partner's
    // poller never sees half a file, and no temporary file is left behind.
    for (const doc of [ack, po855]) {
      const rename = sftp.requests.find((r) => r.op === 'rename' && r.to === `${layout.outbound}/${doc.file}`)
      expect(rename?.path).toBe(`${layout.outbound}/.${doc.file}.tmp`)
      const opened = sftp.requests.findIndex((r) => r.op === 'open' && r.path === rename!.path)
      expect(opened).toBeGreaterThanOrEqual(0)
    }
    expect(sftp.refused).toBe(0)
  })

  it('leaves a file still being uploaded alone', async () => {
    writeFileSync(join(root, layout.inbound, '.po-partial.edi.part'), 'ISA*00*')
    const polls = sftp.requests.filter((r) => r.op === 'opendir').length
    await waitFor(
      () => (sftp.requests.filter((r) => r.op === 'opendir').length > polls + 2 ? true : undefined),
      10_000,
      'a few more polls',
    )
    expect(existsSync(join(root, layout.inbound, '.po-partial.edi.part'))).toBe(true)
    expect(partner.failed()).toEqual([])
  })
})

describe('the SFTP mailbox transport', () => {
  let sftp: SftpPeer
  let root: string
  const client = sshKeyPair()

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'switchyard-sftp-unit-'))
    sftp = await SftpPeer.start(root, { username: 'partner', publicKey: client.public, password: 'pw-1234' })
  })
  afterAll(async () => {
    await sftp?.close()
    rmSync(root, { recursive: true, force: true })
  })

  const settings = (hostKey = sftp.hostKeyFingerprint) => ({
    host: '127.0.0.1',
    port: sftp.port,
    username: 'partner',
    hostKey,
    ...sftpDirs,
    timeoutMs: 3000,
  })

  it('refuses a server showing another host key, before logging in', async () => {
    const logins = sftp.logins
    const other = `SHA256:${'A'.repeat(43)}`
    await expect(SftpMailbox.open(settings(other), { privateKey: client.private })).rejects.toMatchObject({
      failure: 'config',
      message: expect.stringContaining(`showed host key ${sftp.hostKeyFingerprint}`),
    })
    expect(sftp.logins).toBe(logins)
  })

  it('logs in with a password, makes its folders, and rewrites an outbound file on a retry', async () => {
    const box = await SftpMailbox.open(settings(), { password: 'pw-1234' })
    try {
      await box.ensure()
      for (const dir of Object.values(layout)) expect(existsSync(join(root, dir))).toBe(true)
      await box.send('000000001_997_ack.edi', 'first')
      await box.send('000000001_997_ack.edi', 'second')
      expect(readFileSync(join(root, layout.outbound, '000000001_997_ack.edi'), 'utf8')).toBe('second')
      await expect(box.send('../escape.edi', 'x')).rejects.toThrow(/not a plain file name/)
    } finally {
      await box.close()
    }
  })

  it('refuses a wrong key as a config error', async () => {
    const stranger = sshKeyPair()
    await expect(SftpMailbox.open(settings(), { privateKey: stranger.private })).rejects.toMatchObject({
      failure: 'config',
    })
  })
})

/**
 * The same mailbox against OpenSSH's own SFTP subsystem (`sftp-server`, Debian's
 * openssh-sftp-server, which .ci/run installs) behind the peer's SSH login: the partner's server as
 * most partners run it, with OpenSSH's rename (which will not replace a file) and listing.
 */
describe.each(dbKinds)("EDI X12 over SFTP, OpenSSH's sftp-server (%s)", (kind) => {
  let world: SftpWorld | undefined
  let sftp: SftpPeer
  let root: string

  beforeAll(async () => {
    expect(
      existsSync(OPENSSH_SFTP_SERVER),
      `${OPENSSH_SFTP_SERVER} (apt-get install openssh-sftp-server)`,
    ).toBe(true)
    world = await startSftpWorld(kind, 'openssh')
    ;({ sftp, root } = world)
  })

  afterAll(() => world?.stop())

  it('takes an 850 as an order and answers 997 and 855 on the server, archiving the 850', async () => {
    await poRoundTrip(world!, 'PO-OPENSSH-1')
  })

  it("rewrites an outbound file on a retry, although OpenSSH's rename will not replace one", async () => {
    const box = await SftpMailbox.open(
      {
        host: '127.0.0.1',
        port: sftp.port,
        username: 'hubsupplier',
        hostKey: sftp.hostKeyFingerprint,
        ...sftpDirs,
        timeoutMs: 3000,
      },
      { privateKey: world!.client.private },
    )
    try {
      await box.send('000000009_997_ack.edi', 'first')
      await box.send('000000009_997_ack.edi', 'second')
      expect(readFileSync(join(root, layout.outbound, '000000009_997_ack.edi'), 'utf8')).toBe('second')
    } finally {
      await box.close()
    }
  })
})
