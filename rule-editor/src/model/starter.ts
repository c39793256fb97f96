import type { GraphDoc, RuleSetKind } from './graph-types'
import { importRules } from './import-rules'
import { autoLayout } from './layout'

/** A new rule set: the start, and for sourcing a fallback strategy that ships from anywhere. */
export function starterDoc(kind: RuleSetKind): GraphDoc {
  const doc: GraphDoc = importRules([], kind, { layout: false })
  if (kind !== 'sourcing') return doc
  return autoLayout({
    ...doc,
    nodes: [
      ...doc.nodes,
      {
        id: 'strategy-anywhere',
        type: 'strategy',
        position: { x: 300, y: 0 },
        data: {
          event: {
            type: 'strategy',
            params: {
              id: 'anywhere',
              label: 'Anywhere, backorder the rest',
              fallback: true,
              split: { policy: 'allowed', maxShipments: 3 },
              unfillable: { action: 'backorder' },
            },
          },
        },
      },
    ],
    edges: [
      {
        id: 'e-start-out-strategy-anywhere-in',
        source: 'start',
        sourceHandle: 'out',
        target: 'strategy-anywhere',
        targetHandle: 'in',
      },
    ],
  })
}
