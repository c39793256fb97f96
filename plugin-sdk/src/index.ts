/**
 * @module @switchyard/plugin-sdk
 * The contract every Switchyard plugin is written against: canonical types that cross the
 * boundary, `definePlugin`, the context the host passes, classified errors and signature helpers.
 */
export * from './canonical/index'
export { configJsonSchema, secret, secretFields } from './config'
export type {
  Clock,
  HttpClient,
  HttpRequestOptions,
  HttpResponse,
  PluginContext,
  PluginLogger,
  StateStore,
} from './context'
export {
  type Capabilities,
  type CapabilityName,
  capabilityNames,
  type DeliveryResult,
  type DiscardedOrder,
  definePlugin,
  isPluginDefinition,
  type NotificationEvent,
  type PluginDefinition,
  type PluginKind,
  type PluginSpec,
  type PollCapability,
  type PollResult,
  SDK_VERSION,
  type UnmappedReason,
  type UnmappedRecord,
  type WebhookCapability,
} from './define'
export {
  ConfigError,
  classifyError,
  type FailureClass,
  isPayloadError,
  isPluginError,
  PayloadError,
  type PayloadIssue,
  PermanentError,
  PluginError,
  type PluginErrorCode,
  type PluginErrorOptions,
  pluginErrorCodes,
  RateLimitedError,
  TimeoutError,
  TransientError,
} from './errors'
export { type JsonResponseOptions, jsonResponse } from './helpers/json-response'
export {
  type OAuth1Credentials,
  type OAuth1Options,
  type OAuth1Request,
  type OAuth1SignatureMethod,
  oauth1BaseString,
  oauth1Encode,
  oauth1Header,
  oauth1Params,
  oauth1Signature,
  parseOAuth1Header,
  verifyOAuth1Signature,
} from './helpers/oauth1'
export { type OAuth2Client, type OAuth2Options, oauth2Client } from './helpers/oauth2'
export {
  nextLink,
  type Page,
  type PagePosition,
  type Pager,
  type PagerSpec,
  type PagerStyle,
  type PageSender,
  pager,
  type Selector,
} from './helpers/pager'
export {
  createRateLimiter,
  limited,
  limitHttp,
  type RateLimiter,
  type RateLimiterOptions,
  rateLimiterFor,
} from './helpers/rate-limiter'
export {
  type WindowCursor,
  type WindowCursorOptions,
  type WindowRecord,
  type WindowState,
  windowCursor,
} from './helpers/window-cursor'
export { type WindowPollPage, windowPollResult } from './helpers/window-poll'
export { createHttpClient, type HttpClientOptions, parseRetryAfter, statusError } from './http'
export { formatPath, zodIssues } from './issues'
export { markJsonBodyChecked, parseJsonBody } from './json-body'
export { seal, unseal } from './sealed'
export {
  type HmacAlgorithm,
  type HmacEncoding,
  hmac,
  type OutboundSignatureScheme,
  outboundSignatureHeaders,
  outboundSignatureSchemes,
  SIGNATURE_HEADER,
  safeEqual,
  signStandardWebhook,
  signTimestamped,
  verifyBase64Hmac,
  verifyHmac,
  verifyOutboundSignature,
  verifyStandardWebhook,
  verifyTimestamped,
} from './signatures'
export { isValidUtf8, jsonMayHoldUnacceptableText, printable, textProblem, unacceptableText } from './text'
export { mapStoredRecord, unmappedRecord } from './unmapped'
export {
  type InboundEvent,
  type InboundEventType,
  inboundEventTypes,
  type RawRequest,
  type VerifyResult,
  type WebhookResult,
} from './webhook'
