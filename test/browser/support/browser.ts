import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

/** Debian's Chromium, driven by playwright-core (which never downloads a browser of its own). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'artifacts', 'browser')

export interface Session {
  browser: Browser
  close(): Promise<void>
}

export async function launch(): Promise<Session> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      // No --user-data-dir: playwright-core refuses it for launch() and gives every launch a fresh
      // temporary profile of its own, which is what we want.
    ],
  })
  return {
    browser,
    async close() {
      await browser.close()
    },
  }
}

/**
 * The console's navigation bar above a section: the editor's tests give the window this much more
 * height, so the editor has the 1440×900 it was laid out and tested at.
 */
export const CONSOLE_BAR_PX = 36

/** A fresh context per test: fixed viewport, reduced motion, clipboard allowed. */
export async function newPage(
  session: Session,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 + CONSOLE_BAR_PX },
    reducedMotion: 'reduce',
  })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return { context, page }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}
