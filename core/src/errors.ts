/**
 * Domain errors. Each has a stable `code` that API clients can rely on; the server maps them to
 * HTTP statuses and problem+json, so core never speaks HTTP.
 */
import { pluginErrorCodes } from '@switchyard/plugin-sdk/errors'

/**
 * Every code the hub answers with (problem+json `code`), with what it means: a closed list, so a
 * new code is added here, once, and a client can rely on the set. The plugin codes are the SDK's.
 */
export const errorCodes = {
  // Requests and their bodies (the server's door)
  VALIDATION_FAILED: 'the request or its body is invalid; the fields are named',
  MALFORMED_JSON: 'the body is not valid JSON (or not UTF-8 text, from a plugin)',
  MALFORMED_REQUEST: 'the request is not valid HTTP/1.1',
  INVALID_UTF8: 'the body, path or a query parameter holds bytes that are not UTF-8',
  INVALID_TEXT: 'text holds a control character or an unpaired surrogate; the fields are named',
  INVALID_PAYLOAD: "a plugin refused the webhook's body; the fields are named",
  INVALID_ORDER: "the plugin's canonical order does not match the order schema; the fields are named",
  JSON_TOO_DEEP: 'the JSON body nests deeper than the hub reads',
  BODY_TOO_LARGE: 'the body (or a chunk extension) is larger than allowed',
  BODY_INCOMPLETE: 'the body is shorter than its Content-Length',
  HEADERS_TOO_LARGE: 'the request headers are larger than allowed',
  URI_TOO_LONG: 'the request line is longer than allowed',
  REQUEST_TIMEOUT: 'the request did not arrive in time',
  RATE_LIMITED: 'too many requests; try again after Retry-After',
  INVALID_CURSOR: 'the pagination cursor is not one the hub issued',
  // Who may do what
  UNAUTHENTICATED: 'no API key was given',
  INVALID_API_KEY: 'the API key is unknown or revoked',
  SIGNATURE_INVALID: "a webhook's signature does not verify",
  FORBIDDEN_ROLE: "the key's role does not grant the permission",
  FORBIDDEN_SCOPE: 'the key is scoped to other channels',
  // Things that do not exist
  NOT_FOUND: 'no such resource',
  ORDER_NOT_FOUND: 'no such order',
  PRODUCT_NOT_FOUND: 'no such product',
  KIT_NOT_FOUND: 'no such kit',
  LOCATION_NOT_FOUND: 'no such location',
  PRICE_LIST_NOT_FOUND: 'no such price list',
  RESERVATION_NOT_FOUND: 'no such reservation',
  RETURN_NOT_FOUND: 'no such return',
  RULE_SET_NOT_FOUND: 'no such rule set',
  VERSION_NOT_FOUND: 'no such rule set version',
  OUTBOX_MESSAGE_NOT_FOUND: 'no such outbox message',
  UNKNOWN_INSTANCE: 'no webhook-capable plugin instance by that id',
  EXCEPTION_NOT_FOUND: 'no such intake exception',
  NO_DECISION: 'the order has not been routed, so has no decision',
  INBOUND_SUPPLY_NOT_FOUND: 'no such inbound supply',
  // Input that names what the hub does not know
  UNKNOWN_SKU: 'the order references skus the catalogue does not have',
  UNKNOWN_REFERENCE: 'the input references skus, locations or lanes the hub does not have',
  UNKNOWN_CHANNEL: 'no channel instance by that id',
  UNKNOWN_FULFILMENT: 'the fulfilment is not one the hub sent to that warehouse',
  UNKNOWN_RESERVATION: 'the reservation is not one the hub holds',
  UNKNOWN_RETURN: 'the receipt names a return the hub does not have',
  UNPRICED_LINE: 'an added line has no price',
  // Input the hub cannot take as it stands
  INSUFFICIENT_STOCK: 'not enough stock to hold or move',
  CANCEL_TOO_MUCH: 'cancels more than is open on a line',
  RETURN_TOO_MUCH: 'returns more than was shipped',
  SHIPMENT_MISMATCH: 'the shipment lines do not match the fulfilment',
  RECEIPT_MISMATCH: 'the receipt does not match the return',
  RULES_MALFORMED: 'the rules are not json-rules-engine rules',
  RULES_INVALID: 'the rules do not validate against the master data',
  KIT_HAS_NO_STOCK: "a kit has no stock of its own; its components' stock is set instead",
  PREORDER_CAP_REACHED:
    'a pre-order sku is out of stock and no open inbound supply has room left under its pre-order cap',
  RECEIVE_TOO_MUCH: 'receives more than the inbound supply still expects',
  // The state does not allow it
  CONFLICT: 'the request conflicts with the current state',
  ILLEGAL_TRANSITION: 'the order cannot move from its state to the one asked',
  OPERATION_NOT_ALLOWED: "the operation is not allowed in the order's state",
  ORDER_STATUS_CHANGED: 'the order changed status meanwhile; read it again',
  ALLOCATION_CONFLICT: 'the stock was taken meanwhile; routing is retried',
  CAPACITY_CONFLICT: 'a location reached its daily capacity meanwhile; routing is retried',
  NEGATIVE_STOCK: 'the change would leave stock below zero',
  LEDGER_INCONSISTENT: 'the stock ledger disagrees with the stock levels',
  FULFILMENT_CLOSED: 'the fulfilment has shipped or closed and cannot change',
  NOTHING_TO_CANCEL: 'nothing on the order is left to cancel',
  PARTIAL_CANCEL_AFTER_RELEASE: 'part of a released fulfilment cannot be cancelled',
  WMS_CANNOT_CANCEL: 'the warehouse cannot cancel that fulfilment',
  RESERVATION_CLOSED: 'the reservation is committed, released or expired',
  EXCEPTION_CLOSED: 'the intake exception was discarded (or replayed) and cannot be acted on',
  EXCEPTION_NOT_REPLAYABLE:
    "the intake exception's record cannot be read again: its plugin cannot map a stored record (no mapRecord)",
  RETURN_CLOSED: 'the return is already received or closed',
  INBOUND_SUPPLY_CLOSED: 'the inbound supply is received in full or cancelled and cannot change',
  NO_RETURN_LOCATION: 'no active location accepts returns',
  PRICES_NOT_ACCEPTED: 'the channel instance does not accept prices',
  RULE_SET_EXISTS: 'a rule set by that id exists already',
  VERSION_NOT_DRAFT: 'the rule set version is not a draft',
  VERSION_IMMUTABLE: 'a published rule set version cannot change',
  KIT_IMMUTABLE: "a kit's bill of materials cannot change once defined; define a new sku",
  KIT_SKU_IN_USE:
    'the sku has stock, orders, pools, reservations or is a component, so it cannot become a kit',
  // The hub itself
  CONFIG_INVALID: 'the plugin config file or an instance config is invalid',
  UNAVAILABLE: 'a service the hub needs is unavailable; try again',
  DATABASE_UNAVAILABLE: 'the database is unreachable; nothing was accepted, try again',
  PRECONDITION_FAILED:
    'If-Match names a state of the resource that is no longer current; read it again (the answer names the current one)',
  IDEMPOTENCY_KEY_REUSED:
    'the Idempotency-Key was first sent with another request; a key stands for one request',
  IDEMPOTENCY_KEY_IN_USE:
    'a request with this Idempotency-Key is still being answered; retry to get its answer',
  DRAINING:
    'the hub is shutting down: /ready answers this so balancers send elsewhere; requests still in flight finish',
  INTERNAL: 'an unexpected error; it has been logged',
  // Last, so the compiler refuses a hub code that repeats a plugin code (TS2783).
  ...pluginErrorCodes,
} as const

