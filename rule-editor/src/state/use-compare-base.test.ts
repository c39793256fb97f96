import { describe, expect, it } from 'vitest'
import { compareBaseLabel, compareBaseVersion } from './use-compare-base'
import { initialView, viewReducer } from './workspace-view'

describe('the version the working copy is compared with', () => {
  const set = {
    liveVersion: 2,
    versions: [
      { version: 1, status: 'archived' },
      { version: 2, status: 'published' },
      { version: 3, status: 'draft' },
    ],
  }

  it('is the chosen one, else what is live, else the latest published; never the working copy', () => {
    expect(compareBaseVersion(set, 3, null)).toBe(2)
    expect(compareBaseVersion(set, 3, 1)).toBe(1)
    expect(compareBaseVersion(set, 2, null)).toBeNull()
    expect(compareBaseVersion({ ...set, liveVersion: null }, 3, null)).toBe(2)
    expect(
      compareBaseVersion({ liveVersion: null, versions: [{ version: 1, status: 'draft' }] }, 1, null),
    ).toBeNull()
    expect(compareBaseLabel(2, 2)).toBe('v2 (live)')
    expect(compareBaseLabel(1, 2)).toBe('v1')
  })

  it('is chosen in the workspace and forgotten when another rule set opens', () => {
    const chosen = viewReducer(initialView, { type: 'against', version: 1 })
    expect(chosen.against).toBe(1)
    expect(viewReducer(chosen, { type: 'setOpened' }).against).toBeNull()
  })
})
