import type { HubContext } from '../hub-context'

/**
 * Every intake exception stored is one warn line (instance, external order id, codes) and, when it
 * is new, one count per reason code. Each occurrence is logged: a partner sending the same bad
 * order again is worth seeing.
 */
export function watchIntakeExceptions(hub: Pick<HubContext, 'core' | 'logger' | 'metrics'>): void {
  hub.core.intakeExceptions.onCaptured((e) => {
    const codes = [...new Set(e.reasons.map((r) => r.code))]
    if (e.occurrences === 1)
      for (const reason of codes)
        hub.metrics.intakeExceptionsCreated.inc({ instance: e.channelInstanceId, reason })
    hub.logger.warn(
      {
        instance: e.channelInstanceId,
        externalOrderId: e.externalOrderId,
        exceptionId: e.id,
        occurrences: e.occurrences,
        reasons: codes,
      },
      'order kept as an intake exception',
    )
  })
}

/** The open-exceptions gauge, set from the database at scrape time (every hub sees every exception). */
export async function refreshOpenExceptions(hub: Pick<HubContext, 'core' | 'metrics'>): Promise<void> {
  const counts = await hub.core.intakeExceptions.openCountsByReason()
  // Reset first, so a pair whose exceptions were all closed shows nothing rather than a stale count.
  hub.metrics.intakeExceptionsOpen.reset()
  for (const c of counts)
    hub.metrics.intakeExceptionsOpen.set({ instance: c.channelInstanceId, reason: c.code }, c.count)
}