export type ErrorCode = keyof typeof errorCodes

export interface FieldIssue {
  field: string
  message: string
}

export abstract class SwitchyardError extends Error {
  abstract readonly code: ErrorCode
  /** The kind of failure, which the server maps to a status. */
  abstract readonly kind:
    | 'validation'
    | 'not_found'
    | 'conflict'
    | 'precondition'
    | 'forbidden'
    | 'unavailable'
    | 'internal'
  readonly details: Record<string, unknown> | undefined
  constructor(message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.details = details
  }
}

export class ValidationError extends SwitchyardError {
  readonly code: ErrorCode
  readonly kind = 'validation' as const
  readonly issues: FieldIssue[]
  constructor(message: string, issues: FieldIssue[], code: ErrorCode = 'VALIDATION_FAILED') {
    super(message)
    this.code = code
    this.issues = issues
  }
}

export class UnknownSkuError extends ValidationError {
  constructor(issues: FieldIssue[]) {
    super('order references unknown skus', issues, 'UNKNOWN_SKU')
  }
}

export class NotFoundError extends SwitchyardError {
  readonly code: ErrorCode
  readonly kind = 'not_found' as const
  constructor(what: string, id: string, code: ErrorCode = 'NOT_FOUND') {
    super(`${what} '${id}' not found`, { [what]: id })
    this.code = code
  }
}

export class ConflictError extends SwitchyardError {
  readonly code: ErrorCode
  readonly kind = 'conflict' as const
  constructor(message: string, code: ErrorCode = 'CONFLICT', details?: Record<string, unknown>) {
    super(message, details)
    this.code = code
  }
}

/**
 * A write made on the strength of a state the resource no longer has (If-Match): another writer got
 * there first. `details.current` names what the resource is now.
 */
export class PreconditionFailedError extends SwitchyardError {
  readonly code = 'PRECONDITION_FAILED'
  readonly kind = 'precondition' as const
  constructor(message: string, current: Record<string, unknown>) {
    super(message, { current })
  }
}

export class IllegalTransitionError extends SwitchyardError {
  readonly code = 'ILLEGAL_TRANSITION'
  readonly kind = 'conflict' as const
  constructor(
    readonly from: string,
    readonly to: string,
    readonly orderId?: string,
  ) {
    super(`an order in state '${from}' cannot move to '${to}'`, { from, to, ...(orderId ? { orderId } : {}) })
  }
}

export class ServiceUnavailableError extends SwitchyardError {
  readonly code: ErrorCode
  readonly kind = 'unavailable' as const
  constructor(message: string, code: ErrorCode = 'UNAVAILABLE', options?: { cause?: unknown }) {
    super(message, undefined, options)
    this.code = code
  }
}

export function isSwitchyardError(value: unknown): value is SwitchyardError {
  return value instanceof SwitchyardError
}
