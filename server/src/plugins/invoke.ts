import { classifyError, type PluginError, TimeoutError } from '@switchyard/plugin-sdk'
import { scrub } from '../logger'
import type { LoadedInstance } from './loader'

/**
 * Runs one plugin call under a deadline. A plugin that hangs is abandoned (its signal aborts) and the
 * call fails as transient; a plugin that throws is classified. Secret values never leave in an error.
 */
export async function invokePlugin<T>(
  instance: LoadedInstance,
  what: string,
  deadlineMs: number,
  call: (signal: AbortSignal) => Promise<T> | T,
  /** The caller's own signal; without one, the deadline gets an AbortController of its own. */
  signal?: AbortSignal,
  /** Told the outcome (`ok` or the failure class) and duration of every call, e.g. for metrics. */
  observe?: PluginCallObserver,
): Promise<T> {
  const started = observe ? performance.now() : 0
  const controller = signal ? undefined : new AbortController()
  let first: Promise<T> | T
  try {
    first = call(signal ?? controller!.signal)
  } catch (error) {
    const classified = sanitize(classifyError(error), instance)
    observe?.(instance.id, what, classified.failure, (performance.now() - started) / 1000)
    throw classified
  }
  // A synchronous answer (signature checks, most parsing) needs no deadline: it has already finished.
  if (!isThenable(first)) {
    observe?.(instance.id, what, 'ok', (performance.now() - started) / 1000)
    return first
  }
  if (!observe) return raceDeadline(instance, what, deadlineMs, controller, first)
  try {
    const value = await raceDeadline(instance, what, deadlineMs, controller, first)
    observe(instance.id, what, 'ok', (performance.now() - started) / 1000)
    return value
  } catch (error) {
    observe(
      instance.id,
      what,
      (error as PluginError).failure ?? 'transient',
      (performance.now() - started) / 1000,
    )
    throw error
  }
}

export type PluginCallObserver = (
  instanceId: string,
  operation: string,
  outcome: string,
  seconds: number,
) => void

function isThenable<T>(value: Promise<T> | T): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

async function raceDeadline<T>(
  instance: LoadedInstance,
  what: string,
  deadlineMs: number,
  controller: AbortController | undefined,
  pending: Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort()
      reject(new TimeoutError(`${instance.id}: ${what} did not finish within ${deadlineMs} ms`))
    }, deadlineMs)
  })
  try {
    return await Promise.race([pending, deadline])
  } catch (error) {
    throw sanitize(classifyError(error), instance)
  } finally {
    clearTimeout(timer)
  }
}

function sanitize(error: PluginError, instance: LoadedInstance): PluginError {
  if (instance.secretValues.length === 0) return error
  const message = scrub(error.message, instance.secretValues) as string
  if (message !== error.message) Object.defineProperty(error, 'message', { value: message })
  if (error.details)
    Object.defineProperty(error, 'details', { value: scrub(error.details, instance.secretValues) })
  return error
}
