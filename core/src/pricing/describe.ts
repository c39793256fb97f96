import type { QuotedLine } from './quote'

/**
 * One sentence per priced line, from its steps: "12.99 from list retail-nzd 14.00, volume break
 * (breaks) 13.30, up to an ending of 0.99 (end99)". Built on request (API answers), never while
 * quoting.
 */
export function describeLine(line: Pick<QuotedLine, 'sku' | 'unitPrice' | 'steps' | 'error'>): string {
  if (line.unitPrice === null) return `${line.sku}: no price (${line.error ?? 'unpriced'})`
  const parts = line.steps.map((s, i) => {
    const by = s.rule ? ` (${s.rule})` : ''
    if (i === 0) return `${s.detail} ${s.to}${by}`
    return `${s.action === 'volumeBreak' ? 'volume break' : s.action} ${s.to}${by}`
  })
  return `${line.sku} at ${line.unitPrice}: ${parts.join(', then ')}`
}
