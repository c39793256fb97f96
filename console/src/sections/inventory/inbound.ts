/** What the inbound supply panel can do to a supply, and how each is named on the page. */
export type SupplyAction = 'expect' | 'delay' | 'receive' | 'cancel'

export const supplyAction: Record<SupplyAction, { label: string; title: string; confirm: string }> = {
  expect: { label: 'Expect supply…', title: 'Expect', confirm: 'Expect it' },
  delay: { label: 'Delay…', title: 'Delay', confirm: 'Move the date' },
  receive: { label: 'Receive…', title: 'Receive', confirm: 'Receive' },
  cancel: { label: 'Cancel…', title: 'Cancel', confirm: 'Cancel the supply' },
}

/** A day as the hub takes it (YYYY-MM-DD) that exists on the calendar: not 30 February. */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text
}
