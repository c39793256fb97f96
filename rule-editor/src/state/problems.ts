import type { ValidationReport } from '../api/client'
import type { Catalogue } from '../model/catalogue'
import { type CompileResult, nodeForField } from '../model/compile-graph'
import { type RuleIssue, validatePricingRules, validateRules } from '../model/core-rules'
import { moneyWithoutCurrency } from '../model/currency-check'
import { checkGraph } from '../model/graph-checks'
import type { GraphDoc } from '../model/graph-types'
import { unseenValueWarnings } from '../model/seen-values'
import { staleTextMessage, staleTexts } from '../model/stale-text'
import type { CompareBase } from './use-compare-base'

export interface Problem {
  severity: 'error' | 'warning'
  source: 'editor' | 'hub'
  message: string
  nodeId?: string
}

/**
 * The editor's graph checks, the hub's own rule validation run here on the compiled rules (so a
 * wrong action parameter shows while drawing, in the hub's words), and the hub's validation of the
 * saved draft (which adds live master data: locations, tags, price lists), each mapped to the node
 * it is about through the compiled rules' source map. The saved report counts only while it is
 * about the document on screen, i.e. once the last change is saved; an issue the browser already
 * found is not repeated. Against `base` (the version the draft replaces, or the one chosen), text
 * that still quotes a condition's old value is flagged.
 */
export function collectProblems(
  doc: GraphDoc,
  catalogue: Catalogue,
  compiled: CompileResult,
  validation: ValidationReport | null,
  saved: boolean,
  base: CompareBase | null = null,
): Problem[] {
  const graph = checkGraph(doc, catalogue, compiled)
  const local: Problem[] = graph.map((i) => ({
    severity: i.severity,
    source: 'editor',
    message: i.message,
    ...(i.nodeId ? { nodeId: i.nodeId } : {}),
  }))
  for (const w of unseenValueWarnings(doc, catalogue))
    local.push({ severity: 'warning', source: 'editor', message: w.message, nodeId: w.nodeId })
  for (const w of moneyWithoutCurrency(doc, catalogue))
    local.push({ severity: 'warning', source: 'editor', message: w.message, nodeId: w.nodeId })
  for (const t of staleTexts(doc, base?.doc ?? null))
    local.push({
      severity: 'warning',
      source: 'editor',
      message: staleTextMessage(t, base!.label),
      nodeId: t.nodeId,
    })
  const byName = new Map(compiled.rules.map((r, i) => [r.name, compiled.ruleNodes[i]!]))
  const nodeOf = (issue: RuleIssue) => nodeForField(compiled, issue.field) ?? byName.get(issue.rule)
  const here = (doc.kind === 'pricing' ? validatePricingRules : validateRules)(compiled.rules)
  const seen = new Set([...here.errors, ...here.warnings].map((i) => `${i.code} ${i.field}`))
  // The graph checks say these already, about the same node, in the editor's words.
  const saidAlready = (issue: RuleIssue) => {
    const nodeId = nodeOf(issue)
    const code = graphCodeOf(issue)
    return graph.some((g) => g.code === code && (code === 'NO_FALLBACK' || g.nodeId === nodeId))
  }
  const rules: Problem[] = []
  for (const [severity, list] of [
    ['error', here.errors],
    ['warning', here.warnings],
  ] as const)
    for (const issue of list) {
      if (saidAlready(issue)) continue
      const nodeId = nodeOf(issue)
      rules.push({ severity, source: 'editor', message: issue.message, ...(nodeId ? { nodeId } : {}) })
    }
  const hub: Problem[] = []
  if (validation && saved) {
    for (const [severity, list] of [
      ['error', validation.errors],
      ['warning', validation.warnings],
    ] as const)
      for (const issue of list) {
        // Said already, by the graph checks or by the same validation run here.
        if (seen.has(`${issue.code} ${issue.field}`) || saidAlready(issue)) continue
        const nodeId = nodeForField(compiled, issue.field) ?? byName.get(issue.rule)
        hub.push({
          severity,
          source: 'hub',
          message: `${issue.message} (hub: ${issue.code})`,
          ...(nodeId ? { nodeId } : {}),
        })
      }
  }
  return [...local, ...rules, ...hub].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  )
}

/** The graph check that reports the same thing as a hub issue, by the hub's code and field. */
function graphCodeOf(issue: RuleIssue): string {
  if (issue.code === 'RULE_NEVER_FIRES' || issue.code === 'STRATEGY_NEVER_APPLIES') return 'NEVER_FIRES'
  if (/\.conditions(\.|\[|$)/.test(issue.field) && issue.code !== 'SCOPE_MISMATCH') return 'CONDITION'
  return issue.code
}

export function countByNode(problems: readonly Problem[]): Map<string, { errors: number; warnings: number }> {
  const m = new Map<string, { errors: number; warnings: number }>()
  for (const p of problems)
    if (p.nodeId) {
      const c = m.get(p.nodeId) ?? { errors: 0, warnings: 0 }
      if (p.severity === 'error') c.errors++
      else c.warnings++
      m.set(p.nodeId, c)
    }
  return m
}
