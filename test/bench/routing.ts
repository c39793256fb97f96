import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import {
  type CarrierLane,
  compileRuleSet,
  decide,
  decisionJson,
  LaneIndex,
  type LocationFacts,
  type ProductFacts,
  type RoutingRequest,
  StockLedger,
  type StockRow,
} from '@switchyard/core'
import { compileRules, evaluateCompiled, RuleIndex, type RuleProperties } from '@switchyard/core/rules'

/**
 * `pnpm bench routing`: full sourcing decisions (rules, candidate facts, optimiser, promise dates,
 * explanation) with a 100-rule set over 50 locations and 3-line orders, on one core; then rule
 * evaluation alone on the same rule JSON: compiled closures vs json-rules-engine `run()` vs
 * @gorules/zen-engine on the equivalent decision table, with every result cross-checked.
 * Then a growth table: decision time at 10/100/1,000/10,000 locations × 10/100/1,000 rules, and
 * the mean size of the stored decision (plan, explanation and summary, as the order store writes
 * them) for 3-line orders at 1,000 locations. Decisions are intake's (`compact`: candidates from
 * the stock ledger's sku → location index, the chosen and best alternatives written out).
 */
const requireFromCore = createRequire(createRequire(import.meta.url).resolve('@switchyard/core/package.json'))

let seed = 42
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!

const COUNTRIES = ['NZ', 'AU']
const LEVELS = ['standard', 'express', 'economy']
const CHANNELS = ['web', 'amazon', 'pos']
const TIERS = ['gold', 'silver', 'bronze']

export function locations(n: number): LocationFacts[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `L${String(i).padStart(4, '0')}`,
    name: `Location ${i}`,
    type: pick(['warehouse', 'store', '3pl'] as const),
    country: i % 5 === 0 ? 'AU' : 'NZ',
    region: null,
    postcode: null,
    lat: -35 - rnd() * 11,
    lon: 168 + rnd() * 10,
    timezone: 'Pacific/Auckland',
    tags: [rnd() < 0.4 ? 'hazmat-licensed' : 'general', ...(rnd() < 0.3 ? ['secure'] : [])],
    dailyCapacity: rnd() < 0.5 ? 500 : null,
    cutoffTime: '15:00',
    shipDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    handlingDays: rnd() < 0.2 ? 1 : 0,
    priority: Math.floor(rnd() * 100),
    acceptsReturns: true,
    wmsInstanceId: null,
  }))
}

/** Order-fact rules of 2–4 conditions each; the same JSON feeds all three evaluators. */
export function orderRules(n: number, locs: readonly LocationFacts[]): RuleProperties[] {
  const leaves = [
    () => ({
      fact: 'order.total',
      operator: pick(['greaterThan', 'lessThan', 'greaterThanInclusive', 'lessThanInclusive']),
      value: Math.round(rnd() * 400),
    }),
    () => ({ fact: 'order.country', operator: 'equal', value: pick(COUNTRIES) }),
    () => ({ fact: 'order.serviceLevel', operator: 'in', value: [pick(LEVELS), pick(LEVELS)] }),
    () => ({ fact: 'order.lineCount', operator: 'greaterThanInclusive', value: 1 + Math.floor(rnd() * 3) }),
    () => ({ fact: 'order.channel', operator: 'equal', value: pick(CHANNELS) }),
    () => ({ fact: 'order.customerTier', operator: 'in', value: [pick(TIERS)] }),
    () => ({ fact: 'order.weightKg', operator: 'lessThan', value: Math.round(rnd() * 10) }),
    () => ({ fact: 'order.hasHazmat', operator: 'equal', value: rnd() < 0.5 }),
  ]
  return Array.from({ length: n }, (_, i) => {
    const k = 2 + Math.floor(rnd() * 3)
    const chosen = [...leaves].sort(() => rnd() - 0.5).slice(0, k)
    const event =
      i % 3 === 0
        ? { type: 'prefer', params: { locations: [pick(locs).id], bonus: 0.1 } }
        : i % 3 === 1
          ? { type: 'exclude', params: { locations: [pick(locs).id], reason: 'bench' } }
          : {
              type: 'weight',
              params: { criterion: pick(['shippingCost', 'transitDays', 'distance']), factor: 1 + rnd() },
            }
    return {
      name: `r-${i}`,
      priority: 1 + (i % 3),
      conditions: { all: chosen.map((leaf, j) => ({ name: `r-${i}-c${j}`, ...leaf() })) },
      event,
    } as unknown as RuleProperties
  })
}

