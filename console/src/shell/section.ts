import type { Api as EditorApi } from '@switchyard/rule-editor'
import type { ReactNode } from 'react'
import type { ConsoleApi, Me } from '../api/client'
import type { LiveFeed } from '../sections/live/live-feed'
import type { Route } from './route'

/** What every section is given: the API, the signed-in key, where it is, and how to go elsewhere. */
export interface SectionProps {
  api: ConsoleApi
  /** The rule editor's own client (the Rules section hands it to the editor's workspace). */
  editorApi: EditorApi
  me: Me
  /** Order changes as they happen (GET /events), or `polling` when the stream is down. */
  live: LiveFeed
  route: Route
  /** Go to a hash (`#/orders?…`); `replace` rewrites the current entry (filters typed into the list). */
  navigate: (hash: string, options?: { replace?: boolean }) => void
  onSignOut: () => void
}

/**
 * One section of the console. A new one (Exceptions, Inventory, Partners, New order, Live…) is a
 * folder under src/sections/ and one entry in sections.tsx: the shell draws the navigation and
 * picks the section by the hash's first segment.
 */
export interface Section {
  id: string
  /** The navigation label; a section without one (an order's page) is reached by link only. */
  label?: string
  /** The hash's first segments this section answers (`orders` for `#/orders?…`). */
  paths: readonly string[]
  /** The navigation entry shown as current while this section is open (an order → Orders). */
  navAs?: string
  /** Sections that fill the whole height themselves (the editor) get no page padding. */
  fullBleed?: boolean
  render: (props: SectionProps) => ReactNode
}
