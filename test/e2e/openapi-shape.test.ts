import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'

interface Schema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, unknown>
  additionalProperties?: unknown
}
interface Response {
  description: string
  content?: Record<string, { schema: Schema }>
}
interface Operation {
  operationId?: string
  description?: string
  requestBody?: unknown
  responses: Record<string, Response>
}
interface Document {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> }
}

/**
 * The served document is what the editor's types are generated from and what integrators read:
 * every operation has a name, says the shape of each success, and documents its errors as problem+json.
 */
describe('openapi document', () => {
  let db: TestDb
  let hub: TestHub
  let doc: Document
  let operations: { where: string; op: Operation }[]

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    hub = await startTestHub(db, [])
    doc = (await hub.api('/openapi.json', { key: null })).body
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
    )
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]! : schema

  it('names every operation, once', () => {
    expect(operations.length).toBeGreaterThan(50)
    const ids = operations.map(({ where, op }) => {
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/)
      return op.operationId
    })
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('types every success: a JSON object with its properties, not an open record', () => {
    for (const { where, op } of operations) {
      const successes = Object.entries(op.responses).filter(([status]) => status.startsWith('2'))
      expect(successes.length, where).toBeGreaterThan(0)
      for (const [status, response] of successes) {
        if (status === '204') {
          expect(response.content, where).toBeUndefined()
          continue
        }
        // A server-sent event stream (GET /events) is text by nature: its only content type, with
        // each event's data typed by a schema the description names.
        if (response.content?.['text/event-stream']) {
          expect(Object.keys(response.content), where).toEqual(['text/event-stream'])
          expect(op.description, where).toMatch(/data: [A-Z][A-Za-z]+Event/)
          continue
        }
        const schema = resolve(response.content?.['application/json']?.schema ?? {})
        expect(schema.type, `${where} ${status}`).toBe('object')
        expect(Object.keys(schema.properties ?? {}).length, `${where} ${status}`).toBeGreaterThan(0)
      }
    }
  })

  it('documents every error as problem+json, 429 everywhere and 413 wherever a body is sent', () => {
    for (const { where, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (status.startsWith('2')) continue
        expect(Object.keys(response.content ?? {}), `${where} ${status}`).toEqual([
          'application/problem+json',
        ])
        expect(response.content!['application/problem+json']!.schema.$ref, `${where} ${status}`).toBe(
          '#/components/schemas/Problem',
        )
      }
      expect(op.responses['429']?.description, where).toContain('RATE_LIMITED')
      if (op.requestBody) expect(op.responses['413']?.description, where).toContain('BODY_TOO_LARGE')
      // A 404 or 409 says what is missing or in conflict on this route, by its code.
      for (const status of ['404', '409'])
        if (op.responses[status])
          expect(op.responses[status]!.description, `${where} ${status}`).toMatch(/`[A-Z_]+`/)
    }
  })
})
