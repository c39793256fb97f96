export interface CreatePluginArgs {
  name: string
  kind: 'channel' | 'wms'
  /** A channel taken by polling only (no webhooks), like eBay or TradeMe. */
  poll: boolean
  /** Target folder; `plugins/<name>` of the workspace by default. */
  dir: string | undefined
}

export class UsageError extends Error {
  readonly code = 'USAGE'
}

export const USAGE = 'usage: pnpm create-plugin <name> --kind channel|wms [--poll] [--dir <folder>]'

/** `<name> --kind channel|wms [--poll] [--dir <folder>]`, in any order. */
export function parseArgs(argv: readonly string[]): CreatePluginArgs {
  let name: string | undefined
  let kind: string | undefined
  let dir: string | undefined
  let poll = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') continue
    if (a === '--kind' || a === '-k') kind = argv[++i]
    else if (a.startsWith('--kind=')) kind = a.slice(7)
    else if (a === '--poll') poll = true
    else if (a === '--dir') dir = argv[++i]
    else if (a.startsWith('--dir=')) dir = a.slice(6)
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}\n${USAGE}`)
    else if (name === undefined) name = a
    else throw new UsageError(`unexpected argument '${a}'\n${USAGE}`)
  }
  if (!name) throw new UsageError(`the plugin name is missing\n${USAGE}`)
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name))
    throw new UsageError(
      `name '${name}' must be kebab-case (lower-case letters, digits, dashes), e.g. acme-shop`,
    )
  if (kind !== 'channel' && kind !== 'wms') throw new UsageError(`--kind must be channel or wms\n${USAGE}`)
  if (poll && kind !== 'channel')
    throw new UsageError(`--poll is for a channel (orders polled from it)\n${USAGE}`)
  return { name, kind, poll, dir }
}
