import { describe, expect, it } from 'vitest'
import { ediX12Config } from './config'

const base = {
  partner: { qualifier: 'ZZ', id: 'ACMERETAIL' },
  us: { qualifier: 'ZZ', id: 'HUBSUPPLIER' },
  shipFrom: { name: 'DC', id: 'DC' },
  remitTo: { name: 'HUB', id: 'HUB' },
  gs1CompanyPrefix: '0012345',
}
const sftp = {
  host: 'sftp.example',
  username: 'hub',
  hostKey: `SHA256:${'a'.repeat(43)}`,
}
const fields = (input: unknown) => {
  const r = ediX12Config.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'))
}

describe('EDI mailbox settings', () => {
  it('takes a folder or an SFTP server, never both or neither', () => {
    expect(fields({ ...base, mailbox: '/var/edi' })).toEqual([])
    expect(fields({ ...base, sftp, sftpPassword: 'pw' })).toEqual([])
    expect(fields(base)).toEqual(['mailbox'])
    expect(fields({ ...base, mailbox: '/var/edi', sftp, sftpPassword: 'pw' })).toEqual(['mailbox'])
  })

  it('needs a key or a password for SFTP, and the server key it must show', () => {
    expect(fields({ ...base, sftp })).toEqual(['sftpPrivateKey'])
    expect(fields({ ...base, sftp: { ...sftp, hostKey: 'ssh-ed25519 AAAA' }, sftpPassword: 'pw' })).toEqual([
      'sftp.hostKey',
    ])
  })

  it('fills the folders and the port, and keeps folders from climbing out', () => {
    const parsed = ediX12Config.parse({ ...base, sftp, sftpPrivateKey: 'KEY' })
    expect(parsed.sftp).toMatchObject({
      port: 22,
      inboundDir: 'inbound',
      outboundDir: 'outbound',
      archiveDir: 'inbound/processed',
      failedDir: 'inbound/failed',
    })
    expect(
      fields({ ...base, sftp: { ...sftp, archiveDir: 'inbound/../../etc' }, sftpPassword: 'pw' }),
    ).toEqual(['sftp.archiveDir'])
  })
})