/** A sourcing set of `n` rules: order rules plus line, location and strategy rules. */
export function sourcingRules(n: number, locs: readonly LocationFacts[]): RuleProperties[] {
  const fixed: RuleProperties[] = [
    {
      name: 'hazmat',
      conditions: { all: [{ fact: 'line.hazmat', operator: 'equal', value: true }] },
      event: { type: 'restrict', params: { tags: ['hazmat-licensed'] } },
    },
    {
      name: 'secure',
      conditions: { all: [{ fact: 'line.highValue', operator: 'equal', value: true }] },
      event: { type: 'restrict', params: { tags: ['secure'] } },
    },
    {
      name: 'far-express',
      conditions: {
        all: [
          { fact: 'order.serviceLevel', operator: 'equal', value: 'express' },
          { fact: 'location.distanceKm', operator: 'greaterThan', value: 900 },
        ],
      },
      event: { type: 'exclude', params: { reason: 'too far for express' } },
    },
    {
      name: 'stores-full',
      conditions: {
        all: [
          { fact: 'location.type', operator: 'equal', value: 'store' },
          { fact: 'location.capacityLeft', operator: 'lessThan', value: 20 },
        ],
      },
      event: { type: 'exclude', params: {} },
    },
    {
      name: 'express',
      conditions: { all: [{ fact: 'order.serviceLevel', operator: 'equal', value: 'express' }] },
      event: {
        type: 'strategy',
        params: { id: 'express', sequence: 1, criteria: { transitDays: 10, shippingCost: 1 } },
      },
    },
    {
      name: 'domestic',
      conditions: { all: [] },
      event: {
        type: 'strategy',
        params: {
          id: 'domestic',
          sequence: 2,
          filters: { countries: 'destination' },
          split: { policy: 'allowed', maxShipments: 2 },
        },
      },
    },
    {
      name: 'fallback',
      conditions: { all: [] },
      event: {
        type: 'strategy',
        params: { id: 'fallback', fallback: true, split: { policy: 'allowed', maxShipments: 3 } },
      },
    },
  ]
  return [...fixed.slice(0, Math.min(n, fixed.length)), ...orderRules(Math.max(0, n - fixed.length), locs)]
}

const SKUS = Array.from({ length: 40 }, (_, i) => `SKU-${i}`)
const products = new Map<string, ProductFacts>(
  SKUS.map((sku, i) => [
    sku,
    {
      sku,
      name: sku,
      category: pick(['apparel', 'outdoor', 'electronics']),
      hazmat: i % 9 === 0,
      highValue: i % 13 === 0,
      weightGrams: 100 + Math.floor(rnd() * 2000),
      attributes: {},
      tags: [],
    },
  ]),
)

export function requests(count: number, locs: readonly LocationFacts[]): RoutingRequest[] {
  const rows: StockRow[] = []
  for (const l of locs)
    for (const sku of SKUS)
      if (rnd() < 0.6)
        rows.push({
          sku,
          location_id: l.id,
          on_hand: Math.floor(rnd() * 20),
          allocated: 0,
          reserved: 0,
          safety_stock: 0,
          protected: 0,
        })
  // Intake's view: the batch ledger, through one channel (its sku → location index included).
  const view = new StockLedger(rows).forChannel('web')
  const used = new Map<string, number>(locs.map((l) => [l.id, Math.floor(rnd() * 520)]))
  const capacity = { used: (loc: string) => used.get(loc) ?? 0 }
  const now = new Date('2026-11-24T01:00:00Z')
  return Array.from({ length: count }, (_, i) => ({
    order: {
      id: `o-${i}`,
      channelInstanceId: pick(CHANNELS),
      serviceLevel: pick(['standard', 'standard', 'express'] as const),
      shipTo: {
        line1: '1 Main St',
        country: pick(COUNTRIES),
        postcode: '6011',
        lat: -36 - rnd() * 10,
        lon: 170 + rnd() * 8,
      },
      placedAt: now,
      totalMinor: Math.floor(rnd() * 50_000),
      currency: 'NZD',
      tags: rnd() < 0.1 ? ['vip'] : [],
      customer: { tier: pick(TIERS), segment: null },
    },
    lines: Array.from({ length: 3 }, (_, j) => {
      const sku = pick(SKUS)
      return {
        lineId: `o-${i}-l${j}`,
        sku,
        quantity: 1 + Math.floor(rnd() * 3),
        product: products.get(sku)!,
        unitPriceMinor: 2490,
      }
    }),
    locations: locs,
    stock: view,
    capacity,
    now,
  }))
}

