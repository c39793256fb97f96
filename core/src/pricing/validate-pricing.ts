import { formatPath } from '@switchyard/plugin-sdk/issues'
import { checkParams } from '../rules/action-params'
import { checkRuleConditions, type MasterData, type RuleIssue } from '../rules/check-conditions'
import type { RuleProperties } from '../rules/rule-types'
import { shapeIssues, type ValidationReport } from '../rules/validate'
import { fraction } from './money-math'
import { type PricingActionType, pricingActionSchemas, pricingActionTypes } from './pricing-actions'
import { pricingFactsById } from './pricing-facts'

/** What pricing rules are checked against besides the shared master data. */
export interface PricingMasterData extends MasterData {
  priceLists?: readonly string[]
}

/**
 * Checks a pricing rule set before it is saved or published: the json-rules-engine shape, the
 * pricing fact catalogue (same checks as sourcing: unknown facts, operators and values that do not
 * fit), the action parameters, known price lists and channels. Every issue names the rule.
 */
export function validatePricingRules(input: unknown, master?: PricingMasterData): ValidationReport {
  const errors: RuleIssue[] = []
  const warnings: RuleIssue[] = []
  const shapeErrors = shapeIssues(input)
  if (shapeErrors) return { valid: false, errors: shapeErrors, warnings }
  const rules = input as RuleProperties[]
  const names = new Set<string>()
  rules.forEach((rule, index) => {
    const name = rule.name ?? `rule[${index}]`
    const field = `rules[${index}]`
    if (rule.name !== undefined) {
      if (names.has(rule.name))
        errors.push({
          code: 'DUPLICATE_RULE_NAME',
          rule: name,
          field: `${field}.name`,
          message: `rule name '${rule.name}' is used twice (names carry editor node ids)`,
        })
      names.add(rule.name)
    }
    const checked = checkRuleConditions(rule, index, pricingFactsById, master)
    errors.push(...checked.errors)
    const type = rule.event.type as PricingActionType
    if (!pricingActionTypes.includes(type)) {
      errors.push({
        code: 'UNKNOWN_ACTION',
        rule: name,
        field: `${field}.event.type`,
        message: `unknown pricing action '${rule.event.type}'; one of ${pricingActionTypes.join(', ')}`,
      })
      return
    }
    const params = checkParams(pricingActionSchemas[type], rule.event.params)
    if (!params.ok) {
      for (const i of params.issues)
        errors.push({
          code: 'INVALID_ACTION',
          rule: name,
          field: formatPath([field, 'event', 'params', ...i.path]),
          message: i.message,
        })
      return
    }
    const p = params.data as Record<string, unknown>
    if (type === 'priceList' && master?.priceLists && !master.priceLists.includes(p.priceListId as string))
      errors.push({
        code: 'UNKNOWN_PRICE_LIST',
        rule: name,
        field: `${field}.event.params.priceListId`,
        message: `no price list '${p.priceListId as string}'`,
      })
    if (type === 'round' && p.ending !== 'whole') {
      const ending = fraction((p.ending as string).startsWith('.') ? `0${p.ending}` : (p.ending as string))
      const every = fraction((p.every as string | undefined) ?? '1')
      if (ending.n * every.d >= every.n * ending.d)
        errors.push({
          code: 'INVALID_ACTION',
          rule: name,
          field: `${field}.event.params.ending`,
          message: `ending ${p.ending as string} must be less than every ${(p.every as string | undefined) ?? '1'}`,
        })
    }
    if (checked.never)
      warnings.push({
        code: 'RULE_NEVER_FIRES',
        rule: name,
        field: `${field}.conditions`,
        message: `rule can never apply: ${checked.never}`,
      })
  })
  return { valid: errors.length === 0, errors, warnings }
}
