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
): Promise<T> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new TimeoutError(`${instance.id}: ${what} did not finish within ${deadlineMs} ms`))
    }, deadlineMs)
  })
  try {
    return await Promise.race([Promise.resolve().then(() => call(controller.signal)), deadline])
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