export function lanesFor(locs: readonly LocationFacts[]): LaneIndex {
  const lanes: CarrierLane[] = []
  for (const l of locs)
    for (const level of ['standard', 'express'] as const)
      lanes.push({
        id: `${l.id}-${level}`,
        carrier: 'NZP',
        serviceLevel: level,
        originLocationId: l.id,
        destCountry: 'NZ',
        destRegion: null,
        destPostcodePrefix: null,
        transitDays: (level === 'express' ? 1 : 2) + Math.floor(rnd() * 2),
        costMinor: 500 + Math.floor(rnd() * 1500),
        currency: 'NZD',
        calendarId: 'nzp',
      })
  return new LaneIndex({
    lanes,
    calendars: new Map([
      ['nzp', { id: 'nzp', name: 'NZ Post', nonDeliveryDays: ['sat', 'sun'], holidays: ['2026-12-25'] }],
    ]),
  })
}

export function timeDecisions(nLocations: number, nRules: number, iterations: number, weigh = false) {
  const locs = locations(nLocations)
  const ruleSet = compileRuleSet(sourcingRules(nRules, locs), {
    versionId: 'bench',
    settings: { timezone: 'Pacific/Auckland' },
  })
  const inputs = { ruleSet, lanes: lanesFor(locs) }
  const reqs = requests(Math.min(iterations, 500), locs)
  // Warm-up long enough for the optimising compiler to settle before anything is timed.
  for (let i = 0; i < Math.min(2_000, iterations); i++) decide(reqs[i % reqs.length]!, inputs, 'compact')
  const times: number[] = []
  const start = performance.now()
  for (let i = 0; i < iterations; i++) {
    const t = performance.now()
    decide(reqs[i % reqs.length]!, inputs, 'compact')
    times.push(performance.now() - t)
  }
  const elapsed = performance.now() - start
  times.sort((a, b) => a - b)
  // What the order store would write for these decisions: both JSON columns and the summary.
  let bytes = 0
  const weighed = weigh ? reqs.slice(0, 200) : []
  for (const r of weighed) {
    const plan = decide(r, inputs, 'compact')
    for (const text of [...decisionJson(plan), plan.summary]) bytes += Buffer.byteLength(text)
  }
  return {
    storedDecisionBytes: weighed.length === 0 ? null : bytes / weighed.length,
    perSec: (iterations / elapsed) * 1000,
    p50: times[Math.floor(times.length * 0.5)]!,
    p99: times[Math.floor(times.length * 0.99)]!,
    meanMs: elapsed / iterations,
  }
}

export function flatFacts(req: RoutingRequest): Record<string, unknown> {
  const o = req.order
  return {
    'order.total': o.totalMinor / 100,
    'order.country': o.shipTo.country,
    'order.serviceLevel': o.serviceLevel,
    'order.lineCount': req.lines.length,
    'order.channel': o.channelInstanceId,
    'order.customerTier': o.customer?.tier ?? null,
    'order.weightKg': req.lines.reduce((s, l) => s + (l.product.weightGrams ?? 0) * l.quantity, 0) / 1000,
    'order.hasHazmat': req.lines.some((l) => l.product.hazmat),
  }
}

