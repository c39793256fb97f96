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
  return error.issues.map((issue) => ({
    field: formatPath([...prefix, ...issue.path]),
    message: issue.message,
  }))
}
