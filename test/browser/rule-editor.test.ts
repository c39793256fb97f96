import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'
import { newPage, type Session, screenshot } from './support/browser'
import {
  compiledRules,
  connect,
  dragFromPalette,
  edgeCount,
  nodeIds,
  pick,
  selectNode,
  signIn,
  waitForCanvas,
  waitSaved,
} from './support/editor'
import { type EditorHub, startEditorHub } from './support/editor-hub'

/**
 * The rule editor in Debian's Chromium against a real hub (SQLite): an analyst builds "hazmat lines
 * only from hazmat-licensed locations" by dragging and connecting, simulates a hazmat order,
 * publishes, and a real order posted to the API is routed by the new version. Then the impact
 * preview, the diff of two versions, undo/redo, an invalid graph that cannot be published, and a
 * viewer who cannot edit. Screenshots of the main screens go to test/artifacts/browser/.
 *
 * The tests run in order and share the hub: each builds on the rule set the one before left.
 */
describe('rule editor in the browser', () => {
  let session: EditorHub
  let hub: TestHub
  let chromium: Session
  let analystKey: string
  let viewerKey: string
  let page: Page
  let setId = ''
  const nodes = { cond: '', restrict: '' }
  const orderIds: string[] = []

  const postHazmatOrder = async () => {
    const res = await hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder({}, [{ sku: 'SKU-C', quantity: 1 }]) },
    })
    expect(res.status).toBe(201)
    orderIds.push(res.body.orderId)
    const decision = await hub.api(`/api/v1/orders/${res.body.orderId}/decision`)
    expect(decision.status).toBe(200)
    return { orderId: res.body.orderId as string, decision: decision.body }
  }
  const allocatedAt = async (orderId: string) => {
    const o = await hub.api(`/api/v1/orders/${orderId}`)
    return [...new Set((o.body.allocations as { locationId: string }[]).map((a) => a.locationId))]
  }

  beforeAll(async () => {
    session = await startEditorHub({
      name: 'editor',
      channelId: 'web',
      secret: 'browser-channel-secret',
      // Camping gas (hazmat) is in stock at the Wellington store too, which is nearest to Wellington
      // orders: only a hazmat rule keeps it at the licensed Auckland DC.
      seed: (h) =>
        seedWorld(h.api, {
          stock: [
            { sku: 'SKU-A', locationId: 'akl', onHand: 100 },
            { sku: 'SKU-A', locationId: 'wlg', onHand: 20 },
            { sku: 'SKU-C', locationId: 'akl', onHand: 30 },
            { sku: 'SKU-C', locationId: 'wlg', onHand: 30 },
          ],
        }),
    })
    ;({ hub, chromium, page } = session)
    const analyst = await hub.api('/api/v1/keys', { body: { name: 'Ana Analyst', role: 'analyst' } })
    const viewer = await hub.api('/api/v1/keys', { body: { name: 'Vic Viewer', role: 'viewer' } })
    analystKey = analyst.body.token
    viewerKey = viewer.body.token
  })

  afterEach((ctx) => session?.screenshotIfFailed(ctx))

  afterAll(() => session?.stop())

  it('signs in with an API key and shows who is signed in', async () => {
    await page.goto('/')
    await screenshot(page, '01-sign-in')
    await page.getByTestId('api-key').fill('sy_not_a_key')
    await page.getByTestId('sign-in').click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('unknown or revoked')
    await signIn(page, analystKey)
    expect(await page.getByTestId('who').textContent()).toContain('analyst')
  })

  it('builds "hazmat lines only from hazmat-licensed locations" by dragging and connecting', async () => {
    await page.getByTestId('new-set').click()
    await page.getByTestId('new-set-name').fill('Hazmat routing')
    await page.getByTestId('new-set-create').click()
    await waitForCanvas(page)
    await waitSaved(page)
    expect(await nodeIds(page)).toEqual(['start', 'strategy-anywhere'])
    setId = (await page.evaluate(() => window.location.hash)).split('/')[2]!
    expect(setId).toBe('hazmat-routing')

    nodes.cond = await dragFromPalette(page, 'condition', 420, 120)
    // The new node is selected and the inspector edits it: the fact picker comes from the hub.
    await page.getByTestId('insp-fact').selectOption('line.hazmat')
    expect(await page.getByTestId('insp-operator').inputValue()).toBe('equal')
    expect(await page.getByTestId('insp-value').inputValue()).toBe('true')

    nodes.restrict = await dragFromPalette(page, 'action-restrict', 760, 120)
    await pick(page, 'insp-tags', 'hazmat-licensed')
    await page.getByTestId('insp-reason').fill('Dangerous goods only from licensed sites')

    const before = await edgeCount(page)
    await connect(page, 'start', 'out', nodes.cond)
    await connect(page, nodes.cond, 'true', nodes.restrict)
    await expect.poll(() => edgeCount(page)).toBe(before + 2)
    await waitSaved(page)

    const rules = await compiledRules(page)
    expect(rules).toContainEqual({
      name: nodes.restrict,
      conditions: { all: [{ name: nodes.cond, fact: 'line.hazmat', operator: 'equal', value: true }] },
      event: {
        type: 'restrict',
        params: { tags: ['hazmat-licensed'], reason: 'Dangerous goods only from licensed sites' },
      },
    })
    // The hub stored exactly what the canvas compiles to, with the graph beside it.
    const stored = await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)
    expect(stored.body.rules).toEqual(rules)
    expect(stored.body.graph.nodes.map((n: { id: string }) => n.id)).toContain(nodes.cond)
    await page.getByTestId('tab-problems').click()
    await page.getByTestId('no-problems').waitFor()
    await screenshot(page, '02-canvas-hazmat-rule')
  })

  it('refuses connections that make no sense while drawing, and says why', async () => {
    const before = await edgeCount(page)
    // Yes/no flows into a strategy's weights input: wrong kind of connection.
    await connect(page, nodes.cond, 'false', 'strategy-anywhere', 'criteria').catch(() => undefined)
    await page.mouse.up()
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Cannot connect')
    // Back into itself: a loop.
    await connect(page, nodes.cond, 'false', nodes.cond).catch(() => undefined)
    await page.mouse.up()
    expect(await edgeCount(page)).toBe(before)
  })

  it('simulates a hazmat order: the path is highlighted and the licensed location chosen', async () => {
    await page.getByTestId('tab-simulate').click()
    await page.getByTestId('sim-sku-0').selectOption('SKU-C')
    await page.getByTestId('sim-run').click()
    await page.getByTestId('sim-result').waitFor()
    expect(await page.getByTestId('sim-chosen').locator('li').first().getAttribute('data-location')).toBe(
      'akl',
    )
    expect(await page.getByTestId('sim-summary').textContent()).toBeTruthy()
    const state = (id: string) =>
      page.locator(`.react-flow__node[data-id="${id}"] .sy-node`).getAttribute('data-state')
    await expect.poll(() => state(nodes.cond)).toBe('true')
    expect(await state(nodes.restrict)).toBe('fired')
    expect(await page.locator('.react-flow__edge.sim-taken').count()).toBeGreaterThanOrEqual(2)
    // The Wellington store, nearer but not licensed, is named as left out by the rule.
    expect(
      await page.locator(`.react-flow__node[data-id="${nodes.restrict}"] .sy-note`).allTextContents(),
    ).toContain('left out Wellington store')
    await screenshot(page, '03-simulation-path')
  })

  it('publishes, and the hub routes a real order by the new version', async () => {
    // Before: nothing is live, so the built-in rules send the hazmat order to the nearest store.
    const first = await postHazmatOrder()
    expect(await allocatedAt(first.orderId)).toEqual(['wlg'])

    await page.getByTestId('publish').click()
    await page.getByTestId('publish-comment').fill('Hazmat only from licensed sites')
    await screenshot(page, '04-publish-dialog')
    await page.getByTestId('publish-confirm').click()
    await expect.poll(() => page.getByTestId('working-version').textContent()).toContain('live v1')
    const version = await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)
    expect(version.body.status).toBe('published')
    expect(version.body.comment).toBe('Hazmat only from licensed sites')
    expect(version.body.author).toBe('Ana Analyst')

    const second = await postHazmatOrder()
    expect(second.decision.ruleSetVersionId).toBe(version.body.id)
    expect(await allocatedAt(second.orderId)).toEqual(['akl'])
  })

  it('previews the impact of a change on real orders; each changed order opens its own simulation', async () => {
    await waitForCanvas(page)
    await selectNode(page, nodes.cond)
    await page.getByTestId('insp-fact').selectOption('line.highValue')
    await waitSaved(page)
    await expect.poll(() => page.getByTestId('working-version').textContent()).toContain('Draft v2')
    await page.getByTestId('tab-impact').click()
    await page.getByTestId('impact-run').click()
    await page.getByTestId('impact-result').waitFor()
    // Both hazmat orders go to Auckland under v1, and would go to the nearer store again without
    // the hazmat test (the first was routed before v1 went live; the preview compares rules, not history).
    expect(await page.getByTestId('impact-summary').textContent()).toMatch(/2 of 2 orders/)
    const changed = page.getByTestId('impact-order')
    expect(await changed.count()).toBe(2)
    for (const text of await changed.allTextContents())
      expect(text).toContain('Auckland DC → Wellington store')
    await screenshot(page, '05-impact-preview')
    await changed.first().click()
    await page.getByTestId('sim-result').waitFor()
    expect(await page.getByTestId('sim-chosen').locator('li').first().getAttribute('data-location')).toBe(
      'wlg',
    )
  })

  it('shows the difference between two versions on the canvas', async () => {
    await page.getByTestId('tab-versions').click()
    await page.getByTestId('diff-a').selectOption('1')
    await page.getByTestId('diff-b').selectOption('2')
    await page.getByTestId('diff-run').click()
    await page.getByTestId('diff-banner').waitFor()
    expect(await page.getByTestId('diff-banner').textContent()).toContain('1 changed')
    expect(
      await page.locator(`.react-flow__node[data-id="${nodes.cond}"] .sy-node`).getAttribute('data-diff'),
    ).toBe('changed')
    expect(
      await page.locator(`.react-flow__node[data-id="${nodes.restrict}"] .sy-node`).getAttribute('data-diff'),
    ).toBe('unchanged')
    await page.getByTestId('tab-inspect').click()
    expect(await page.getByTestId('diff-list').textContent()).toContain(
      'Fact: Line: hazmat → Line: high value',
    )
    await screenshot(page, '06-version-diff')
    await page.getByTestId('diff-exit').click()
  })

  it('undoes and redoes, a pasted selection being one step, and keeps edits over a reload', async () => {
    await waitForCanvas(page)
    const start = await compiledRules(page)
    const startIds = await nodeIds(page)
    const count = startIds.length
    await page.getByTestId('palette-action-hold').click()
    await expect.poll(async () => (await nodeIds(page)).length).toBe(count + 1)
    await page.getByTestId('insp-reason').fill('Check this order')
    const added = (await nodeIds(page)).find((id) => id.startsWith('hold-'))!
    // Select two nodes and paste them: one step.
    await page.locator(`.react-flow__node[data-id="${added}"] .sy-node-head`).click()
    await page
      .locator(`.react-flow__node[data-id="${nodes.restrict}"] .sy-node-head`)
      .click({ modifiers: ['Shift'] })
    await page.keyboard.press('ControlOrMeta+c')
    await page.keyboard.press('ControlOrMeta+v')
    await expect.poll(async () => (await nodeIds(page)).length).toBeGreaterThanOrEqual(count + 2)
    const afterPaste = (await nodeIds(page)).length
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
    await page.keyboard.press('ControlOrMeta+z')
    await expect.poll(async () => (await nodeIds(page)).length).toBe(count + 1)
    // The typed reason was one step, then the node itself.
    await page.keyboard.press('ControlOrMeta+z')
    await page.keyboard.press('ControlOrMeta+z')
    await expect.poll(async () => (await nodeIds(page)).length).toBe(count)
    expect(await compiledRules(page)).toEqual(start)
    await page.keyboard.press('ControlOrMeta+Shift+z')
    await page.keyboard.press('ControlOrMeta+Shift+z')
    await page.keyboard.press('ControlOrMeta+Shift+z')
    await expect.poll(async () => (await nodeIds(page)).length).toBe(afterPaste)
    await waitSaved(page)
    const edited = await compiledRules(page)
    await page.reload()
    await waitForCanvas(page)
    expect(await compiledRules(page)).toEqual(edited)
    expect((await nodeIds(page)).length).toBe(afterPaste)
    // Deleting a multi-selection is one step too; leave the rule set as this test found it.
    const extra = (await nodeIds(page)).filter((id) => !startIds.includes(id))
    await page.getByTestId('tab-inspect').click()
    for (const [i, id] of extra.entries())
      await page
        .locator(`.react-flow__node[data-id="${id}"] .sy-node-head`)
        .click(i ? { modifiers: ['Shift'] } : {})
    await page.keyboard.press('Delete')
    await expect.poll(() => nodeIds(page)).toEqual(startIds)
    await page.keyboard.press('ControlOrMeta+z')
    await expect.poll(async () => (await nodeIds(page)).length).toBe(afterPaste)
    await page.keyboard.press('ControlOrMeta+Shift+z')
    await expect.poll(() => nodeIds(page)).toEqual(startIds)
    await waitSaved(page)
    expect(await compiledRules(page)).toEqual(start)
  })

  it('tidies up without overlaps in one undo step, zooms, shows a minimap, and keeps unsaved moves over a reload', async () => {
    await page.getByTestId('tab-inspect').click()
    const boxes = () =>
      page.locator('.react-flow__node').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect()
          return { id: e.getAttribute('data-id'), x: r.x, y: r.y, w: r.width, h: r.height }
        }),
      )
    const positions = async () =>
      JSON.stringify((await boxes()).map((b) => [b.id, Math.round(b.x), Math.round(b.y)]))
    // Scatter one node, then tidy up.
    const node = page.locator(`.react-flow__node[data-id="${nodes.restrict}"] .sy-node-head`)
    const box = (await node.boundingBox())!
    await page.mouse.move(box.x + 20, box.y + 5)
    await page.mouse.down()
    await page.mouse.move(box.x - 300, box.y + 300, { steps: 6 })
    await page.mouse.up()
    const scattered = await positions()
    await page.getByTestId('tidy').click()
    await expect.poll(positions).not.toBe(scattered)
    const laid = await boxes()
    for (const a of laid)
      for (const b of laid)
        if (a.id !== b.id)
          expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true)
    const x = (id: string) => laid.find((b) => b.id === id)!.x
    expect(x('start')).toBeLessThan(x(nodes.cond))
    expect(x(nodes.cond)).toBeLessThan(x(nodes.restrict))
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
    await page.keyboard.press('ControlOrMeta+z')
    await page.getByTestId('tidy').click()
    // Zoom controls change the viewport; the minimap is there.
    const transform = () =>
      page.locator('.react-flow__viewport').evaluate((e) => (e as HTMLElement).style.transform)
    const before = await transform()
    await page.locator('.react-flow__controls-zoomin').click()
    await expect.poll(transform).not.toBe(before)
    expect(await page.locator('.react-flow__minimap').isVisible()).toBe(true)
    // Move a node and reload at once, before the autosave: the browser kept it.
    const again = (await node.boundingBox())!
    await page.mouse.move(again.x + 20, again.y + 5)
    await page.mouse.down()
    await page.mouse.move(again.x + 20, again.y + 160, { steps: 6 })
    await page.mouse.up()
    const moved = (await hub.api(`/api/v1/rules/sets/${setId}/versions/2`)).body.graph
    // Leaving with unsaved changes asks first.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type())
        void d.accept()
      }),
    )
    await page.reload()
    expect(await asked).toBe('beforeunload')
    await waitForCanvas(page)
    await waitSaved(page)
    const saved = (await hub.api(`/api/v1/rules/sets/${setId}/versions/2`)).body.graph
    const y = (g: { nodes: { id: string; position: { y: number } }[] }) =>
      g.nodes.find((n) => n.id === nodes.restrict)!.position.y
    expect(y(saved)).toBeGreaterThan(y(moved) + 50)
  })

  it('blocks publishing while errors remain; the problem list takes you to each', async () => {
    // A condition connected to nothing: the editor's own check.
    const loose = await dragFromPalette(page, 'condition', 300, 420)
    // A hold without a reason, on the path of every order: the hub refuses it too.
    const hold = await dragFromPalette(page, 'action-hold', 620, 420)
    await page.getByTestId('insp-reason').fill('')
    await connect(page, 'start', 'out', hold)
    await waitSaved(page)
    await page.getByTestId('tab-problems').click()
    const problem = page.locator(`[data-testid="problem"][data-node="${loose}"]`).first()
    await problem.waitFor()
    expect(await problem.textContent()).toContain('not connected to the start')
    await expect
      .poll(() => page.locator(`[data-testid="problem"][data-node="${hold}"]`).allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('reason')]))
    expect(await page.getByTestId('publish').isDisabled()).toBe(true)
    expect(await page.getByTestId('publish').textContent()).toMatch(/to fix/)
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
    await problem.click()
    expect(await page.locator(`.react-flow__node[data-id="${loose}"]`).getAttribute('class')).toContain(
      'selected',
    )
    await screenshot(page, '07-problems')
    // The hub refuses to publish the draft whatever a client does.
    const set = await hub.api(`/api/v1/rules/sets/${setId}`)
    const draft = set.body.versions.find((v: { status: string }) => v.status === 'draft').version
    const refused = await hub.api(`/api/v1/rules/sets/${setId}/versions/${draft}/publish`, {
      key: analystKey,
      body: { comment: 'sneaky' },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.code).toBe('RULES_INVALID')
    // Fixing both lifts the block.
    await page.keyboard.press('Delete')
    await selectNode(page, hold)
    await page.keyboard.press('Delete')
    await waitSaved(page)
    await expect.poll(() => page.getByTestId('publish').isDisabled()).toBe(false)
  })

  it('notices when another editor saved the same draft, and lets you take theirs', async () => {
    const other = await newPage(chromium, hub.url)
    try {
      await signIn(other.page, analystKey)
      await waitForCanvas(other.page)
      await selectNode(other.page, nodes.restrict)
      await other.page.getByTestId('insp-reason').fill('Changed in the other tab')
      await waitSaved(other.page)
      // Here, a change of our own: saving it would overwrite theirs.
      await selectNode(page, nodes.restrict)
      await page.getByTestId('insp-reason').fill('Changed here')
      await page.getByTestId('conflict-banner').waitFor()
      expect(await page.getByTestId('save-state').textContent()).toContain('someone else saved')
      const stored = await hub.api(`/api/v1/rules/sets/${setId}/versions/2`)
      expect(JSON.stringify(stored.body.rules)).toContain('Changed in the other tab')
      await page.getByTestId('conflict-theirs').click()
      await page.getByTestId('conflict-banner').waitFor({ state: 'detached' })
      await selectNode(page, nodes.restrict)
      expect(await page.getByTestId('insp-reason').inputValue()).toBe('Changed in the other tab')
      await waitSaved(page)
    } finally {
      await other.context.close()
    }
  })

  it('a viewer can look and simulate but cannot edit or publish', async () => {
    const viewer = await newPage(chromium, hub.url)
    try {
      await signIn(viewer.page, viewerKey)
      await viewer.page.getByTestId('read-only-banner').waitFor()
      await waitForCanvas(viewer.page)
      expect(await viewer.page.getByTestId('publish').count()).toBe(0)
      expect(await viewer.page.getByTestId('palette-condition').isDisabled()).toBe(true)
      const ids = await nodeIds(viewer.page)
      await selectNode(viewer.page, nodes.restrict)
      expect(await viewer.page.getByTestId('insp-tags').locator('input').first().isDisabled()).toBe(true)
      await viewer.page.keyboard.press('Delete')
      await viewer.page.keyboard.press('ControlOrMeta+z')
      expect(await nodeIds(viewer.page)).toEqual(ids)
      await screenshot(viewer.page, '08-viewer')
      // Viewers may simulate: a recent real order, picked from the list.
      await viewer.page.getByTestId('tab-simulate').click()
      const options = viewer.page.getByTestId('sim-source').locator('option')
      await expect.poll(() => options.count()).toBeGreaterThan(1)
      await viewer.page.getByTestId('sim-source').selectOption({ index: 1 })
      await viewer.page.getByTestId('sim-run').click()
      await viewer.page.getByTestId('sim-result').waitFor()
      expect(await viewer.page.getByTestId('sim-chosen').locator('li').count()).toBeGreaterThan(0)
      // Saving is refused by the hub as well.
      const set = await hub.api(`/api/v1/rules/sets/${setId}`)
      const v = set.body.versions.at(-1).version
      const put = await hub.api(`/api/v1/rules/sets/${setId}/versions/${v}`, {
        method: 'PUT',
        key: viewerKey,
        body: { rules: [] },
      })
      expect(put.status).toBe(403)
      // A key revoked while the editor is open: the next call signs out and says why.
      const me = await hub.api('/api/v1/me', { key: viewerKey })
      expect((await hub.api(`/api/v1/keys/${me.body.keyId}`, { method: 'DELETE' })).status).toBe(204)
      await viewer.page.getByTestId('sim-run').click()
      await viewer.page.getByTestId('api-key').waitFor()
      expect(await viewer.page.getByRole('alert').textContent()).toContain('no longer accepted')
    } finally {
      await viewer.context.close()
    }
  })

  it('rolls back to an earlier version as a new version, and publishing it makes it live', async () => {
    const v1 = await hub.api(`/api/v1/rules/sets/${setId}/versions/1`)
    await page.getByTestId('tab-versions').click()
    await screenshot(page, '09-versions')
    await page.getByTestId('rollback-1').click()
    // Rolling back asks first, saying what it does.
    expect(await page.getByRole('alertdialog').textContent()).toContain('A new draft is made from v1')
    await page.getByTestId('rollback-confirm').click()
    await expect.poll(() => page.getByTestId('working-version').textContent()).toMatch(/Draft v3/)
    await waitForCanvas(page)
    expect(await compiledRules(page)).toEqual(v1.body.rules)
    await waitSaved(page)
    await page.getByTestId('publish').click()
    await page.getByTestId('publish-comment').fill('Back to v1')
    await page.getByTestId('publish-confirm').click()
    await expect.poll(() => page.getByTestId('working-version').textContent()).toContain('live v3')
    const v3 = await hub.api(`/api/v1/rules/sets/${setId}/versions/3`)
    expect(v3.body.rules).toEqual(v1.body.rules)
    expect(v3.body.comment).toBe('Back to v1')
    const order = await postHazmatOrder()
    expect(order.decision.ruleSetVersionId).toBe(v3.body.id)
    expect(await allocatedAt(order.orderId)).toEqual(['akl'])
  })

  it('publishes with an effective-from time: the version waits until then', async () => {
    await selectNode(page, nodes.restrict)
    await page.getByTestId('insp-reason').fill('Licensed sites only (from tomorrow)')
    await waitSaved(page)
    await page.getByTestId('publish').click()
    await page.getByTestId('publish-comment').fill('Reworded')
    const tomorrow = new Date(Date.now() + 86_400_000)
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16)
    await page.getByTestId('publish-effective').fill(local)
    await page.getByTestId('publish-confirm').click()
    await page.getByTestId('publish-dialog').waitFor({ state: 'detached' })
    const set = await hub.api(`/api/v1/rules/sets/${setId}`)
    const latest = set.body.versions.at(-1)
    expect(latest.status).toBe('published')
    expect(Math.abs(Date.parse(latest.effectiveFrom) - tomorrow.getTime())).toBeLessThan(60_000)
    expect(set.body.liveVersion).toBe(3)
    await page.getByTestId('tab-versions').click()
    expect(await page.locator(`[data-version="${latest.version}"]`).textContent()).toContain('effective from')
  })

  it('imports rules JSON into a graph that compiles back to the same rules', async () => {
    const rules = [
      {
        name: 'big-orders',
        priority: 20,
        conditions: {
          any: [
            { fact: 'order.total', operator: 'greaterThan', value: 900 },
            { fact: 'order.tags', operator: 'contains', value: 'vip' },
          ],
        },
        event: { type: 'hold', params: { reason: 'Big or VIP' } },
      },
      {
        name: 'no-stores-for-heavy',
        conditions: {
          all: [
            { name: 'heavy', fact: 'order.weightKg', operator: 'greaterThan', value: 20 },
            { not: { name: 'is-store', fact: 'location.type', operator: 'equal', value: 'store' } },
          ],
        },
        event: { type: 'restrict', params: {} },
      },
      {
        name: 'main',
        conditions: { all: [] },
        event: {
          type: 'strategy',
          params: { id: 'main', fallback: true, criteria: { shippingCost: 5, transitDays: 2 } },
        },
      },
    ]
    await page.getByTestId('new-set').click()
    await page.getByTestId('new-set-name').fill('Imported')
    await page.getByTestId('new-set-create').click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('imported')
    await waitForCanvas(page)
    await page.getByTestId('tab-json').click()
    await page.getByTestId('import-open').click()
    await page.getByTestId('import-text').fill(JSON.stringify(rules))
    await page.getByTestId('import-apply').click()
    await expect
      .poll(() => nodeIds(page))
      .toEqual(expect.arrayContaining(['big-orders', 'heavy', 'no-stores-for-heavy', 'main', 'main-weights']))
    expect(await compiledRules(page)).toEqual(rules)
    await waitSaved(page)
    const stored = await hub.api('/api/v1/rules/sets/imported/versions/1')
    expect(stored.body.rules).toEqual(rules)
    // The imported `any` became a group node; a group nests in it from the inspector.
    const group = (await nodeIds(page)).find((id) => id.startsWith('group-'))!
    await selectNode(page, group)
    await page.getByTestId('insp-add-group').click()
    await page.getByTestId('insp-combinator-2').selectOption('all')
    await waitSaved(page)
    const nested = (await compiledRules(page))[0].conditions
    expect(nested).toEqual({
      any: [
        ...rules[0]!.conditions.any!,
        { all: [{ fact: 'order.country', operator: 'equal', value: 'NZ' }] },
      ],
    })
    // The group edits are undone one step each.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
    await page.keyboard.press('ControlOrMeta+z')
    await page.keyboard.press('ControlOrMeta+z')
    expect(await compiledRules(page)).toEqual(rules)
    // Importing is one step: undo brings the starter back.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
    await page.keyboard.press('ControlOrMeta+z')
    await expect.poll(() => nodeIds(page)).toEqual(['start', 'strategy-anywhere'])
  })

  it('says on a strategy which split rules override its split settings, and lists unknown action params', async () => {
    const rules = [
      {
        name: 'ship-complete',
        conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'complete' }] },
        event: { type: 'split', params: { policy: 'never' } },
      },
      {
        name: 'review-typo',
        conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'review' }] },
        event: { type: 'hold', params: { reason: 'Check it', bogus: 1 } },
      },
      {
        name: 'main',
        conditions: { all: [] },
        event: {
          type: 'strategy',
          params: { id: 'main', fallback: true, split: { policy: 'allowed', maxShipments: 3 } },
        },
      },
    ]
    await page.getByTestId('new-set').click()
    await page.getByTestId('new-set-name').fill('Split rules')
    await page.getByTestId('new-set-create').click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('split-rules')
    await waitForCanvas(page)
    await page.getByTestId('tab-json').click()
    await page.getByTestId('import-open').click()
    await page.getByTestId('import-text').fill(JSON.stringify(rules))
    await page.getByTestId('import-apply').click()
    await expect.poll(() => nodeIds(page)).toEqual(expect.arrayContaining(['ship-complete', 'main']))
    await waitSaved(page)
    await selectNode(page, 'main')
    expect(await page.getByTestId('insp-split-overridden').textContent()).toContain(
      '‘ship-complete’ (never split)',
    )
    await page.getByTestId('tab-problems').click()
    // The hub's own validation runs in the editor: named at once, and not again when the save's
    // report says the same.
    await expect
      .poll(() => page.locator('[data-testid="problem"][data-node="review-typo"]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/unknown parameter 'bogus'/)]))
    const typo = await page.locator('[data-testid="problem"][data-node="review-typo"]').allTextContents()
    expect(typo.filter((t) => t.includes("unknown parameter 'bogus'"))).toHaveLength(1)
    expect(await page.getByTestId('publish').isDisabled()).toBe(true)
  })

  it('keeps the start handle within the start node, so a node drawn close beside it is grabbed as itself', async () => {
    await page.getByTestId('new-set').click()
    await page.getByTestId('new-set-name').fill('Overlay drag')
    await page.getByTestId('new-set-create').click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('overlay-drag')
    await waitForCanvas(page)
    await waitSaved(page)
    // Selected, the start is drawn above every other node: its handle's hit area is what is left to check.
    await selectNode(page, 'start')
    const owner = (x: number, y: number) =>
      page.evaluate(
        ([px, py]) =>
          document.elementFromPoint(px!, py!)?.closest('.react-flow__node')?.getAttribute('data-id') ?? null,
        [x, y],
      )
    const box = (await page.locator('.react-flow__node[data-id="start"]').boundingBox())!
    const mid = box.y + box.height / 2
    // Just outside its right edge, where a neighbour may be drawn, is not the start's any more…
    expect(await owner(box.x + box.width + 2, mid)).not.toBe('start')
    // …while its handle, just inside, still starts a connection.
    const hit = await page.evaluate(
      ([px, py]) =>
        document.elementFromPoint(px!, py!)?.closest('.react-flow__handle')?.getAttribute('data-nodeid'),
      [box.x + box.width - 5, mid],
    )
    expect(hit).toBe('start')
  })

  it('moves a node dragged while a simulation draws nodes apart by the drag alone: the saved layout stays as drawn', async () => {
    const zoom = () =>
      page
        .locator('.react-flow__viewport')
        .evaluate((e) => Number(/scale\(([\d.]+)\)/.exec((e as HTMLElement).style.transform)?.[1] ?? 1))
    const drawn = (id: string) =>
      page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((e) => {
        const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec((e as HTMLElement).style.transform)!
        return { x: Number(m[1]), y: Number(m[2]) }
      })
    const saved = async (id: string) => {
      const set = await hub.api('/api/v1/rules/sets/overlay-drag')
      const draft = set.body.versions.find((v: { status: string }) => v.status === 'draft').version
      const v = await hub.api(`/api/v1/rules/sets/overlay-drag/versions/${draft}`)
      return (v.body.graph.nodes as { id: string; position: { x: number; y: number } }[]).find(
        (n) => n.id === id,
      )!.position
    }
    const drag = async (id: string, dx: number, dy: number) => {
      const head = (await page.locator(`.react-flow__node[data-id="${id}"] .sy-node-head`).boundingBox())!
      await page.mouse.move(head.x + 20, head.y + 5)
      await page.mouse.down()
      // React Flow starts the drag once the pointer has moved past its threshold, from there.
      await page.mouse.move(head.x + 22, head.y + 7)
      await page.mouse.move(head.x + 22 + dx, head.y + 7 + dy, { steps: 8 })
      await page.mouse.up()
    }
    await page.getByTestId('tab-inspect').click()
    // The start goes just below the strategy: when the simulation adds a line to the strategy, the
    // canvas draws the start lower to make room.
    const z = await zoom()
    const strategy = await drawn('strategy-anywhere')
    const strategyBox = (await page.locator('.react-flow__node[data-id="strategy-anywhere"]').boundingBox())!
    const start = await drawn('start')
    await drag('start', (strategy.x - start.x) * z, (strategy.y + strategyBox.height / z + 16 - start.y) * z)
    await waitSaved(page)
    await page.getByTestId('tab-simulate').click()
    await page.getByTestId('sim-sku-0').selectOption('SKU-A')
    await page.getByTestId('sim-run').click()
    await page.getByTestId('sim-result').waitFor()
    await expect
      .poll(() =>
        page.locator('.react-flow__node[data-id="strategy-anywhere"] .sy-node').getAttribute('data-state'),
      )
      .toBe('fired')
    const before = await saved('start')
    await expect.poll(async () => (await drawn('start')).y).toBeGreaterThan(before.y + 2)
    await drag('start', 60, 40)
    await waitSaved(page)
    const after = await saved('start')
    const z2 = await zoom()
    expect(Math.abs(after.x - (before.x + 60 / z2))).toBeLessThanOrEqual(2)
    expect(Math.abs(after.y - (before.y + 40 / z2))).toBeLessThanOrEqual(2)
  })
})
