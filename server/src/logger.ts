import pino, { type DestinationStream, type Logger } from 'pino'
import { traceIds } from './observability/tracing'

export type { Logger }

/**
 * JSON logs for machines; pretty ones when a person watches the terminal. With `destination`,
 * JSON lines go there (the delivery thread sends its lines to the hub's own stream).
 */
export function createLogger(
  level: string,
  extraRedactValues: () => readonly string[] = () => [],
  format: 'json' | 'auto' = 'auto',
  destination?: DestinationStream,
): Logger {
  const pretty = !destination && process.stdout.isTTY && format !== 'json'
  const options: pino.LoggerOptions = {
    level,
    base: { svc: 'switchyard' },
    // While a span is active (tracing on), each line carries its trace and span ids.
    mixin: traceIds,
    redact: {
      paths: ['req.headers.authorization', '*.authorization', '*.apiKey', '*.secret', '*.token'],
      censor: '[redacted]',
    },
    hooks: {
      // Secret values of plugin configs can hide anywhere in a message (a URL, an upstream error echo).
      logMethod(args, method) {
        const secrets = extraRedactValues()
        if (secrets.length > 0) {
          for (let i = 0; i < args.length; i++) args[i] = scrub(args[i], secrets)
        }
        method.apply(this, args as Parameters<typeof method>)
      },
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  }
  return destination ? pino(options, destination) : pino(options)
}

/** Writes a finished JSON log line to a logger's own stream, as if the logger had written it. */
export function writeLine(logger: Logger, line: string): void {
  ;(logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym]?.write(line)
}

/** Replaces every occurrence of a secret value in a string or (deeply) in an object. */
export function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') {
    let out = value
    for (const s of secrets) if (s.length >= 4 && out.includes(s)) out = out.split(s).join('[redacted]')
    return out
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message, secrets) as string)
    copy.name = value.name
    copy.stack = scrub(value.stack, secrets) as string
    return copy
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, secrets, depth + 1)
  return out
}
