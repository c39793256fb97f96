import { createServer } from 'node:net'
import { join } from 'node:path'
import { type RunningHub, readSettings, startHub } from '@switchyard/server'
import pino from 'pino'
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

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  await new Promise((r) => server.close(r))
  return port
}

/**
 * The README's quick start as a newcomer meets it (no config file, SQLite, nothing set): one list
 * with the storefront's, the marketplace's and the EDI partner's orders; a held one found, its
 * reason read, released and followed to shipped without reloading; the open exception and the
 * dead letter where the console says they are.
 */
describe('the quick-start demo shows one view', () => {
  let db: TestDb
  let hub: RunningHub
  let chromium: Session
  let context: BrowserContext
  let page: Page
  let adminKey = ''

  beforeAll(async () => {
    buildEditor()
    db = await createTestDb('sqlite')
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...db.env,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      SWITCHYARD_DEMO_SHIP_DELAY_MS: '500',
      SWITCHYARD_DEMO_EDI_MAILBOX: join(db.env.SWITCHYARD_DATA_DIR!, 'edi-mailbox'),
      LOG_LEVEL: 'silent',
    }
    for (const k of ['SWITCHYARD_CONFIG', 'SWITCHYARD_DEMO', 'DATABASE_URL']) delete env[k]
    let announced = ''
    hub = await startHub(readSettings(env), {
      env,
      logger: pino({ level: 'silent' }),
      announce: (t) => {
        announced += t
      },
    })
    adminKey = hub.bootstrapKey ?? /sy_[A-Za-z0-9_-]+/.exec(announced)![0]
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
    await db?.drop()
  })

  it('lists every demo channel together, and a held order goes to shipped after its release', async () => {
    await page.goto('/')
    await page.getByTestId('api-key').fill(adminKey)
    await page.getByTestId('sign-in').click()
    await page.getByTestId('order-row').first().waitFor()
    // The EDI partner's purchase orders arrive with the X12 plugin's first mailbox poll; the list is live.
    const table = async () => (await page.getByTestId('orders-table').textContent()) ?? ''
    await expect.poll(table, { timeout: 15_000 }).toContain('PO-4500')
    expect(await table()).toContain('503-0000000-')
    expect(await table()).toContain('DEMO-SEED-')
    await screenshot(page, '12-demo-one-view')

    await page.getByTestId('queue-held').click()
    await expect.poll(() => page.getByTestId('order-row').count()).toBeGreaterThanOrEqual(2)
    await page.getByTestId('orders-q').fill('DEMO-SEED-024')
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(1)
    await page.getByTestId('order-row').first().click()
    await page.getByTestId('order-page').waitFor()
    expect(await page.getByTestId('hold-reason').textContent()).toContain('5,000')
    await page.getByTestId('act-release').click()
    await page.getByTestId('release-reason').fill('Checked: a real customer')
    await page.getByTestId('release-dialog-confirm').click()
    await expect
      .poll(() => page.getByTestId('order-page').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('shipped')
    await screenshot(page, '13-demo-released-shipped')

    await page.getByTestId('nav-exceptions').click()
    await expect
      .poll(async () => (await page.locator('main').textContent()) ?? '')
      .toContain('503-0000000-0000099')
    await page.getByTestId('nav-partners').click()
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('demo-market')
    await screenshot(page, '14-demo-partners')
  })
})
