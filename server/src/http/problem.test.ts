import { ConflictError, IllegalTransitionError } from '@switchyard/core'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { toProblem } from './problem'

/** Domain errors reach the caller as problem+json with their status and code, never as a 500. */
describe('toProblem', () => {
  const answer = async (error: Error) => {
    const logged: unknown[] = []
    const app = new Hono()
    app.get('/', () => {
      throw error
    })
    app.onError((e, c) => toProblem(c, e, (x) => logged.push(x)))
    const res = await app.request('/')
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json(), logged }
  }

  it('maps an illegal order status move to 409 ILLEGAL_TRANSITION naming both states', async () => {
    const r = await answer(new IllegalTransitionError('shipped', 'released', 'o-1'))
    expect(r.status).toBe(409)
    expect(r.type).toBe('application/problem+json')
    expect(r.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      title: 'Conflict',
      details: { from: 'shipped', to: 'released', orderId: 'o-1' },
    })
    expect(r.logged).toEqual([])
  })

  it('maps a status that changed under the writer to 409 ORDER_STATUS_CHANGED', async () => {
    const r = await answer(new ConflictError('changed meanwhile', 'ORDER_STATUS_CHANGED', { expected: 'a' }))
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ code: 'ORDER_STATUS_CHANGED', details: { expected: 'a' } })
  })
})
