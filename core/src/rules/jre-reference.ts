import { Engine } from 'json-rules-engine'
import type { Facts } from './compile'
import type { RuleProperties } from './rule-types'

export interface ReferenceEvent {
  name: string
  priority: number
  type: string
  params: Record<string, unknown> | undefined
}

/**
 * Evaluates rules with json-rules-engine itself: the reference semantics. A fresh Engine per call,
 * because one Engine shared by overlapping `run()`s silently skips lower-priority rules
 * (json-rules-engine #303). Slow (milliseconds per run): for tests, benchmarks and simulations that
 * ask for it, never for intake.
 */
export async function evaluateWithEngine(
  rules: readonly RuleProperties[],
  facts: Facts,
): Promise<ReferenceEvent[]> {
  const engine = new Engine([], { allowUndefinedFacts: true })
  rules.forEach((r, index) => {
    // `structuredClone`: the engine mutates condition objects while it runs.
    const copy = structuredClone(r) as RuleProperties & { name?: unknown }
    engine.addRule({
      ...copy,
      name: copy.name === undefined ? `rule[${index}]` : copy.name,
    } as never)
  })
  const { results } = await engine.run({ ...facts })
  return results.map((r) => ({
    name: String(r.name),
    priority: r.priority ?? 1,
    type: r.event!.type,
    params: r.event!.params as Record<string, unknown> | undefined,
  }))
}
