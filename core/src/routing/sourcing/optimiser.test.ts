import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXACT_POOL, type OptimiserInput, optimise } from './optimiser'

/** The engine passes typed arrays; the properties read plain ones. */
type ArrayInput = OptimiserInput & { cost: number[]; avail: number[][] }

const inputArb: fc.Arbitrary<ArrayInput> = fc
  .record({ lines: fc.integer({ min: 1, max: 4 }), candidates: fc.integer({ min: 1, max: 16 }) })
  .chain(({ lines, candidates }) =>
    fc.record({
      lines: fc.array(
        fc.record({ qty: fc.integer({ min: 1, max: 4 }), valueMinor: fc.integer({ min: 0, max: 5000 }) }),
        {
          minLength: lines,
          maxLength: lines,
        },
      ),
      cost: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), {
        minLength: candidates,
        maxLength: candidates,
      }),
      avail: fc.array(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: candidates, maxLength: candidates }),
        {
          minLength: lines,
          maxLength: lines,
        },
      ),
      groups: lines >= 2 ? fc.constantFrom([], [[0, 1]], [[0, lines - 1]]) : fc.constant([]),
      split: fc.record({
        allowed: fc.boolean(),
        maxShipments: fc.integer({ min: 1, max: 4 }),
        minShipmentValueMinor: fc.constantFrom(0, 0, 1500),
      }),
      splitPenalty: fc.constantFrom(0, 5, 20),
      allowPartial: fc.boolean(),
    }),
  ) as fc.Arbitrary<ArrayInput>

describe('optimiser', () => {
  it('never ships more than is there, nor beyond the split policy', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = optimise(input)
        if (!r) return
        const taken = new Map<string, number>()
        for (const [l, c, q] of r.assignments) {
          expect(q).toBeGreaterThan(0)
          taken.set(`${l}:${c}`, (taken.get(`${l}:${c}`) ?? 0) + q)
        }
        for (const [k, q] of taken) {
          const [l, c] = k.split(':').map(Number) as [number, number]
          expect(q).toBeLessThanOrEqual(input.avail[l]![c]!)
        }
        const used = new Set(r.assignments.map((a) => a[1]))
        expect(used.size).toBeLessThanOrEqual(input.split.allowed ? input.split.maxShipments : 1)
        // Every unit is either shipped or reported unfilled, exactly once.
        input.lines.forEach((line, l) => {
          const shipped = r.assignments.filter((a) => a[0] === l).reduce((s, a) => s + a[2], 0)
          const open = r.unfilled.filter((u) => u[0] === l).reduce((s, u) => s + u[1], 0)
          expect(shipped + open).toBe(line.qty)
        })
        expect(r.complete).toBe(r.unfilled.length === 0)
        if (!input.allowPartial) expect(r.complete).toBe(true)
        // Ship-together lines leave from one place.
        for (const g of input.groups) {
          const homes = new Set(r.assignments.filter((a) => g.includes(a[0])).map((a) => a[1]))
          expect(homes.size).toBeLessThanOrEqual(1)
        }
        // A split never leaves a shipment under the minimum value.
        if (used.size > 1)
          for (const c of used) {
            const value = r.assignments
              .filter((a) => a[1] === c)
              .reduce((s, [l, , q]) => s + (input.lines[l]!.valueMinor * q) / input.lines[l]!.qty, 0)
            expect(value).toBeGreaterThanOrEqual(input.split.minShipmentValueMinor)
          }
        // Same input, same answer.
        expect(optimise(input)).toEqual(r)
      }),
      { numRuns: 1500 },
    )
  })

  it('takes one location when one can ship everything, the cheapest of them', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const whole = input.cost.map((_, c) =>
          input.lines.every((line, l) => input.avail[l]![c]! >= line.qty),
        )
        const r = optimise(input)
        if (!whole.some(Boolean)) return
        expect(r?.candidates).toHaveLength(1)
        const best = Math.min(...input.cost.filter((_, c) => whole[c]))
        expect(input.cost[r!.candidates[0]!]).toBe(best)
      }),
      { numRuns: 1000 },
    )
  })

  it('finds the fewest shipments when few enough locations hold stock to search them all', () => {
    // Two lines, each only at its own location: a split of exactly two.
    const r = optimise({
      lines: [
        { qty: 1, valueMinor: 100 },
        { qty: 1, valueMinor: 100 },
      ],
      cost: Array.from({ length: EXACT_POOL }, (_, i) => i),
      avail: [
        Array.from({ length: EXACT_POOL }, (_, i) => (i === 7 ? 1 : 0)),
        Array.from({ length: EXACT_POOL }, (_, i) => (i === 9 ? 1 : 0)),
      ],
      groups: [],
      split: { allowed: true, maxShipments: 3, minShipmentValueMinor: 0 },
      splitPenalty: 10,
      allowPartial: false,
    })
    expect(r).toMatchObject({ candidates: [7, 9], complete: true, exact: true })
  })
})

describe('optimiser with whole lines (kits)', () => {
  const base = {
    cost: [1, 2],
    groups: [],
    split: { allowed: true, maxShipments: 5, minShipmentValueMinor: 0 },
    splitPenalty: 0,
  }

  it('ships a kit line whole from one location rather than splitting it', () => {
    // Location 0 (cheaper) can make 1 kit, location 1 can make 2: the line of 2 goes to location 1.
    const r = optimise({
      ...base,
      lines: [{ qty: 2, valueMinor: 100, whole: true }],
      avail: [[1, 2]],
      allowPartial: false,
    })
    expect(r?.assignments).toEqual([[0, 1, 2]])
  })

  it('leaves a kit line unfilled when no one location can make all of it', () => {
    const whole = optimise({
      ...base,
      lines: [{ qty: 3, valueMinor: 100, whole: true }],
      avail: [[2, 2]],
      allowPartial: true,
    })
    expect(whole?.assignments).toEqual([])
    expect(whole?.unfilled).toEqual([[0, 3]])
    // The same line of an ordinary sku splits 2 + 1.
    const split = optimise({
      ...base,
      lines: [{ qty: 3, valueMinor: 100 }],
      avail: [[2, 2]],
      allowPartial: false,
    })
    expect(split?.assignments).toEqual([
      [0, 0, 2],
      [0, 1, 1],
    ])
  })
})
