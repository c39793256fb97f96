/**
 * Field names for issues. Browser-safe, exported as `@switchyard/plugin-sdk/issues`: the editor runs
 * the hub's rule validation, which names fields with it.
 */
import type { z } from 'zod'
import type { PayloadIssue } from './errors'

/**
 * `['lines', 0, 'quantity']` → `lines[0].quantity`: the way integrators read a field name, and
 * the one way the hub writes a zod issue's path (core, server and plugins). `root` names the
 * empty path (`(body)` for a request body).
 */
export function formatPath(path: readonly PropertyKey[], root = '(root)'): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out || root
}

/** A zod error as field issues, each path prefixed with `prefix`. */
export function zodIssues(
  error: z.ZodError,
  prefix: readonly PropertyKey[] = [],
  root?: string,
): PayloadIssue[] {
  return error.issues.flatMap((issue) =>
    // An unknown field is named itself, not its parent: that is where the typo is.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: formatPath([...prefix, ...issue.path, key], root),
          message: 'is not a known field',
        }))
      : [{ field: formatPath([...prefix, ...issue.path], root), message: issue.message }],
  )
}
