/**
 * Prices pasted from a spreadsheet or a CSV file: one `sku, amount` per line, separated by a comma,
 * a semicolon or a tab (what copying cells gives), an optional header line, an optional third
 * column (a currency, for costs). Amounts are decimals with a point; a thousands separator or a
 * currency sign is dropped. Each line that is not a price is reported by its number, so nothing is
 * imported half-read.
 */
export interface PastedRow {
  sku: string
  amount: string
  currency?: string
}

export interface PasteResult {
  rows: PastedRow[]
  errors: { line: number; message: string }[]
}

const AMOUNT = /^\d{1,15}(\.\d{1,6})?$/

function cells(line: string): string[] {
  const sep = line.includes('\t') ? '\t' : line.includes(';') ? ';' : ','
  return line.split(sep).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  )
}

export function parsePastedPrices(text: string): PasteResult {
  const rows: PastedRow[] = []
  const errors: PasteResult['errors'] = []
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (!line) return
    const [sku = '', rawAmount = '', currency] = cells(line)
    const amount = rawAmount.replace(/[$€£¥,\s]|NZD|AUD|USD/g, '')
    // A first line whose amount is a word is the header.
    if (i === 0 && !/\d/.test(rawAmount)) return
    if (!sku) errors.push({ line: i + 1, message: 'no sku' })
    else if (!AMOUNT.test(amount))
      errors.push({ line: i + 1, message: `'${rawAmount}' is not an amount like 12.50` })
    else
      rows.push({
        sku,
        amount,
        ...(currency && /^[A-Za-z]{3}$/.test(currency) ? { currency: currency.toUpperCase() } : {}),
      })
  })
  return { rows, errors }
}
