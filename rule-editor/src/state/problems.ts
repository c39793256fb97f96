import type { ValidationReport } from '../api/client'
import type { Catalogue } from '../model/catalogue'
import { type CompileResult, nodeForField } from '../model/compile-graph'
import { checkGraph } from '../model/graph-checks'
import type { GraphDoc } from '../model/graph-types'

export interface Problem {
  severity: 'error' | 'warning'
  source: 'editor' | 'hub'
  message: string
  nodeId?: string
}

/**
 * The editor's own checks, and the hub's validation of the saved draft, each mapped to the node it
 * is about (through the compiled rules' source map). The hub's report counts only while it is about
 * the document on screen, i.e. once the last change is saved.
 */
export function collectProblems(
  doc: GraphDoc,
  catalogue: Catalogue,
  compiled: CompileResult,
  validation: ValidationReport | null,
  saved: boolean,
): Problem[] {
  const local: Problem[] = checkGraph(doc, catalogue, compiled).map((i) => ({
    severity: i.severity,
    source: 'editor',
    message: i.message,
    ...(i.nodeId ? { nodeId: i.nodeId } : {}),
  }))
  const hub: Problem[] = []
  if (validation && saved) {
    const byName = new Map(compiled.rules.map((r, i) => [r.name, compiled.ruleNodes[i]!]))
    for (const [severity, list] of [
      ['error', validation.errors],
      ['warning', validation.warnings],
    ] as const)
      for (const issue of list) {
        // The editor says this one already, in the same words.
        if (issue.code === 'NO_FALLBACK' && local.some((l) => l.message.startsWith('no fallback'))) continue
        const nodeId = nodeForField(compiled, issue.field) ?? byName.get(issue.rule)
        hub.push({
          severity,
          source: 'hub',
          message: `${issue.message} (hub: ${issue.code})`,
          ...(nodeId ? { nodeId } : {}),
        })
      }
  }
  return [...local, ...hub].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
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
