import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'

/**
 * A file name within one mailbox folder, never a path: a name that would reach another folder
 * ("../x", "a/b", "..") is refused before any file system call.
 */
export function plainName(name: string): string {
  if (name === '' || name === '.' || name === '..' || basename(name) !== name || /[\\/\0]/.test(name))
    throw new Error(`'${name}' is not a plain file name`)
  return name
}

/**
 * The name of an outbound file. Labels come from partner data (PO numbers), so only letters,
 * digits, dot, dash and underscore survive, and the control-number prefix means no name is ever
 * "." or "..": a PO number cannot steer a file out of outbound/.
 */
export function outboundName(control: number, setId: string, label: string): string {
  return `${String(control).padStart(9, '0')}_${setId}_${label.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60)}.edi`
}

/**
 * A trading partner's mailbox as an SFTP drop lays it out: `inbound/` holds their files until each
 * is archived to `inbound/processed/` or `inbound/failed/` (with `<file>.reason.txt`), `outbound/`
 * holds ours. Files are written under a dot-name and renamed, so a reader never sees half a file.
 */
export class Mailbox {
  readonly inbound: string
  readonly processed: string
  readonly failed: string
  readonly outbound: string

  constructor(root: string) {
    this.inbound = join(root, 'inbound')
    this.processed = join(this.inbound, 'processed')
    this.failed = join(this.inbound, 'failed')
    this.outbound = join(root, 'outbound')
  }

  async ensure(): Promise<void> {
    for (const dir of [this.processed, this.failed, this.outbound]) await mkdir(dir, { recursive: true })
  }

  /** Files waiting in inbound/, oldest name first; partial uploads (dot-files, .tmp, .part) are skipped. */
  async waiting(): Promise<string[]> {
    const names = await readdir(this.inbound, { withFileTypes: true })
    return names
      .filter((d) => d.isFile() && !d.name.startsWith('.') && !/\.(tmp|part|filepart)$/i.test(d.name))
      .map((d) => d.name)
      .sort()
  }

  /** Byte for byte (latin1): the ISA's fixed widths count bytes; the parser decodes each element as UTF-8. */
  async read(name: string): Promise<string> {
    return readFile(join(this.inbound, plainName(name)), 'latin1')
  }

  async exists(name: string): Promise<boolean> {
    return stat(join(this.inbound, plainName(name))).then(
      () => true,
      () => false,
    )
  }

  async archive(name: string): Promise<void> {
    await rename(join(this.inbound, plainName(name)), await this.free(this.processed, name))
  }

  async fail(name: string, reason: string): Promise<void> {
    plainName(name)
    const target = await this.free(this.failed, name)
    await writeFile(`${target}.reason.txt`, `${reason}\n`)
    await rename(join(this.inbound, name), target)
  }

  async send(name: string, content: string): Promise<void> {
    plainName(name)
    const tmp = join(this.outbound, `.${name}.tmp`)
    // UTF-8, as inbound data elements are read: a partner's name in any script comes back as it was sent.
    await writeFile(tmp, content, 'utf8').catch(async (error: NodeJS.ErrnoException) => {
      // A document due before the first poll made the folders (a stock advice at start-up).
      if (error.code !== 'ENOENT') throw error
      await mkdir(this.outbound, { recursive: true })
      await writeFile(tmp, content, 'utf8')
    })
    await rename(tmp, join(this.outbound, name))
  }

  /** A partner resending a file of the same name must not overwrite the archived one. */
  private async free(dir: string, name: string): Promise<string> {
    let candidate = join(dir, name)
    for (
      let n = 1;
      await stat(candidate).then(
        () => true,
        () => false,
      );
      n++
    )
      candidate = join(dir, `${name}.${n}`)
    return candidate
  }
}
