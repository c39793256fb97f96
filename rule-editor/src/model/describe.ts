import { criteriaLabels } from './actions'
import { factLabel, operatorLabels } from './catalogue'
import { type Condition, isAll, isAny, isFactReference, isNot, type LeafCondition } from './core-rules'

/** Plain-language text for conditions and actions, so nobody has to read JSON. */
export function describeValue(v: unknown): string {
  if (v === true) return 'yes'
  if (v === false) return 'no'
  if (v === null) return 'nothing'
  if (Array.isArray(v)) return v.length ? v.map(describeValue).join(', ') : '(none)'
  if (isFactReference(v)) return factLabel(v.fact)
  if (typeof v === 'string') return v === '' ? '(empty)' : v
  return JSON.stringify(v)
}

export function describeLeaf(leaf: Pick<LeafCondition, 'fact' | 'operator' | 'value'>): string {
  const parts = leaf.operator.split(':')
  const base = parts.pop()!
  const neg = parts.includes('not') ? 'not ' : ''
  return `${factLabel(leaf.fact)} ${neg}${operatorLabels[base] ?? base} ${describeValue(leaf.value)}`
}

export function describeCondition(c: Condition): string {
  if (isAll(c)) return c.all.length ? c.all.map((x) => wrap(x)).join(' and ') : 'always'
  if (isAny(c)) return c.any.length ? c.any.map((x) => wrap(x)).join(' or ') : 'always'
  if (isNot(c)) return `not (${describeCondition(c.not)})`
  return describeLeaf(c as LeafCondition)
}

function wrap(c: Condition): string {
  return isAll(c) || isAny(c) ? `(${describeCondition(c)})` : describeCondition(c)
}

/** Ids the hub keeps (locations, price lists) by the names an analyst knows them by. */
export type Names = ReadonlyMap<string, string>

function targets(p: Record<string, unknown>, tested: boolean, names?: Names): string {
  const parts: string[] = []
  const list = (k: string) => (Array.isArray(p[k]) ? (p[k] as string[]) : [])
  if (list('locations').length)
    parts.push(
      list('locations')
        .map((id) => names?.get(id) ?? id)
        .join(', '),
    )
  if (list('tags').length) parts.push(`locations tagged ${list('tags').join(' + ')}`)
  if (list('types').length) parts.push(`${list('types').join(' or ')} locations`)
  return parts.join('; ') || (tested ? 'the location tested' : 'every location')
}

/**
 * `locationTested`: the rule tests location facts, so an action without a target acts on that
 * location. `names`: location and price list names, so the text never shows an internal id.
 */
export function describeAction(
  type: string,
  params: Record<string, unknown> = {},
  locationTested = false,
  names?: Names,
): string {
  switch (type) {
    case 'exclude':
      return `Never ship from ${targets(params, locationTested, names)}`
    case 'restrict':
      return locationTested && !params.tags && !params.locations && !params.types
        ? 'Ship only from locations where the conditions hold'
        : `Ship only from ${targets(params, locationTested, names)}`
    case 'prefer':
      return `Prefer ${targets(params, locationTested, names)} (bonus ${params.bonus ?? 0.25})`
    case 'weight':
      return `${criteriaLabels[String(params.criterion)] ?? params.criterion} weight ${params.weight !== undefined ? `= ${params.weight}` : `× ${params.factor ?? 1}`}`
    case 'split': {
      if (params.policy === 'never') return 'Never split'
      const max = params.maxShipments ? `at most ${params.maxShipments} shipments` : 'split allowed'
      return params.minShipmentValue ? `${max}, each worth ≥ ${params.minShipmentValue}` : max
    }
    case 'shipTogether':
      return `Ship together (${params.group ?? 'one parcel'})`
    case 'hold':
      return `Hold: ${params.reason ?? ''}`
    case 'unfillable':
      return params.action === 'cancelAfter'
        ? `Cancel unfillable lines after ${params.days ?? 0} days`
        : 'Backorder unfillable lines'
    case 'serviceLevel':
      return `Service level → ${params.serviceLevel}`
    case 'shipToStore':
      return `Ship to the pickup store from ${targets(params, false, names)}`
    case 'priceList':
      return params.priceListId
        ? `Price from list ${names?.get(String(params.priceListId)) ?? params.priceListId}`
        : 'Price from list (choose one)'
    case 'markup':
    case 'discount': {
      const by =
        params.percent !== undefined
          ? `${params.percent} %`
          : `${params.amount ?? '?'}${params.currency ? ` ${params.currency}` : ''}`
      return `${type === 'markup' ? 'Add' : 'Take off'} ${by}`
    }
    case 'volumeBreaks': {
      const breaks = Array.isArray(params.breaks) ? (params.breaks as Record<string, unknown>[]) : []
      const one = (b: Record<string, unknown>) =>
        `${b.minQty}+: ${b.percent !== undefined ? `−${b.percent} %` : b.amount !== undefined ? `−${b.amount}` : `${b.price} each`}`
      return `Volume (${params.basis ?? 'line'}) ${breaks.map(one).join(', ') || '(no breaks)'}`
    }
    case 'round':
      return params.ending === 'whole' ? 'Round to whole amounts' : `End prices in ${params.ending ?? '?'}`
    case 'floor': {
      const parts = [
        params.minMarginPercent !== undefined ? `${params.minMarginPercent} %` : null,
        params.minMarginAmount !== undefined ? `${params.minMarginAmount}` : null,
      ].filter(Boolean)
      return `At least cost + ${parts.join(' or ') || '?'}`
    }
    default:
      return type
  }
}

const FIELD_WORDS: Record<string, string> = {
  'leaf.fact': 'Fact',
  'leaf.operator': 'Test',
  'leaf.value': 'Value',
  'event.type': 'Action',
  priority: 'Priority',
  criteria: 'Weight',
  tree: 'Conditions',
}

/** A changed setting in words: "leaf.fact" → "Fact", "event.params.tags" → "Tags", "criteria.transitDays" → "Weight: transit time". */
export function describeField(field: string): string {
  if (FIELD_WORDS[field]) return FIELD_WORDS[field]!
  if (field.startsWith('criteria.')) return `Weight: ${criteriaLabels[field.slice(9)] ?? field.slice(9)}`
  if (field.startsWith('tree.')) return 'Conditions'
  const last = field.replace(/^event\.params\./, '').replace(/^leaf\./, '')
  const words = last
    .replace(/\./g, ' ')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A changed value in words; facts by their labels. */
export function describeFieldValue(field: string, v: unknown): string {
  if (v === undefined) return '(none)'
  if (field === 'leaf.fact' && typeof v === 'string') return factLabel(v)
  if (field === 'leaf.operator' && typeof v === 'string') return operatorLabels[v] ?? v
  return describeValue(v)
}
