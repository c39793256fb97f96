import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
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

export function startPrivatePostgres(port: number): PrivatePostgres {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-pg-'))
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  asPostgres([join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  const start = () =>
    asPostgres([
      join(bin, 'pg_ctl'),
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ])
  const stop = () => asPostgres([join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop'])
  start()
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
