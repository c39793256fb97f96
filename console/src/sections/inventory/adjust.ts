/**
 * A stock adjustment from the console: one event for POST /inventory/adjustments. The event id makes
 * a double click (or a retried request) count once; the reason travels in the body, which the audit
 * trail keeps (the stock movement itself stores no reason today).
 */
export function adjustmentEvent(input: { sku: string; locationId: string; delta: number; reason: string }) {
  if (!Number.isInteger(input.delta) || input.delta === 0)
    throw new Error('the change is a whole number other than 0')
  if (!input.reason.trim()) throw new Error('say why the stock changes')
  return {
    source: 'console',
    events: [
      {
        eventId: newEventId(),
        sku: input.sku,
        locationId: input.locationId,
        delta: input.delta,
        reason: input.reason.trim(),
        occurredAt: new Date().toISOString(),
      },
    ],
  }
}

/** crypto.randomUUID needs a secure context: a hub served over plain HTTP on a LAN name is not one. */
function newEventId(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function' && globalThis.isSecureContext !== false)
    return `console-${c.randomUUID()}`
  return `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

/** "On hand goes from 10 to 7 (−3)": the confirmation's words. */
export function describeAdjustment(onHand: number, delta: number): string {
  const sign = delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`
  return `On hand goes from ${onHand} to ${onHand + delta} (${sign})`
}
