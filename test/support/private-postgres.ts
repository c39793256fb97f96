import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A PostgreSQL server of the test's own, on its own port and data folder, so a test can stop and
 * restart it without disturbing anything else that uses the machine's server on 5432.
 */
export interface PrivatePostgres {
  url: string
  stop(): void
  start(): void
  destroy(): void
}

function binDir(): string {
  const root = '/usr/lib/postgresql'
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0]
  if (!version) throw new Error('no PostgreSQL installation under /usr/lib/postgresql')
  return join(root, version, 'bin')
}

function asPostgres(args: string[]): void {
  // initdb and the server refuse to run as root.
  const asRoot = process.getuid?.() === 0
  const [cmd, ...rest] = asRoot ? ['runuser', '-u', 'postgres', '--', ...args] : args
  execFileSync(cmd!, rest, { stdio: 'pipe' })
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/**
 * Starts on `port`, or on another in 54000–54999 when that one is taken: a port picked at random
 * can be in use by an outgoing connection of another test (it lies in Linux's ephemeral range).
 * Restarts keep the port (the hub holds the URL) and wait for it to come free instead.
 */
export function startPrivatePostgres(firstPort: number): PrivatePostgres {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-pg-'))
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  const log = join(dir, 'log')
  asPostgres([join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  const startOn = (p: number) =>
    asPostgres([
      join(bin, 'pg_ctl'),
      '-D',
      data,
      '-l',
      log,
      '-w',
      '-o',
      `-p ${p} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ])
  const portTaken = () => existsSync(log) && readFileSync(log, 'utf8').includes('Address already in use')
  let port = firstPort
  for (let attempt = 1; ; attempt++) {
    try {
      startOn(port)
      break
    } catch (error) {
      if (attempt >= 5 || !portTaken()) throw error
      rmSync(log, { force: true })
      port = 54_000 + Math.floor(Math.random() * 1000)
    }
  }
  const start = () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return startOn(port)
      } catch (error) {
        if (attempt >= 10 || !portTaken()) throw error
        rmSync(log, { force: true })
        sleep(500)
      }
    }
  }
  const stop = () => asPostgres([join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop'])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy() {
      try {
        if (existsSync(join(data, 'postmaster.pid')))
          asPostgres([join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
