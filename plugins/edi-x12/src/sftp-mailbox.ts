import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import { ConfigError, TransientError } from '@switchyard/plugin-sdk'
import { Client, type SFTPWrapper } from 'ssh2'
import type { SftpConfig } from './config'
import { isPartial, type MailboxTransport, plainName } from './mailbox'

/** What an SFTP connection needs besides its settings: the secrets, from the plugin's config. */
export interface SftpCredentials {
  privateKey?: string
  passphrase?: string
  password?: string
}

/** `SHA256:<base64, unpadded>`, as OpenSSH prints a key's fingerprint. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`
}

const S_IFMT = 0o170000
const S_IFREG = 0o100000
/** SFTP status 2: no such file (ssh2 sets it as the error's `code`). */
const NO_SUCH_FILE = 2

/**
 * The mailbox on a trading partner's SFTP server (ssh2's client; see `MailboxTransport`). One
 * connection per use: `open` connects, checks the server's host key against the configured
 * fingerprint (a server showing another key is refused before any login), and logs in with the key
 * or the password; `close` ends it. Outbound documents are uploaded as `.<name>.tmp` and renamed,
 * so the partner never picks up half a file.
 */
export class SftpMailbox implements MailboxTransport {
  private constructor(
    private readonly conn: Client,
    private readonly sftp: SFTPWrapper,
    private readonly config: SftpConfig,
  ) {}

  static async open(config: SftpConfig, credentials: SftpCredentials): Promise<SftpMailbox> {
    const conn = new Client()
    let presented: string | undefined
    const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
      const timer = setTimeout(() => {
        conn.end()
        reject(
          new TransientError(
            `SFTP ${config.host}:${config.port} did not answer within ${config.timeoutMs} ms`,
          ),
        )
      }, config.timeoutMs + 1000)
      conn.once('ready', () =>
        conn.sftp((error, sftp) => {
          clearTimeout(timer)
          if (error) reject(new TransientError(`SFTP subsystem refused: ${error.message}`))
          else resolve(sftp)
        }),
      )
      conn.once('error', (error: Error & { level?: string }) => {
        clearTimeout(timer)
        if (presented !== undefined && presented !== config.hostKey)
          reject(
            new ConfigError(
              `SFTP ${config.host} showed host key ${presented}, not the configured ${config.hostKey}`,
            ),
          )
        else if (error.level === 'client-authentication')
          reject(new ConfigError(`SFTP login as ${config.username} refused by ${config.host}`))
        else reject(new TransientError(`SFTP ${config.host}:${config.port}: ${error.message}`))
      })
      const settings = {
        host: config.host,
        port: config.port,
        username: config.username,
        readyTimeout: config.timeoutMs,
        hostVerifier: (key: Buffer) => {
          presented = fingerprint(key)
          return presented === config.hostKey.replace(/=+$/, '')
        },
        ...(credentials.privateKey ? { privateKey: credentials.privateKey } : {}),
        ...(credentials.passphrase ? { passphrase: credentials.passphrase } : {}),
        ...(credentials.password ? { password: credentials.password } : {}),
      }
      try {
        conn.connect(settings)
      } catch (error) {
        // ssh2 reads the key before connecting: a key it cannot read is the config's fault.
        clearTimeout(timer)
        reject(new ConfigError(`SFTP login settings refused: ${(error as Error).message}`))
      }
    })
    return new SftpMailbox(conn, sftp, config)
  }

  async ensure(): Promise<void> {
    const { inboundDir, outboundDir, archiveDir, failedDir } = this.config
    for (const dir of [inboundDir, outboundDir, archiveDir, failedDir]) await this.mkdirs(dir)
  }

  async waiting(): Promise<string[]> {
    const entries = await this.call<{ filename: string; attrs: { mode: number } }[]>((cb) =>
      this.sftp.readdir(this.config.inboundDir, cb),
    )
    return entries
      .filter((e) => (e.attrs.mode & S_IFMT) === S_IFREG && !isPartial(e.filename))
      .map((e) => e.filename)
      .sort()
  }

  async read(name: string): Promise<string> {
    const bytes = await this.call<Buffer>((cb) => this.sftp.readFile(this.inbound(name), cb))
    return bytes.toString('latin1')
  }

  async exists(name: string): Promise<boolean> {
    return this.present(this.inbound(name))
  }

  async archive(name: string): Promise<void> {
    await this.rename(this.inbound(name), await this.free(this.config.archiveDir, name))
  }

  async fail(name: string, reason: string): Promise<void> {
    const target = await this.free(this.config.failedDir, name)
    await this.call((cb) => this.sftp.writeFile(`${target}.reason.txt`, `${reason}\n`, cb))
    await this.rename(this.inbound(name), target)
  }

  async send(name: string, content: string): Promise<void> {
    const target = posix.join(this.config.outboundDir, plainName(name))
    const tmp = posix.join(this.config.outboundDir, `.${name}.tmp`)
    await this.call((cb) => this.sftp.writeFile(tmp, Buffer.from(content, 'utf8'), cb)).catch(
      async (error) => {
        // A document due before the first poll made the folders (a stock advice at start-up).
        if ((error as { code?: number }).code !== NO_SUCH_FILE) throw error
        await this.mkdirs(this.config.outboundDir)
        await this.call((cb) => this.sftp.writeFile(tmp, Buffer.from(content, 'utf8'), cb))
      },
    )
    // SFTP v3 will not rename over a file: a retried delivery replaces what it wrote before.
    if (await this.present(target)) await this.call((cb) => this.sftp.unlink(target, cb))
    await this.rename(tmp, target)
  }

  async close(): Promise<void> {
    this.sftp.end()
    this.conn.end()
  }

  private inbound(name: string): string {
    return posix.join(this.config.inboundDir, plainName(name))
  }

  private rename(from: string, to: string): Promise<unknown> {
    return this.call((cb) => this.sftp.rename(from, to, cb))
  }

  private async present(path: string): Promise<boolean> {
    try {
      await this.call((cb) => this.sftp.stat(path, cb))
      return true
    } catch (error) {
      if ((error as { code?: number }).code === NO_SUCH_FILE) return false
      throw error
    }
  }

  /** A partner resending a file of the same name must not overwrite the archived one. */
  private async free(dir: string, name: string): Promise<string> {
    let candidate = posix.join(dir, plainName(name))
    for (let n = 1; await this.present(candidate); n++) candidate = posix.join(dir, `${name}.${n}`)
    return candidate
  }

  private async mkdirs(dir: string): Promise<void> {
    const parts = dir.split('/')
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join('/')
      if (path === '' || (await this.present(path))) continue
      await this.call((cb) => this.sftp.mkdir(path, cb))
    }
  }

  /** One SFTP request as a promise, failing after the configured time (a server that stops answering). */
  private call<T = unknown>(
    start: (cb: (error: Error | null | undefined, value?: T) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new TransientError(`SFTP ${this.config.host}: no answer within ${this.config.timeoutMs} ms`),
          ),
        this.config.timeoutMs,
      )
      start((error, value) => {
        clearTimeout(timer)
        if (error) reject(error)
        else resolve(value as T)
      })
    })
  }
}
