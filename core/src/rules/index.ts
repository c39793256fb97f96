/**
 * @module @switchyard/core/rules
 * Rule sets: the json-rules-engine format, the typed fact catalogue, validation, compilation to
 * closures, and json-rules-engine itself as the reference evaluator.
 */
export {
  type CompiledRule,
  type ConditionTrace,
  compileRule,
  compileRules,
  decisiveLeaves,
  evaluateCompiled,
  type Facts,
  RuleCompileError,
  traceCondition,
} from './compile'
export {
  decoratorsByType,
  type FactDefinition,
  type FactScope,
  type FactType,
  factCatalog,
  factsById,
  operatorsByType,
} from './fact-catalog'
export { evaluateWithEngine, type ReferenceEvent } from './jre-reference'
export { baseOperators, operatorDecorators, resolveOperator } from './operators'
export { RuleIndex } from './rule-index'
export type { RuleSetKind, RuleSetVersionStatus } from './rule-set.entity'
export {
  RuleSetService,
  type RuleSetVersionView,
  type RuleSetView,
  type VersionInput,
} from './rule-set-service'
export type { Condition, JsonValue, RuleEvent, RuleProperties, TopLevelCondition } from './rule-types'
export { actionSchemas, actionTypes, type Criterion, criteria, defaultCriteria } from './sourcing-actions'
export {
  type MasterData,
  type RuleIssue,
  rulesShape,
  scopeOf,
  type ValidationReport,
  validateRules,
} from './validate'
