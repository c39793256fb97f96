import { Workspace } from '@switchyard/rule-editor'
import { useState } from 'react'
import type { SectionProps } from '../../shell/section'

/**
 * The rule editor, as it is on its own. `#/rules?simulate=<order>` (the order page's "simulate this
 * order against a draft") opens it with that order in its simulate panel. The editor rewrites the
 * hash to its open rule set, so the order asked for is remembered from the first address.
 */
export function RulesSection(props: SectionProps) {
  const [simulate] = useState(() => props.route.query.get('simulate'))
  return (
    <Workspace api={props.editorApi} me={props.me} onSignOut={props.onSignOut} simulateOrder={simulate} />
  )
}
