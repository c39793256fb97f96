import type { BrowserContext, Page } from 'playwright-core'
import { RestChannelPeer } from '../../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../../support/databases'
import { startTestHub, type TestHub } from '../../support/test-hub'
import { launch, newPage, type Session, screenshot } from './browser'
import { buildEditor } from './editor'

/** What an editor browser test runs against: a hub, its one channel's peer, and a page in Chromium. */
export interface EditorHub {
  db: TestDb
  hub: TestHub
  channel: RestChannelPeer
  chromium: Session
  context: BrowserContext
  page: Page
  /** Saves a screenshot named after a failed test (for `afterEach`). */
  screenshotIfFailed(ctx: { task: { name: string; result?: { state?: string } } }): Promise<void>
  stop(): Promise<void>
}

/**
 * The editor built, a hub on a fresh SQLite database with one REST channel (`channelId`, its peer
 * on 127.0.0.1), `seed` run through the API, and Chromium on a fresh page whose uncaught errors fail
 * the test. `env` reaches the hub (`SWITCHYARD_DEMO: '1'` seeds the demo world).
 */
export async function startEditorHub(options: {
  channelId: string
  secret: string
  env?: Record<string, string>
  seed?: (hub: TestHub) => Promise<void>
  /** Prefix of failure screenshots. */
  name: string
}): Promise<EditorHub> {
  buildEditor()
  // Whatever started is stopped again, newest first, also when a later step fails.
  const started: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const s of started.splice(0).reverse()) await s()
  }
  try {
    const db = await createTestDb('sqlite')
    started.push(() => db.drop())
    const channel = await RestChannelPeer.start(options.secret)
    started.push(() => channel.close())
    const hub = await startTestHub(
      db,
      [
        {
          id: options.channelId,
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'CHANNEL_SECRET' }, callbackUrl: channel.callbackUrl },
        },
      ],
      { ...options.env, CHANNEL_SECRET: channel.secret },
    )
    started.push(() => hub.stop())
    await options.seed?.(hub)
    const chromium = await launch()
    started.push(() => chromium.close())
    const { context, page } = await newPage(chromium, hub.url)
    started.push(() => context.close())
    page.on('pageerror', (e) => {
      throw e
    })
    return {
      db,
      hub,
      channel,
      chromium,
      context,
      page,
      async screenshotIfFailed(ctx) {
        if (ctx.task.result?.state === 'fail')
          await screenshot(page, `failed-${options.name}-${ctx.task.name.replace(/\W+/g, '-')}`)
      },
      stop,
    }
  } catch (e) {
    await stop()
    throw e
  }
}
