/**
 * @module @switchyard/plugin-sdk/testing
 * What a plugin author needs to test a plugin: an in-memory context like the hub's, a fixture HTTP
 * server for recorded API answers, a recorder and replayer of real partner exchanges (cassettes),
 * sample hub messages, and the conformance suite every plugin passes.
 */

export {
  type Cassette,
  type RecordedExchange,
  type RecordOptions,
  recordCassette,
  replayCassette,
} from './cassette'
export {
  type ConformanceOptions,
  describePluginConformance,
  type MalformedPage,
  type SuiteName,
  type WebhookFixture,
} from './conformance'
export {
  type FixtureHandler,
  type FixtureRequest,
  type FixtureResponse,
  type FixtureServer,
  startFixtureServer,
} from './fixture-server'
export { sampleFulfilmentRequest, sampleShippedUpdate } from './samples'
export { createTestContext, type LogEntry, type TestContext, type TestContextOptions } from './test-context'

/** Builds a RawRequest the way the hub hands one to `verify` and `parse`. */
export function rawRequest(init: {
  method?: string
  path?: string
  headers?: Record<string, string>
  query?: Record<string, string>
  body: string | Uint8Array
}): import('../webhook').RawRequest {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(init.headers ?? {})) headers[k.toLowerCase()] = v
  return {
    method: init.method ?? 'POST',
    path: init.path ?? '/',
    headers,
    query: init.query ?? {},
    rawBody: typeof init.body === 'string' ? Buffer.from(init.body) : init.body,
  }
}
