import {
  type Condition,
  isAll,
  isAny,
  isNot,
  type JsonValue,
  type RuleProperties,
  type TopLevelCondition,
} from './core-rules'
import type { GraphDoc, GraphEdge, GraphNode, Leaf, RuleSetKind } from './graph-types'
import { GRAPH_SCHEMA_VERSION } from './graph-types'
import { autoLayout } from './layout'

/**
 * json-rules-engine rules → graph, without loss: compiling the graph gives back the same rules
 * (`compileGraph(importRules(r)).rules` deep-equals `r`). A top-level `all` of leaves becomes a
 * chain of condition nodes (a `{not: leaf}` is the leaf's `false` output); anything nested, and
 * any other top-level shape, becomes a group node holding that part of the tree as written.
 * Rule and condition names become node ids where they can; otherwise the node keeps the name.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message)
    this.name = 'ImportError'
  }
}

const RULE_KEYS = new Set(['name', 'priority', 'conditions', 'event'])

function isLeaf(c: Condition): boolean {
  return !isAll(c) && !isAny(c) && !isNot(c)
}

function onlyKeys(o: object, allowed: string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k))
}

export function importRules(
  input: readonly RuleProperties[],
  kind: RuleSetKind = 'sourcing',
  options: { layout?: boolean } = {},
): GraphDoc {
  if (!Array.isArray(input))
    throw new ImportError('rules must be a list (json-rules-engine RuleProperties[])', 'rules')
  const rules = JSON.parse(JSON.stringify(input)) as RuleProperties[]
  const nodes: GraphNode[] = [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: { kind } }]
  const edges: GraphEdge[] = []
  const used = new Set<string>(['start'])
  // Rule names first: they are the ids results map back to, so they get first claim on their names.
  const claim = (wanted: unknown): string | null => {
    if (typeof wanted !== 'string' || wanted.length === 0 || wanted.length > 200 || used.has(wanted))
      return null
    used.add(wanted)
    return wanted
  }
  const fresh = (prefix: string): string => {
    let i = 1
    while (used.has(`${prefix}-${i}`)) i++
    const id = `${prefix}-${i}`
    used.add(id)
    return id
  }
  const ruleIds = rules.map((r) => claim(r.name))
  const edge = (source: string, sourceHandle: string, target: string, targetHandle = 'in') => {
    edges.push({
      id: `e-${source}-${sourceHandle}-${target}-${targetHandle}`,
      source,
      sourceHandle,
      target,
      targetHandle,
    })
  }

  rules.forEach((rule, index) => {
    if (!rule || typeof rule !== 'object' || !rule.conditions || !rule.event)
      throw new ImportError('each rule needs conditions and an event', `rules[${index}]`)
    const id = ruleIds[index] ?? fresh('rule')
    const extra: Record<string, JsonValue> = {}
    for (const [k, v] of Object.entries(rule)) if (!RULE_KEYS.has(k)) extra[k] = v as JsonValue
    const event = { ...rule.event } as { type: string; params?: Record<string, JsonValue> }
    const isStrategy = event.type === 'strategy'
    let criteria: Record<string, number> | undefined
    if (isStrategy && event.params && Object.hasOwn(event.params, 'criteria')) {
      const { criteria: c, ...rest } = event.params
      if (c !== null && typeof c === 'object' && !Array.isArray(c)) {
        criteria = c as Record<string, number>
        event.params = rest
      }
    }
    nodes.push({
      id,
      type: isStrategy ? 'strategy' : 'action',
      position: { x: 0, y: 0 },
      data: {
        event,
        ...(ruleIds[index] === null ? { ruleName: rule.name === undefined ? null : rule.name } : {}),
        ...(rule.priority === undefined ? {} : { priority: rule.priority }),
        ...(Object.keys(extra).length ? { extra } : {}),
      },
    })
    if (criteria) {
      const sid = claim(`${id}-weights`) ?? fresh('weights')
      nodes.push({ id: sid, type: 'scoring', position: { x: 0, y: 0 }, data: { criteria } })
      edge(sid, 'weights', id, 'criteria')
    }

    const top = rule.conditions as Condition
    type Step =
      | { kind: 'leaf'; leaf: Condition; handle: 'true' | 'false' }
      | { kind: 'group'; tree: Condition }
    let steps: Step[] | null = null
    if (isAll(top) && onlyKeys(top, ['all'])) {
      steps = top.all.map((c): Step => {
        if (isLeaf(c)) return { kind: 'leaf', leaf: c, handle: 'true' }
        if (isNot(c) && onlyKeys(c, ['not']) && isLeaf(c.not))
          return { kind: 'leaf', leaf: c.not, handle: 'false' }
        return { kind: 'group', tree: c }
      })
      // A lone group would compile to its own tree, not to `{all: [tree]}`: keep the whole top instead.
      if (steps.length === 1 && steps[0]!.kind === 'group') steps = null
    }
    if (!steps) steps = [{ kind: 'group', tree: top }]

    let prev = { id: 'start', handle: 'out' }
    for (const step of steps) {
      let nid: string
      if (step.kind === 'leaf') {
        const { name, ...leaf } = step.leaf as Leaf & { name?: string }
        const claimed = claim(name)
        nid = claimed ?? fresh('cond')
        nodes.push({
          id: nid,
          type: 'condition',
          position: { x: 0, y: 0 },
          data: { leaf, ...(claimed ? {} : { name: name === undefined ? null : name }) },
        })
        edge(prev.id, prev.handle, nid)
        prev = { id: nid, handle: step.handle }
      } else {
        nid = fresh('group')
        nodes.push({
          id: nid,
          type: 'group',
          position: { x: 0, y: 0 },
          data: { tree: step.tree as TopLevelCondition },
        })
        edge(prev.id, prev.handle, nid)
        prev = { id: nid, handle: 'true' }
      }
    }
    edge(prev.id, prev.handle, id)
  })
  const doc: GraphDoc = { schemaVersion: GRAPH_SCHEMA_VERSION, kind, nodes, edges }
  return options.layout === false ? doc : autoLayout(doc)
}