/** The same rules as a zen decision table: one row per rule, one column per fact, collect hit policy. */
function zenTable(rules: readonly RuleProperties[]) {
  const facts = [
    ...new Set(rules.flatMap((r) => (r.conditions as { all: { fact: string }[] }).all.map((c) => c.fact))),
  ]
  const inputs = facts.map((f, i) => ({ id: `i${i}`, name: f, field: f }))
  const lit = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v))
  const cell = (c: { operator: string; value: unknown }) => {
    switch (c.operator) {
      case 'equal':
        return lit(c.value)
      case 'in':
        return (c.value as unknown[]).map(lit).join(', ')
      case 'greaterThan':
        return `> ${c.value}`
      case 'greaterThanInclusive':
        return `>= ${c.value}`
      case 'lessThan':
        return `< ${c.value}`
      case 'lessThanInclusive':
        return `<= ${c.value}`
    }
    throw new Error(`no zen cell for ${c.operator}`)
  }
  const rows = rules.map((r) => {
    const row: Record<string, string> = { _id: r.name!, o: JSON.stringify(r.name) }
    for (const [i, f] of facts.entries()) {
      const c = (r.conditions as { all: { fact: string; operator: string; value: unknown }[] }).all.find(
        (x) => x.fact === f,
      )
      row[`i${i}`] = c ? cell(c) : ''
    }
    return row
  })
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 't',
        type: 'decisionTableNode',
        name: 'Rules',
        position: { x: 0, y: 0 },
        content: {
          hitPolicy: 'collect',
          inputs,
          outputs: [{ id: 'o', name: 'rule', field: 'rule' }],
          rules: rows,
        },
      },
      { id: 'out', type: 'outputNode', name: 'Response', position: { x: 0, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 't', type: 'edge' },
      { id: 'e2', sourceId: 't', targetId: 'out', type: 'edge' },
    ],
  }
}

/** Dotted fact names as the nested object zen's field paths read. */
function nested(facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {}
  for (const [k, v] of Object.entries(facts)) {
    const [a, b] = k.split('.') as [string, string]
    out[a] ??= {}
    out[a][b] = v
  }
  return out
}

async function evaluationOnly() {
  const locs = locations(50)
  const rules = orderRules(100, locs)
  const samples = requests(1000, locs).map(flatFacts)
  const compiled = compileRules(rules)
  const index = new RuleIndex(compiled)
  const names = (list: readonly { name: string }[]) =>
    list
      .map((r) => r.name)
      .sort()
      .join()
  const fired = samples.map((f) => names(evaluateCompiled(compiled, f)))
  let indexMismatches = 0
  for (const [i, f] of samples.entries()) if (names(index.evaluate(f)) !== fired[i]) indexMismatches++

  // Compiled closures, as intake evaluates them (indexed on one equality condition per rule).
  let n = 0
  let t = performance.now()
  while (performance.now() - t < 2000)
    for (const f of samples) {
      index.evaluate(f)
      n++
    }
  const compiledPerSec = (n / (performance.now() - t)) * 1000
  // The same closures without the index: every rule tested.
  n = 0
  t = performance.now()
  while (performance.now() - t < 1000)
    for (const f of samples) {
      evaluateCompiled(compiled, f)
      n++
    }
  const unindexedPerSec = (n / (performance.now() - t)) * 1000

  // json-rules-engine run(), one engine used by one run at a time (never overlapping).
  const { Engine } = requireFromCore('json-rules-engine') as {
    Engine: new (
      rules: unknown,
      options: unknown,
    ) => { run(facts: Record<string, unknown>): Promise<{ results: { name: unknown }[] }> }
  }
  const engine = new Engine(structuredClone(rules) as never, { allowUndefinedFacts: true })
  let mismatches = indexMismatches
  for (const [i, f] of samples.entries()) {
    const r = await engine.run(f)
    if (
      r.results
        .map((x) => String(x.name))
        .sort()
        .join() !== fired[i]
    )
      mismatches++
  }
  n = 0
  t = performance.now()
  while (performance.now() - t < 3000)
    for (const f of samples.slice(0, 100)) {
      await engine.run(f)
      n++
    }
  const jrePerSec = (n / (performance.now() - t)) * 1000

  // zen-engine on the equivalent decision table, if it is installed.
  let zen: { perSec: number; mismatches: number } | { unavailable: string }
  try {
    const { ZenEngine } = requireFromCore('@gorules/zen-engine') as {
      ZenEngine: new () => {
        createDecision(b: Buffer): { evaluate(i: unknown): Promise<{ result: { rule: string }[] }> }
      }
    }
    const decision = new ZenEngine().createDecision(Buffer.from(JSON.stringify(zenTable(rules))))
    let zm = 0
    for (const [i, f] of samples.entries()) {
      const r = await decision.evaluate(nested(f))
      if (
        r.result
          .map((x) => x.rule)
          .sort()
          .join() !== fired[i]
      )
        zm++
    }
    n = 0
    t = performance.now()
    while (performance.now() - t < 2000)
      for (const f of samples.slice(0, 200)) {
        await decision.evaluate(nested(f))
        n++
      }
    zen = { perSec: (n / (performance.now() - t)) * 1000, mismatches: zm }
  } catch (error) {
    zen = { unavailable: (error as Error).message }
  }
  return {
    compiledPerSec,
    unindexedPerSec,
    jrePerSec,
    jreMismatches: mismatches,
    zen,
    samples: samples.length,
  }
}

