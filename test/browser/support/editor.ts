import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

const CONSOLE = join(import.meta.dirname, '..', '..', '..', 'console')

/**
 * Builds the console (which bundles the editor as its Rules section) into console/dist, which the
 * hub serves at `/` (as `pnpm start` does).
 */
export function buildEditor(): void {
  const r = spawnSync(
    process.execPath,
    [join(CONSOLE, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: CONSOLE,
      encoding: 'utf8',
    },
  )
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`)
}

/** Signs in to the console and opens its Rules section (the editor). */
export async function signIn(page: Page, key: string): Promise<void> {
  await page.goto('/#/rules')
  await page.getByTestId('api-key').fill(key)
  await page.getByTestId('sign-in').click()
  await page.getByTestId('who').waitFor()
}

/** React Flow hides nodes until it has measured them. */
export async function waitForCanvas(page: Page): Promise<void> {
  await page.locator('.react-flow__node').first().waitFor({ state: 'visible' })
  await page.waitForFunction(() => {
    const n = document.querySelector('.react-flow__node') as HTMLElement | null
    return n !== null && getComputedStyle(n).visibility === 'visible'
  })
}

export async function nodeIds(page: Page): Promise<string[]> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
}

export async function edgeCount(page: Page): Promise<number> {
  return page.locator('.react-flow__edge').count()
}

/** HTML5 drag from a palette entry onto the canvas at (x, y) relative to the canvas; returns the new node's id. */
export async function dragFromPalette(page: Page, entry: string, x: number, y: number): Promise<string> {
  const before = new Set(await nodeIds(page))
  await page
    .getByTestId(`palette-${entry}`)
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } })
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length > n, before.size)
  const added = (await nodeIds(page)).filter((id) => !before.has(id))
  if (added.length !== 1) throw new Error(`expected one new node, got ${added.join(', ')}`)
  await page.locator(`.react-flow__node[data-id="${added[0]}"]`).waitFor({ state: 'visible' })
  return added[0]!
}

function handle(page: Page, node: string, id: string, type: 'source' | 'target') {
  return page.locator(`.react-flow__handle.${type}[data-nodeid="${node}"][data-handleid="${id}"]`)
}

/**
 * Draws a connection handle to handle with the mouse (xyflow's own recipe): press on the source,
 * move over the target until the connection line shows, release. The handles are measured again
 * on each try: a re-render (an autosave answering, a badge appearing) can move them by a pixel or
 * two between measuring and pressing.
 */
export async function connect(
  page: Page,
  source: string,
  sourceHandle: string,
  target: string,
  targetHandle = 'in',
) {
  for (let attempt = 1; ; attempt++) {
    const from = await handle(page, source, sourceHandle, 'source').boundingBox()
    const to = await handle(page, target, targetHandle, 'target').boundingBox()
    if (!from || !to)
      throw new Error(`handle not found: ${source}.${sourceHandle} → ${target}.${targetHandle}`)
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(to.x + to.width / 2 - 20, to.y + to.height / 2, { steps: 8 })
    const started = await page
      .locator('.react-flow__connectionline')
      .waitFor({ state: 'visible', timeout: 3000 })
      .then(() => true)
      .catch(() => false)
    if (!started) {
      await page.mouse.up()
      if (attempt >= 3) throw new Error(`no connection line from ${source}.${sourceHandle}`)
      continue
    }
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 })
    await page.mouse.up()
    return
  }
}

export async function selectNode(page: Page, id: string): Promise<void> {
  await page.getByTestId('tab-inspect').click()
  await page.locator(`.react-flow__node[data-id="${id}"] .sy-node-head`).click()
  await page.locator(`[data-testid="inspector"][data-node="${id}"]`).waitFor()
}

/** The compiled rules as the JSON tab shows them: what an analyst could copy, and what the hub gets. */
export async function compiledRules(page: Page): Promise<any[]> {
  await page.getByTestId('tab-json').click()
  const text = await page.getByTestId('compiled-json').textContent()
  return JSON.parse(text ?? '[]')
}

export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-state"]')?.textContent === 'All changes saved',
    undefined,
    { timeout: 15_000 },
  )
}

/** Ticks a checkbox in a multi-pick list by its value. */
export async function pick(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).locator(`input[value="${value}"]`).check()
}
