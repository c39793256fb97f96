import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer } from '../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { launch, newPage, type Session, screenshot } from './support/browser'
import { buildEditor, compiledRules, selectNode, signIn, waitForCanvas, waitSaved } from './support/editor'

/**
 * The "done when", as the README's quick start leaves a newcomer: the demo hub with its
 * seeded world, rules and orders. Open the editor, change the demo sourcing rules (hold orders
 * over 100 instead of over 5,000), see the impact on the demo orders, publish: no JSON read.
 */
describe('the demo journey in the browser', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let chromium: Session
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    buildEditor()
    db = await createTestDb('sqlite')
    channel = await RestChannelPeer.start('demo-journey-secret')
    hub = await startTestHub(
      db,
      [
        {
          id: 'demo-web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'DEMO_SECRET' }, callbackUrl: channel.callbackUrl },
        },
      ],
      { SWITCHYARD_DEMO: '1', DEMO_SECRET: channel.secret },
    )
    chromium = await launch()
    ;({ context, page } = await newPage(chromium, hub.url))
    page.on('pageerror', (e) => {
      throw e
    })
  })

  afterAll(async () => {
    await context?.close()
    await chromium?.close()
    await hub?.stop()
    await channel?.close()
    await db?.drop()
  })

  it('opens the demo rules, changes one, previews the impact on the demo orders and publishes', async () => {
    await signIn(page, hub.adminKey)
    await waitForCanvas(page)
    // The demo set was seeded as rules only; the editor draws it from them.
    expect(await page.getByTestId('working-version').textContent()).toContain('live v1')
    const seeded = await hub.api('/api/v1/rules/sets/default-sourcing/versions/1')
    expect(await compiledRules(page)).toEqual(seeded.body.rules)
    await screenshot(page, '10-demo-rules')

    await selectNode(page, 'c-total-over-5000')
    await page.getByTestId('insp-value').fill('100')
    await waitSaved(page)
    expect(await page.getByTestId('working-version').textContent()).toContain('Draft v2')

    await page.getByTestId('tab-impact').click()
    await page.getByTestId('impact-run').click()
    await page.getByTestId('impact-result').waitFor()
    const summary = (await page.getByTestId('impact-summary').textContent()) ?? ''
    const [, changed, total] = /(\d+) of (\d+) orders/.exec(summary) ?? []
    expect(Number(total)).toBe(24)
    expect(Number(changed)).toBeGreaterThan(0)
    expect(await page.getByTestId('impact-order').count()).toBe(Number(changed))
    expect(await page.getByTestId('impact-changed').textContent()).toContain('(held)')
    await screenshot(page, '11-demo-impact')

    await page.getByTestId('publish').click()
    await page.getByTestId('publish-comment').fill('Hold every order over 100 for a look')
    await page.getByTestId('publish-confirm').click()
    await expect.poll(() => page.getByTestId('working-version').textContent()).toContain('live v2')
    const sets = await hub.api('/api/v1/rules/sets')
    expect(sets.body.items.find((s: { id: string }) => s.id === 'default-sourcing').liveVersion).toBe(2)
  })
})