export async function benchRouting(): Promise<Record<string, unknown>> {
  const full = timeDecisions(50, 100, 20_000)
  process.stdout.write(
    `full decision, 100 rules × 50 locations × 3 lines: ${full.perSec.toFixed(0)}/s  p50 ${full.p50.toFixed(3)} ms  p99 ${full.p99.toFixed(3)} ms\n`,
  )
  const evalOnly = await evaluationOnly()
  const zenLine =
    'perSec' in evalOnly.zen
      ? `${evalOnly.zen.perSec.toFixed(0)}/s (${evalOnly.zen.mismatches} mismatches)`
      : `not available: ${evalOnly.zen.unavailable}`
  process.stdout.write(
    `rule evaluation only (100 rules, ${evalOnly.samples} orders): compiled ${evalOnly.compiledPerSec.toFixed(0)}/s (without the index ${evalOnly.unindexedPerSec.toFixed(0)}/s), json-rules-engine run() ${evalOnly.jrePerSec.toFixed(0)}/s (${evalOnly.jreMismatches} mismatches), zen-engine ${zenLine}\n`,
  )
  process.stdout.write('growth: mean ms per full decision (3-line orders)\n')
  process.stdout.write(
    `${'locations \\ rules'.padEnd(18)}${[10, 100, 1000].map((r) => String(r).padStart(10)).join('')}\n`,
  )
  const growth: Record<string, Record<string, number>> = {}
  let storedDecisionBytes = 0
  for (const l of [10, 100, 1000, 10_000]) {
    const row: Record<string, number> = {}
    for (const r of [10, 100, 1000]) {
      const weigh = l === 1000 && r === 100
      const t = timeDecisions(l, r, l >= 10_000 ? 200 : l >= 1000 || r >= 1000 ? 300 : 2000, weigh)
      row[r] = Number(t.meanMs.toFixed(3))
      if (weigh) storedDecisionBytes = Math.round(t.storedDecisionBytes ?? 0)
    }
    growth[l] = row
    process.stdout.write(
      `${String(l).padEnd(18)}${[10, 100, 1000].map((r) => String(row[r]).padStart(10)).join('')}\n`,
    )
  }
  process.stdout.write(
    `stored decision, 3-line orders at 1,000 locations: ${storedDecisionBytes} bytes (plan, explanation, summary)\n`,
  )
  return {
    name: 'routing',
    decisionsPerSec: Math.round(full.perSec),
    p99Ms: Number(full.p99.toFixed(3)),
    compiledVsJre: Math.round(evalOnly.compiledPerSec / evalOnly.jrePerSec),
    compiledVsZen:
      'perSec' in evalOnly.zen ? Math.round(evalOnly.compiledPerSec / evalOnly.zen.perSec) : null,
    mismatches: evalOnly.jreMismatches + ('perSec' in evalOnly.zen ? evalOnly.zen.mismatches : 0),
    evaluationsPerSec: {
      compiled: Math.round(evalOnly.compiledPerSec),
      jsonRulesEngine: Math.round(evalOnly.jrePerSec),
      zen: 'perSec' in evalOnly.zen ? Math.round(evalOnly.zen.perSec) : null,
    },
    growthMeanMs: growth,
    storedDecisionBytes,
  }
}
