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

/** Partial uploads a partner's client may leave while it writes: never read as a file. */
export const isPartial = (name: string) => name.startsWith('.') || /\.(tmp|part|filepart)$/i.test(name)

/**
 * Where a trading partner's files are exchanged: its inbound files, read oldest name first and
 * archived (processed) or failed (with a reason) once the hub has kept what they said, and our
 * outbound documents, each written whole under a temporary name and then renamed, so the partner
 * never reads half a file. Two transports: a folder (`FolderMailbox`) and an SFTP server
 * (`SftpMailbox`); every name passed in is a plain file name (`plainName`), never a path.
 */
export interface MailboxTransport {
  /** Makes the folders when missing. */
  ensure(): Promise<void>
  /** Inbound files waiting, oldest name first; partial uploads (`isPartial`) are skipped. */
  waiting(): Promise<string[]>
  /** Byte for byte (latin1): the ISA's fixed widths count bytes; the parser decodes each element as UTF-8. */
  read(name: string): Promise<string>
  exists(name: string): Promise<boolean>
  /** To the archive, under a free name (a resent file of the same name keeps the earlier one). */
  archive(name: string): Promise<void>
  /** To the failed folder with `<name>.reason.txt` beside it. */
  fail(name: string, reason: string): Promise<void>
  /** An outbound document, UTF-8, written atomically; a retry rewrites the same name. */
  send(name: string, content: string): Promise<void>
  /** Lets go of the connection, if any. */
  close(): Promise<void>
}

/**
 * A trading partner's mailbox as a local folder laid out as an SFTP drop: `inbound/` holds their
 * files until each is archived to `inbound/processed/` or `inbound/failed/` (with
 * `<file>.reason.txt`), `outbound/` holds ours. Files are written under a dot-name and renamed.
 */
export class FolderMailbox implements MailboxTransport {
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

  async waiting(): Promise<string[]> {
    const names = await readdir(this.inbound, { withFileTypes: true })
    return names
      .filter((d) => d.isFile() && !isPartial(d.name))
      .map((d) => d.name)
      .sort()
  }

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

  async close(): Promise<void> {}

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
