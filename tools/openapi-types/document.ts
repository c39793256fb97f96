import { createApp } from '../../server/src/app'
import type { HubContext } from '../../server/src/hub-context'
import type { Logger } from '../../server/src/logger'
import { createMetrics } from '../../server/src/observability/metrics'
import { readSettings } from '../../server/src/settings'

/** Thrown when building the document reaches for the hub's state, which it must never need. */
export class DocumentBuildError extends Error {
  constructor(readonly path: string) {
    super(`building the OpenAPI document used the hub's ${path}; the document must not depend on state`)
    this.name = 'DocumentBuildError'
  }
}

/**
 * Stands in for everything but settings. Route factories keep references to core, registry and
 * metrics and use them only when a request comes; a call here means the document would depend on
 * a database or plugins, so it fails loudly instead of quietly generating something partial.
 */
function inert(path: string): unknown {
  const fail = () => {
    throw new DocumentBuildError(path)
  }
  return new Proxy(fail, {
    get: (_t, key) => (typeof key === 'symbol' ? undefined : inert(`${path}.${key}`)),
    apply: fail,
    construct: fail,
  })
}

/**
 * The hub's OpenAPI document exactly as `GET /openapi.json` serves it: the real app is built and
 * asked in-process, so no hub, database or port is needed, and nothing but the served route can
 * drift from what the editor's types are generated from.
 */
export async function servedOpenApiDocument(): Promise<Record<string, unknown>> {
  // Default settings, with no environment: the document must not change with a developer's shell.
  const settings = readSettings({ SWITCHYARD_DEMO: '0', SWITCHYARD_WORKERS: '0' })
  // The access log and the error handler run around every request, this one too: the error the
  // handler would log is kept, so a failure says what went wrong rather than a bare 500.
  let failure: unknown
  const logger = {
    isLevelEnabled: () => false,
    debug: () => {},
    error: (fields: { err?: unknown }) => {
      failure ??= fields.err
    },
  } as unknown as Logger
  const hub = {
    settings,
    core: inert('core'),
    registry: inert('registry'),
    contexts: inert('contexts'),
    logger,
    dispatcher: undefined,
    metrics: createMetrics(),
    observePluginCall: inert('observePluginCall'),
  } as HubContext
  const res = await createApp(hub).request('/openapi.json')
  if (failure) throw failure
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as Record<string, unknown>
}
