import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { jsonResponse } from './json-response'

const answer = (text: string) => ({ status: 200, text })
const refusal = (fn: () => unknown): unknown => {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('it was accepted')
}

describe('jsonResponse', () => {
  it('reads JSON, and checks it against a schema when given one', () => {
    expect(jsonResponse(answer('{"total":2}'))).toEqual({ total: 2 })
    const schema = z.object({ orders: z.array(z.object({ orderId: z.string() })) })
    expect(jsonResponse(answer('{"orders":[{"orderId":"1"}]}'), { schema }).orders[0]!.orderId).toBe('1')
  })

  it('refuses text that is not JSON naming the body', () => {
    expect(refusal(() => jsonResponse(answer('<html>busy</html>'), { what: 'getOrders' }))).toMatchObject({
      code: 'SWITCHYARD_PLUGIN_PAYLOAD',
      message: 'getOrders is not JSON',
      issues: [{ field: '(body)' }],
    })
  })

  it('refuses an answer off the schema naming each field', () => {
    const schema = z.object({ orders: z.array(z.object({ orderId: z.string() })) })
    expect(refusal(() => jsonResponse(answer('{"orders":[{"orderId":1}]}'), { schema }))).toMatchObject({
      issues: [{ field: 'orders[0].orderId' }],
    })
  })
})
