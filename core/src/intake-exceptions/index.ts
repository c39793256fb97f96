export { untakeableReasons } from './exception-reasons'
export {
  type ExceptionReason,
  type ExceptionStatus,
  exceptionStatuses,
  IntakeException,
  IntakeExceptionSchema,
} from './intake-exception.entity'
export {
  type CapturedException,
  type CaptureListener,
  IntakeExceptions,
  type ReceivedInput,
  type Reparse,
  type ReplayOutcome,
  ROUTING_HEADERS,
  type TakeOutcome,
} from './intake-exception-service'
export type { ExceptionFilter, ExceptionRecord, StoredPayload } from './intake-exception-store'
export { MAX_PAYLOAD_BYTES, payloadBytes } from './payload-text'
