export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 10 * 60_000 }

/**
 * Exponential backoff with full jitter (AWS architecture blog's recommendation): spreads retries of
 * many messages to a recovering peer. A peer's Retry-After wins when it asks for longer.
 */
export function nextDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs?: number,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1))
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2)
  return retryAfterMs !== undefined ? Math.max(jittered, Math.min(retryAfterMs, policy.maxMs)) : jittered
}
