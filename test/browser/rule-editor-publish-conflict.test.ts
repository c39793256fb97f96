import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'
import { launch, newPage, type Session } from './support/browser'
import { buildEditor, signIn, waitForCanvas, waitSaved } from './support/editor'

/**
 * The editor publishes the draft only in the state it saved it (If-Match on the publish), and saves
 * changes kept in the browser over a reload only over the state they were made on: a save by
 * another editor in between is a conflict to resolve, never published or overwritten unnoticed.
 */
describe('rule editor: publishing a draft someone else saved since', () => {
  let db: TestDb
  let hub: TestHub
  let chromium: Session
  let context: BrowserContext
  let page: Page
  let analystKey = ''
  let setId = ''

  beforeAll(async () => {
    buildEditor()
    db = await createTestDb('sqlite')
    hub = await startTestHub(db, [])
    await seedWorld(hub.api)
    analystKey = (await hub.api('/api/v1/keys', { body: { name: 'Ana Analyst', role: 'analyst' } })).body
      .token
    chromium = await launch()
    ;({ context, page } = await newPage(chromium, hub.url))
  }, 120_000)

  afterAll(async () => {
    await context?.close()
    await chromium?.close()
    await hub?.stop()
    await db?.drop()
  })

  /** Another editor saves the draft, over the state it read (its own If-Match). */
  async function anotherEditorSaves(comment: string) {
    const draft = await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)
    expect(draft.body.status).toBe('draft')
    const res = await fetch(`${hub.url}/api/v1/rules/sets/${setId}/versions/1`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${analystKey}`,
        'content-type': 'application/json',
        'if-match': draft.body.etag,
      },
      body: JSON.stringify({ rules: draft.body.rules, graph: draft.body.graph, comment }),
    })
    expect(res.status).toBe(200)
  }

  async function newSet(name: string) {
    await page.getByTestId('new-set').click()
    await page.getByTestId('new-set-name').fill(name)
    await page.getByTestId('new-set-create').click()
    await expect
      .poll(() => page.evaluate(() => window.location.hash))
      .toContain(name.toLowerCase().replace(/ /g, '-'))
    await waitForCanvas(page)
    await waitSaved(page)
    setId = (await page.evaluate(() => window.location.hash)).split('/')[2]!
  }

  async function publish(comment: string) {
    await page.getByTestId('publish').click()
    await page.getByTestId('publish-comment').fill(comment)
    await page.getByTestId('publish-confirm').click()
  }

  it('refuses to publish over the other save, shows the conflict, and publishes once it is resolved', async () => {
    await signIn(page, analystKey)
    await newSet('Conflicting publish')
    expect((await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)).body.status).toBe('draft')

    await anotherEditorSaves('Theirs')
    await publish('Mine')
    await expect
      .poll(() => page.getByTestId('publish-dialog').textContent())
      .toContain('another editor saved this draft')
    await page.getByTestId('conflict-banner').waitFor()
    expect((await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)).body).toMatchObject({
      status: 'draft',
      comment: 'Theirs',
    })

    // Taking theirs reloads the draft as the hub holds it; publishing it then goes ahead.
    await page.getByTestId('publish-dialog').getByRole('button', { name: 'Cancel' }).click()
    await page.getByTestId('conflict-theirs').click()
    await page.getByTestId('conflict-banner').waitFor({ state: 'detached' })
    await waitForCanvas(page)
    await publish('Mine, after theirs')
    await page.getByTestId('publish-dialog').waitFor({ state: 'detached' })
    expect((await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)).body).toMatchObject({
      status: 'published',
      comment: 'Mine, after theirs',
    })
  })

  it('keeps changes over a reload with the tag they were made on: a save by another in between is a conflict', async () => {
    await newSet('Restored edits')
    const before = (await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)).body.graph.nodes.length
    // A change, kept in this browser at once; before the autosave another editor saves, then a reload.
    await page.getByTestId('palette-action-hold').click()
    await expect.poll(async () => (await page.locator('.react-flow__node').count()) > before).toBe(true)
    await anotherEditorSaves('Theirs, while mine waited')
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type())
        void d.accept()
      }),
    )
    await page.reload()
    expect(await asked).toBe('beforeunload')
    await waitForCanvas(page)
    // Saving the kept change names the state it was made on: theirs is not overwritten unnoticed.
    await page.getByTestId('conflict-banner').waitFor()
    const kept = (await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)).body
    expect(kept.comment).toBe('Theirs, while mine waited')
    expect(kept.graph.nodes).toHaveLength(before)
    // Keeping mine is a person's explicit choice, and then it is saved.
    await page.getByTestId('conflict-mine').click()
    await waitSaved(page)
    expect((await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)).body.graph.nodes.length).toBe(before + 1)
  })
})
