import type { z } from 'zod'
import type { PayloadIssue } from './errors'

/** `['lines', 0, 'quantity']` → `lines[0].quantity`: the way integrators read a field name. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out || '(root)'
}

export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): PayloadIssue[] {
  return error.issues.flatMap((issue) =>
    // An unknown field is named itself, not its parent: that is where the typo is.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: formatPath([...prefix, ...issue.path, key]),
          message: 'is not a known field',
        }))
      : [{ field: formatPath([...prefix, ...issue.path]), message: issue.message }],
  )
}
