import type { Browser, BrowserContext, Page } from 'playwright-core'

/**
 * A console page at the size the console must be readable at (1280×800), signed in with `key`, in
 * a context of its own (kept in `contexts` for the test to close), failing the test on any page
 * error; then at `hash` when given. `prepare` runs on the context first (a route to block, say).
 */
export async function openConsole(options: {
  browser: Browser
  baseURL: string
  key: string
  contexts: BrowserContext[]
  hash?: string
  prepare?: (context: BrowserContext) => Promise<unknown>
}): Promise<Page> {
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1280, height: 800 },
  })
  options.contexts.push(context)
  await options.prepare?.(context)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (e) => {
    throw e
  })
  await page.goto('/')
  await page.getByTestId('api-key').fill(options.key)
  await page.getByTestId('sign-in').click()
  await page.getByTestId('console-who').waitFor()
  if (options.hash !== undefined) await page.goto(`/${options.hash}`)
  return page
}
