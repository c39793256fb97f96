/**
 * @module @switchyard/plugin-sdk
 * The contract every Switchyard plugin is written against: canonical types that cross the
 * boundary, `definePlugin`, the context the host passes, classified errors and signature helpers.
 */
export * from './canonical/index'
export { configJsonSchema, secret, secretFields } from './config'
export type { Clock, HttpClient, HttpRequestOptions, HttpResponse, PluginContext, PluginLogger, StateStore } from './context'
export {
  capabilityNames,
  definePlugin,
  isPluginDefinition,
  SDK_VERSION,
  type Capabilities,
  type CapabilityName,
  type DeliveryResult,
  type PluginDefinition,
  type PluginKind,
  type PluginSpec,
  type PollCapability,
  type PollResult,
  type WebhookCapability,
} from './define'
export {
  classifyError,
  ConfigError,
  isPayloadError,
  isPluginError,
  PayloadError,
  PermanentError,
  PluginError,
  RateLimitedError,
  TimeoutError,
  TransientError,
  type FailureClass,
  type PayloadIssue,
  type PluginErrorOptions,
} from './errors'
export { createHttpClient, parseRetryAfter, statusError, type HttpClientOptions } from './http'
export { formatPath, zodIssues } from './issues'
export {
  hmac,
  safeEqual,
  SIGNATURE_HEADER,
  signTimestamped,
  verifyHmac,
  verifyTimestamped,
  type HmacAlgorithm,
  type HmacEncoding,
} from './signatures'
export type { InboundEvent, InboundEventType, RawRequest, VerifyResult, WebhookResult } from './webhook'
