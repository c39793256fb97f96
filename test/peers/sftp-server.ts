import { spawn } from 'node:child_process'
import { createHash, timingSafeEqual } from 'node:crypto'
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join, relative, resolve, sep } from 'node:path'
import { type Connection, type ParsedKey, Server, type SFTPWrapper, utils } from 'ssh2'

const { OPEN_MODE, STATUS_CODE } = utils.sftp

/** Debian's `openssh-sftp-server` (installed by .ci/run): OpenSSH's own SFTP subsystem. */
export const OPENSSH_SFTP_SERVER = '/usr/lib/openssh/sftp-server'

export interface SftpLogin {
  username: string
  /** The client's public key (OpenSSH text) it must sign with; or a password. */
  publicKey?: string
  password?: string
}

/** One SFTP request the server answered, for tests to see what the client did. */
export interface SftpRequest {
  op: string
  path: string
  to?: string
}

/**
 * An ed25519 key pair from ssh2's generator that ssh2 itself can read back. About one key in 256
 * comes out malformed (its keygen strips a public key's leading zero byte: mscdex/ssh2#1513,
 * #1390), and a test that drew one failed at random; such a pair is drawn again.
 */
export function sshKeyPair(): ReturnType<typeof utils.generateKeyPairSync> {
  for (;;) {
    const pair = utils.generateKeyPairSync('ed25519')
    if (!(utils.parseKey(pair.public) instanceof Error) && !(utils.parseKey(pair.private) instanceof Error))
      return pair
  }
}

/**
 * A real SFTP server on 127.0.0.1 (ssh2's `Server`, SFTP v3) serving one folder on disk: a trading
 * partner's (or its VAN's) mailbox. It has a host key of its own, generated at start (its
 * fingerprint is what the client must be configured with), accepts one login (public key, with the
 * signature checked, or password), keeps every path inside its folder, and refuses a rename onto
 * an existing file as OpenSSH's server does. Files are read and written on disk as the requests
 * come, so a test sees them in `root` exactly as the partner would.
 */
export class SftpPeer {
  readonly requests: SftpRequest[] = []
  /** Connections that logged in. */
  logins = 0
  /** Logins refused (wrong key, wrong password). */
  refused = 0
  private openssh = false

  private constructor(
    private readonly server: Server,
    readonly root: string,
    readonly port: number,
    readonly hostKeyFingerprint: string,
  ) {}

  /**
   * `subsystem: 'openssh'` serves SFTP with OpenSSH's `sftp-server` (the program sshd runs for it),
   * started in `root` for each session, behind this server's SSH transport, host key and login:
   * the partner's server as most partners run it. Its requests are not recorded in `requests`.
   */
  static async start(
    root: string,
    login: SftpLogin,
    options: { subsystem?: 'recorded' | 'openssh' } = {},
  ): Promise<SftpPeer> {
    const host = sshKeyPair()
    const hostKey = utils.parseKey(host.public) as ParsedKey
    const allowed = login.publicKey ? (utils.parseKey(login.publicKey) as ParsedKey) : undefined
    let peer: SftpPeer | undefined
    const server = new Server({ hostKeys: [host.private] }, (client) => peer!.serve(client, login, allowed))
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
    const { port } = server.address() as AddressInfo
    const fingerprint = `SHA256:${createHash('sha256').update(hostKey.getPublicSSH()).digest('base64').replace(/=+$/, '')}`
    peer = new SftpPeer(server, resolve(root), port, fingerprint)
    peer.openssh = options.subsystem === 'openssh'
    return peer
  }

