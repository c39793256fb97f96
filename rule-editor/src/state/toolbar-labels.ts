import type { SaveState } from './use-rule-set'

/** The top bar's words for the state of the working copy, and when it may be published. */

const saveWords: Record<SaveState, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved…',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Not saved: someone else saved',
}

/** A reader's key saves nothing, so it is told nothing about saving. */
export const saveLabel = (canEdit: boolean, state: SaveState): string => (canEdit ? saveWords[state] : '')

export function versionLabel(
  draftVersion: number | null,
  base: { version: number; status: string },
  live: number | null,
): string {
  const working = draftVersion !== null ? `Draft v${draftVersion}` : `v${base.version} (${base.status})`
  return `${working}${live ? ` · live v${live}` : ' · nothing live'}`
}

export interface PublishButton {
  enabled: boolean
  title: string
  label: string
}

/** A saved draft with no errors is publishable, and not while comparing versions. */
export function publishButton(p: {
  canEdit: boolean
  comparing: boolean
  draftVersion: number | null
  saveState: SaveState
  errors: number
}): PublishButton {
  return {
    enabled:
      p.canEdit && !p.comparing && p.draftVersion !== null && p.saveState === 'saved' && p.errors === 0,
    title: p.errors
      ? `${p.errors} problem(s) to fix first`
      : p.draftVersion === null
        ? 'No changes to publish'
        : '',
    label: `Publish${p.errors ? ` (${p.errors} to fix)` : ''}`,
  }
}
