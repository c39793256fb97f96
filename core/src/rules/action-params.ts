import type { z } from 'zod'

/** One problem with an action's params: where (relative to `event.params`) and what. */
export interface ParamIssue {
  /** `['bogus']`, `['filters', 'countries', 0]`, or `[]` for the params as a whole. */
  path: readonly PropertyKey[]
  message: string
}

/**
 * Checks an action's params against its schema. The schemas are strict: a key the action does not
 * know is an error at that key's own path (`.bogus`), so a misspelt setting is never silently
 * ignored. Shared by every rule set kind's validator.
 */
export function checkParams(
  schema: z.ZodType,
  params: unknown,
): { ok: true; data: unknown } | { ok: false; issues: ParamIssue[] } {
  const parsed = schema.safeParse(params ?? {})
  if (parsed.success) return { ok: true, data: parsed.data }
  const issues: ParamIssue[] = []
  for (const i of parsed.error.issues) {
    if (i.code === 'unrecognized_keys')
      for (const key of i.keys)
        issues.push({
          path: [...i.path, key],
          message: `unknown parameter '${[...i.path, key].join('.')}'`,
        })
    else issues.push({ path: i.path, message: i.message })
  }
  return { ok: false, issues }
}

/**
 * Params of a published rule, for the compilers. Versions published before params were checked
 * strictly may carry keys no action reads; they are dropped here (they never had an effect), so
 * such a version still compiles. Anything else wrong still throws.
 */
export function parsePublishedParams<T>(schema: z.ZodType<T>, params: unknown): T {
  const parsed = schema.safeParse(params ?? {})
  if (parsed.success) return parsed.data
  if (!parsed.error.issues.every((i) => i.code === 'unrecognized_keys')) throw parsed.error
  const copy = structuredClone(params) as Record<string, unknown>
  for (const i of parsed.error.issues) {
    if (i.code !== 'unrecognized_keys') continue
    let at: unknown = copy
    for (const p of i.path) at = (at as Record<PropertyKey, unknown>)[p as string]
    for (const key of i.keys) delete (at as Record<string, unknown>)[key]
  }
  return schema.parse(copy)
}
