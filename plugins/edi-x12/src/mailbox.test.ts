import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FolderMailbox as Mailbox, outboundName, plainName } from './mailbox'

describe('EDI mailbox file names', () => {
  let root: string
  let box: Mailbox
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'edi-mailbox-'))
    box = new Mailbox(join(root, 'partner'))
    await box.ensure()
  })
  afterEach(() => rm(root, { recursive: true, force: true }))

  it('keeps a hostile PO number inside outbound/', async () => {
    const name = outboundName(7, '855', '../../../etc/passwd')
    expect(name).toBe('000000007_855_.._.._.._etc_passwd.edi')
    await box.send(name, 'ISA~')
    expect(await readdir(box.outbound)).toEqual([name])
    expect(await readdir(root)).toEqual(['partner'])
    expect(outboundName(1, '997', '..')).toBe('000000001_997_...edi')
    expect(outboundName(1, '856', 'PO\\..\\x\u0000')).toBe('000000001_856_PO_.._x_.edi')
  })

  it('refuses any name that is a path, before touching the file system', async () => {
    for (const bad of ['../x.edi', 'a/b.edi', '..', '.', '', 'a\\b.edi', 'x\u0000.edi'])
      expect(() => plainName(bad), bad).toThrow(/not a plain file name/)
    await expect(box.send('../escape.edi', 'x')).rejects.toThrow(/not a plain file name/)
    await expect(box.read('../../etc/passwd')).rejects.toThrow(/not a plain file name/)
    await expect(box.archive('../partner/outbound/x')).rejects.toThrow(/not a plain file name/)
    await expect(box.fail('../x', 'why')).rejects.toThrow(/not a plain file name/)
    await expect(box.exists('../inbound')).rejects.toThrow(/not a plain file name/)
    expect(await readdir(root)).toEqual(['partner'])
  })

  it('takes plain names as they are', async () => {
    await writeFile(join(box.inbound, 'PO 4711 (resend).edi'), 'ISA~')
    expect(await box.waiting()).toEqual(['PO 4711 (resend).edi'])
    await box.archive('PO 4711 (resend).edi')
    expect(await readdir(box.processed)).toEqual(['PO 4711 (resend).edi'])
  })
})