  private serve(client: Connection, login: SftpLogin, allowed: ParsedKey | undefined): void {
    client.on('error', () => {})
    client.on('authentication', (ctx) => {
      if (ctx.username !== login.username) return this.refuse(ctx)
      if (ctx.method === 'password' && login.password && ctx.password === login.password) return ctx.accept()
      if (ctx.method === 'publickey' && allowed) {
        const wanted = allowed.getPublicSSH()
        const same =
          ctx.key.algo === allowed.type &&
          ctx.key.data.length === wanted.length &&
          timingSafeEqual(ctx.key.data, wanted)
        if (!same) return this.refuse(ctx)
        // Without a signature the client only asks whether the key would do; with one, it is checked.
        if (ctx.signature && allowed.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) !== true)
          return this.refuse(ctx)
        return ctx.accept()
      }
      return this.refuse(ctx, ['publickey', 'password'])
    })
    client.on('ready', () => {
      this.logins++
      client.on('session', (accept) => {
        const session = accept()
        if (this.openssh)
          session.on('subsystem', (acceptSub, reject, info) =>
            info.name === 'sftp' ? this.opensshSftp(acceptSub()) : reject(),
          )
        else session.on('sftp', (acceptSftp) => this.sftp(acceptSftp()))
      })
    })
  }

  /** The session's channel joined to an OpenSSH `sftp-server` process, as sshd does it. */
  private opensshSftp(channel: NodeJS.ReadWriteStream & { exit?(code: number): void }): void {
    const child = spawn(OPENSSH_SFTP_SERVER, ['-d', this.root], { stdio: ['pipe', 'pipe', 'ignore'] })
    channel.pipe(child.stdin!)
    child.stdout!.pipe(channel)
    child.on('exit', (code) => {
      channel.exit?.(code ?? 0)
      channel.end()
    })
    channel.on('close', () => child.kill())
    channel.on('error', () => child.kill())
  }

  private refuse(ctx: { method: string; reject(methods?: string[]): void }, methods?: string[]): void {
    if (ctx.method !== 'none') this.refused++
    ctx.reject(methods)
  }

  /** A client path (relative to the login folder, or absolute) on disk; never outside `root`. */
  private local(path: string): string | undefined {
    const full = resolve(this.root, `.${sep}${path.replace(/^\/+/, '')}`)
    const rel = relative(this.root, full)
    return rel.startsWith('..') ? undefined : full
  }

  private sftp(sftp: SFTPWrapper): void {
    const files = new Map<string, { fd: number }>()
    const dirs = new Map<string, { entries: string[]; path: string; sent: boolean }>()
    let next = 0
    const handle = () => {
      const h = Buffer.alloc(4)
      h.writeUInt32BE(next++)
      return h
    }
    const fail = (id: number, error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code
      sftp.status(id, code === 'ENOENT' ? STATUS_CODE.NO_SUCH_FILE : STATUS_CODE.FAILURE, String(code))
    }
    const attrs = (st: Stats) => ({
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
      size: st.size,
      atime: Math.floor(st.atimeMs / 1000),
      mtime: Math.floor(st.mtimeMs / 1000),
    })
    const guard = (id: number, path: string): string | undefined => {
      const local = this.local(path)
      if (!local) sftp.status(id, STATUS_CODE.PERMISSION_DENIED, 'outside the mailbox')
      return local
    }

    sftp.on('OPEN', (id, filename, flags) => {
      this.requests.push({ op: 'open', path: filename })
      const local = guard(id, filename)
      if (!local) return
      try {
        const write = (flags & OPEN_MODE.WRITE) !== 0
        const mode = write ? ((flags & OPEN_MODE.APPEND) !== 0 ? 'a' : 'w') : 'r'
        const h = handle()
        files.set(h.toString('hex'), { fd: openSync(local, mode) })
        sftp.handle(id, h)
      } catch (error) {
        fail(id, error)
      }
    })
    sftp.on('READ', (id, h, offset, length) => {
      const f = files.get(h.toString('hex'))
      if (!f) return sftp.status(id, STATUS_CODE.FAILURE)
      const buf = Buffer.alloc(length)
      const n = readSync(f.fd, buf, 0, length, offset)
      if (n === 0) return sftp.status(id, STATUS_CODE.EOF)
      sftp.data(id, buf.subarray(0, n))
    })
    sftp.on('WRITE', (id, h, offset, data) => {
      const f = files.get(h.toString('hex'))
      if (!f) return sftp.status(id, STATUS_CODE.FAILURE)
      writeSync(f.fd, data, 0, data.length, offset)
      sftp.status(id, STATUS_CODE.OK)
    })
    sftp.on('FSTAT', (id, h) => {
      const f = files.get(h.toString('hex'))
      if (!f) return sftp.status(id, STATUS_CODE.FAILURE)
      sftp.attrs(id, attrs(fstatSync(f.fd)))
    })
    sftp.on('FSETSTAT', (id) => sftp.status(id, STATUS_CODE.OK))
    sftp.on('SETSTAT', (id) => sftp.status(id, STATUS_CODE.OK))
    sftp.on('CLOSE', (id, h) => {
      const key = h.toString('hex')
      const f = files.get(key)
      if (f) closeSync(f.fd)
      files.delete(key)
      dirs.delete(key)
      sftp.status(id, STATUS_CODE.OK)
    })
    const stat = (id: number, path: string) => {
      this.requests.push({ op: 'stat', path })
      const local = guard(id, path)
      if (!local) return
      try {
        sftp.attrs(id, attrs(statSync(local)))
      } catch (error) {
        fail(id, error)
      }
    }
    sftp.on('STAT', stat)
    sftp.on('LSTAT', stat)
    sftp.on('OPENDIR', (id, path) => {
      this.requests.push({ op: 'opendir', path })
      const local = guard(id, path)
      if (!local) return
      try {
        const h = handle()
        dirs.set(h.toString('hex'), { entries: readdirSync(local), path: local, sent: false })
        sftp.handle(id, h)
      } catch (error) {
        fail(id, error)
      }
    })
    sftp.on('READDIR', (id, h) => {
      const d = dirs.get(h.toString('hex'))
      if (!d || d.sent) return sftp.status(id, STATUS_CODE.EOF)
      d.sent = true
      if (d.entries.length === 0) return sftp.status(id, STATUS_CODE.EOF)
      sftp.name(
        id,
        d.entries.map((filename) => {
          const st = statSync(join(d.path, filename))
          return { filename, longname: filename, attrs: attrs(st) }
        }),
      )
    })
    sftp.on('REMOVE', (id, path) => {
      this.requests.push({ op: 'remove', path })
      const local = guard(id, path)
      if (!local) return
      try {
        unlinkSync(local)
        sftp.status(id, STATUS_CODE.OK)
      } catch (error) {
        fail(id, error)
      }
    })
    sftp.on('RENAME', (id, from, to) => {
      this.requests.push({ op: 'rename', path: from, to })
      const a = guard(id, from)
      if (!a) return
      const b = guard(id, to)
      if (!b) return
      // SFTP v3 (and OpenSSH's server) refuse to rename onto an existing file.
      try {
        statSync(b)
        return sftp.status(id, STATUS_CODE.FAILURE, 'target exists')
      } catch {}
      try {
        renameSync(a, b)
        sftp.status(id, STATUS_CODE.OK)
      } catch (error) {
        fail(id, error)
      }
    })
    sftp.on('MKDIR', (id, path) => {
      this.requests.push({ op: 'mkdir', path })
      const local = guard(id, path)
      if (!local) return
      try {
        mkdirSync(local)
        sftp.status(id, STATUS_CODE.OK)
      } catch (error) {
        fail(id, error)
      }
    })
    sftp.on('REALPATH', (id, path) => {
      const local = guard(id, path)
      if (!local) return
      sftp.name(id, [{ filename: `/${relative(this.root, local)}`, longname: '', attrs: {} as never }])
    })
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => this.server.close(() => ok()))
  }
}
