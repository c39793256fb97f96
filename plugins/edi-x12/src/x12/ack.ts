import { type FunctionalGroup, groupIsClean, type Interchange } from './parse'

type Segs = (string | undefined)[][]

/** The 997 body for one received group: AK1, per set AK2 [AK3 AK4…] AK5, then AK9. */
export function ack997(group: FunctionalGroup, options: { rejectAll: boolean }): Segs {
  const body: Segs = [['AK1', group.functionalId, group.control]]
  let accepted = 0
  for (const set of group.sets) {
    body.push(['AK2', set.id, set.control])
    for (const e of set.segmentErrors.slice(0, 20)) {
      body.push(['AK3', e.segment, String(e.position), undefined, e.code])
      if (e.element)
        body.push([
          'AK4',
          String(e.element.position),
          undefined,
          e.element.code,
          e.element.value?.slice(0, 99),
        ])
    }
    const clean = set.errors.length === 0 && set.segmentErrors.length === 0
    if (clean && !options.rejectAll) {
      accepted++
      body.push(['AK5', 'A'])
    } else {
      const codes = [
        ...new Set([...set.errors.map((e) => e.code), ...(set.segmentErrors.length ? ['5'] : [])]),
      ]
      body.push(['AK5', 'R', ...codes.slice(0, 5)])
    }
  }
  const groupCodes = [...new Set(group.errors.map((e) => e.code))].slice(0, 5)
  const status =
    accepted === group.sets.length && groupCodes.length === 0
      ? 'A'
      : accepted === 0 || groupCodes.length > 0
        ? 'R'
        : 'P'
  body.push([
    'AK9',
    status,
    String(group.declaredSets ?? group.sets.length),
    String(group.sets.length),
    String(status === 'R' ? 0 : accepted),
    ...groupCodes,
  ])
  return body
}

/** TA1: the interchange acknowledgement, for problems in the ISA/IEA envelope itself. */
export function ta1(interchange: Interchange, at: Date): Segs {
  const code = interchange.errors[0]?.code ?? '000'
  const date = at.toISOString().slice(2, 10).replace(/-/g, '')
  const time = at.toISOString().slice(11, 16).replace(':', '')
  return [['TA1', interchange.control, date, time, interchange.errors.length ? 'R' : 'A', code]]
}

export function interchangeIsClean(interchange: Interchange): boolean {
  return interchange.errors.length === 0 && interchange.groups.every(groupIsClean)
}
