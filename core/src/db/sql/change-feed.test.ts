import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { localChangeFeed } from './change-feed'

const heard = (feed: ReturnType<typeof localChangeFeed>, topic: string) =>
  new Promise<void>((resolve) => {
    const off = feed.subscribe(topic, () => {
      off()
      resolve()
    })
  })

describe('the SQLite change feed', () => {
  it('tells this process at once, and every other feed of the same database file', async () => {
    const a = localChangeFeed('/tmp/one.db')
    const b = localChangeFeed('/tmp/one.db')
    const other = localChangeFeed('/tmp/other.db')
    let local = 0
    a.subscribe('products', () => local++)
    let strayed = 0
    other.subscribe('products', () => strayed++)
    const inB = heard(b, 'products')
    await a.publish('products')
    expect(local).toBe(1)
    await inB
    await new Promise((r) => setTimeout(r, 20))
    expect(strayed).toBe(0)
    await Promise.all([a.close(), b.close(), other.close()])
  })

  it("reaches a worker thread's feed (the hub's delivery thread)", async () => {
    const feed = localChangeFeed('/tmp/threads.db')
    const fromThread = heard(feed, 'api-keys')
    // The thread posts as a feed of the same name would (plain JavaScript: no loader in the thread).
    const worker = new Worker(
      `new BroadcastChannel('switchyard-changes:/tmp/threads.db').postMessage('api-keys')`,
      { eval: true },
    )
    await fromThread
    await worker.terminate()
    await feed.close()
  })
})
