/**
 * The browser-safe parts of core's rules module, shared with the hub so that the editor and the
 * engine agree on the rule format, the operators and their semantics. Only files without node:
 * imports may be listed here (core/src/rules/validate.ts is not one of them: through
 * sourcing-actions.ts it reaches the plugin SDK's index and a MikroORM entity).
 */

// The hub's own rule validation, run in the browser as you draw (without master data: the hub adds
// the checks against live locations, tags and price lists when the draft is saved).
export { validatePricingRules } from '../../../core/src/pricing/validate-pricing'
export {
  type CompiledRule,
  type ConditionTrace,
  compileRules,
  evaluateCompiled,
  traceCondition,
} from '../../../core/src/rules/compile'
export {
  type FactDefinition,
  type FactType,
  factCatalog,
  operatorsByType,
} from '../../../core/src/rules/fact-catalog'
export { resolveOperator } from '../../../core/src/rules/operators'
export {
  type Condition,
  type FactReference,
  isAll,
  isAny,
  isFactReference,
  isNot,
  type JsonValue,
  type LeafCondition,
  type RuleEvent,
  type RuleProperties,
  type TopLevelCondition,
} from '../../../core/src/rules/rule-types'
export {
  type RuleIssue,
  type ValidationReport as RuleValidationReport,
  validateRules,
} from '../../../core/src/rules/validate'
