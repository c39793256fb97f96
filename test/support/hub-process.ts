import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url))
/** The compiled hub (`pnpm build`), run by plain node as `pnpm start` runs it. */
const COMPILED_MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url))
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface HubProcess {
  url: string
  child: ChildProcess
  /** The admin key printed on first start, if this start printed one. */
  bootstrapKey: string | undefined
  output(): string
  /** SIGKILL: no shutdown hooks, no flushing; what a crash looks like. */
  kill(): Promise<void>
  stop(): Promise<void>
}

/** Runs a hub as a separate process, as in production, and waits until it listens. */
export async function spawnHub(
  env: Record<string, string>,
  options: { timeoutMs?: number; nodeArgs?: string[]; compiled?: boolean; cwd?: string } = {},
): Promise<HubProcess> {
  const entry = options.compiled ? ['--conditions=switchyard-dist', COMPILED_MAIN] : ['--import', 'tsx', MAIN]
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry, 'start'], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, SWITCHYARD_LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString()
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hub did not start within ${options.timeoutMs ?? 30_000} ms:\n${out}`)),
      options.timeoutMs ?? 30_000,
    )
    const check = () => {
      const m = /Switchyard listening on (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        child.stdout!.off('data', check)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`hub exited with ${code} before listening:\n${out}`))
    })
  })
  // The key line is printed right after the listening log line.
  await new Promise((r) => setTimeout(r, 50))
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  return {
    url,
    child,
    bootstrapKey: /\bsy_[a-f0-9]{12}_[A-Za-z0-9_-]+/.exec(out)?.[0],
    output: () => out,
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
