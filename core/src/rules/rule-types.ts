/**
 * The json-rules-engine rule format, as Switchyard stores it. These are the plain JSON shapes of
 * json-rules-engine 7.3 (`RuleProperties`), restricted to what can be persisted: no fact functions.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** The right-hand side may name another fact instead of a literal. */
export interface FactReference {
  fact: string
  path?: string
  params?: Record<string, JsonValue>
}

export interface LeafCondition {
  fact: string
  operator: string
  value: JsonValue | FactReference
  path?: string
  params?: Record<string, JsonValue>
  name?: string
  priority?: number
}

export interface AllCondition {
  all: Condition[]
  name?: string
  priority?: number
}

export interface AnyCondition {
  any: Condition[]
  name?: string
  priority?: number
}

export interface NotCondition {
  not: Condition
  name?: string
  priority?: number
}

export type Condition = LeafCondition | AllCondition | AnyCondition | NotCondition
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition

export interface RuleEvent {
  type: string
  params?: Record<string, JsonValue>
}

export interface RuleProperties {
  /** The editor's node id travels here, so results map back to the canvas. */
  name?: string
  priority?: number
  conditions: TopLevelCondition
  event: RuleEvent
}

export function isAll(c: Condition): c is AllCondition {
  return Object.hasOwn(c, 'all')
}
export function isAny(c: Condition): c is AnyCondition {
  return Object.hasOwn(c, 'any')
}
export function isNot(c: Condition): c is NotCondition {
  return Object.hasOwn(c, 'not')
}
export function isFactReference(v: unknown): v is FactReference {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'fact')
}
