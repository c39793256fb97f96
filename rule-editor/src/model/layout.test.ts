import { describe, expect, it } from 'vitest'
import type { GraphDoc } from './graph-types'
import { freeSpot, NODE_SIZE } from './layout'

describe('a new node lands in free space', () => {
  const doc: GraphDoc = {
    schemaVersion: 1,
    kind: 'sourcing',
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: { kind: 'sourcing' } },
      {
        id: 'c',
        type: 'condition',
        position: { x: 300, y: 0 },
        data: { leaf: { fact: 'order.total', operator: 'greaterThan', value: 1 } },
      },
    ],
    edges: [],
  }
  const size = NODE_SIZE.action
  const overlaps = (p: { x: number; y: number }) =>
    doc.nodes.some((n) => {
      const s = NODE_SIZE[n.type]
      return !(
        p.x + size.width <= n.position.x ||
        n.position.x + s.width <= p.x ||
        p.y + size.height <= n.position.y ||
        n.position.y + s.height <= p.y
      )
    })

  it('keeps the wanted spot when it is free', () => {
    expect(freeSpot(doc, { x: 0, y: 400 }, size)).toEqual({ x: 0, y: 400 })
  })

  it('moves off a node to the nearest free spot', () => {
    const p = freeSpot(doc, { x: 310, y: 10 }, size)
    expect(overlaps(p)).toBe(false)
    expect(Math.hypot(p.x - 310, p.y - 10)).toBeLessThan(200)
  })
})

describe('overlays never make nodes overlap', () => {
  it('moves a node down below one that grew over it, and leaves the others', async () => {
    const { makeRoom } = await import('./layout')
    const room = makeRoom([
      { id: 'a', x: 0, y: 0, width: 200, height: 160 },
      { id: 'b', x: 0, y: 100, width: 200, height: 80 },
      { id: 'c', x: 400, y: 100, width: 200, height: 80 },
    ])
    expect(room.get('a')).toEqual({ x: 0, y: 0 })
    expect(room.get('b')).toEqual({ x: 0, y: 172 })
    expect(room.get('c')).toEqual({ x: 400, y: 100 })
  })
})

describe('a node dragged while an overlay draws it apart', () => {
  it('saves its own position moved by the drag, not where the overlay drew it', async () => {
    const { draggedTo } = await import('./layout')
    // Saved at y 100, drawn 60 px lower to make room, dragged 10 right and 5 down from there.
    expect(draggedTo({ x: 40, y: 100 }, { x: 40, y: 160 }, { x: 50, y: 165 })).toEqual({ x: 50, y: 105 })
    // Without an overlay the drawn position is the saved one: the drop is saved as it is.
    expect(draggedTo({ x: 40, y: 100 }, { x: 40, y: 100 }, { x: 12.4, y: 7.6 })).toEqual({ x: 12, y: 8 })
  })
})
