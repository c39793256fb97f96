import type { ApiEntry } from './collect'
import type { SchemaView } from './schemas'

export const REFERENCE_FILE = 'docs/sdk-reference.md'

/** Section titles by source file; a file not named here gets a section under its own path. */
const SECTIONS: [file: string, title: string][] = [
  ['define.ts', 'Plugin definition and capabilities'],
  ['context.ts', 'The context the host passes'],
  ['webhook.ts', 'Webhooks'],
  ['errors.ts', 'Errors'],
  ['config.ts', 'Configuration'],
  ['unmapped.ts', 'Records a poll cannot map'],
  ['helpers/pager.ts', 'Helpers: paging'],
  ['helpers/window-cursor.ts', 'Helpers: time-window cursor'],
  ['helpers/window-poll.ts', 'Helpers: a windowed poll page'],
  ['helpers/rate-limiter.ts', 'Helpers: rate limiting'],
  ['helpers/oauth2.ts', 'Helpers: OAuth 2'],
  ['helpers/oauth1.ts', 'Helpers: OAuth 1.0a'],
  ['helpers/json-response.ts', 'Helpers: partner JSON'],
  ['http.ts', 'HTTP client'],
  ['signatures.ts', 'Signatures'],
  ['json-body.ts', 'JSON bodies'],
  ['text.ts', 'Text checks'],
  ['sealed.ts', 'Sealed values'],
  ['issues.ts', 'Issue paths'],
]

const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\s+/g, ' ').trim()

/** `x?: T | undefined` says the same as `x?: T`. */
function optionalType(m: ApiEntry['members'][number]): string {
  return m.optional ? m.type.replace(/^\((.*)\) \| undefined$/, '$1').replace(/ \| undefined$/, '') : m.type
}

function renderEntry(e: ApiEntry): string {
  const out = [`### \`${e.name}\``, '', `*${e.kind}* · \`${e.file}\``, '']
  if (e.doc) out.push(e.doc, '')
  if (e.kind === 'interface' || e.kind === 'class') {
    if (e.signature.trim()) out.push('```ts', `${e.kind} ${e.name}${e.signature}`.trim(), '```', '')
  } else if (e.signature) {
    const prefix = e.kind === 'type' ? `type ${e.name} = ` : e.kind === 'const' ? `const ${e.name}: ` : ''
    out.push('```ts', `${prefix}${e.signature}`, '```', '')
    const inferred = /^z\.(?:infer|input|output)<typeof (\w+)>$/.exec(e.signature)?.[1]
    if (inferred) out.push(`Its fields: [\`${inferred}\`](#${inferred.toLowerCase()}).`, '')
  }
  if (e.members.length > 0) {
    out.push('| Member | Type | What it is |', '|---|---|---|')
    for (const m of e.members)
      out.push(`| \`${m.name}${m.optional ? '?' : ''}\` | \`${cell(optionalType(m))}\` | ${cell(m.doc)} |`)
    out.push('')
  }
  return out.join('\n')
}

function renderSchema(view: SchemaView): string {
  const out = [`### \`${view.name}\``, '']
  if (view.fields.length === 0) {
    out.push(`Type: ${view.type}`, '')
    return out.join('\n')
  }
  out.push('| Field | Type | Required | Rules |', '|---|---|---|---|')
  for (const f of view.fields)
    out.push(`| \`${f.field}\` | ${f.type} | ${f.required ? 'yes' : ''} | ${cell(f.rules)} |`)
  out.push('')
  return out.join('\n')
}

/**
 * The reference as markdown: canonical schemas as field tables, then every export of the SDK by
 * section, then the conformance kit. Deterministic: the same source gives the same text.
 */
export function renderReference(input: {
  version: string
  schemas: SchemaView[]
  sdk: ApiEntry[]
  testing: ApiEntry[]
}): string {
  const canonical = input.sdk.filter((e) => e.file.startsWith('canonical/') && !e.name.endsWith('Schema'))
  const rest = input.sdk.filter((e) => !e.file.startsWith('canonical/'))
  const files = [...new Set(rest.map((e) => e.file))]
  const known = new Map(SECTIONS)
  const order = [
    ...SECTIONS.map(([f]) => f).filter((f) => files.includes(f)),
    ...files.filter((f) => !known.has(f)).sort(),
  ]
  const sections: [string, string][] = [
    ['Canonical types', ''],
    ...order.map((f): [string, string] => [known.get(f) ?? f, f]),
    ['Conformance kit (`@switchyard/plugin-sdk/testing`)', ''],
  ]
  const anchor = (title: string) =>
    title
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-')
  const out = [
    `# SDK reference: \`@switchyard/plugin-sdk\` ${input.version}`,
    '',
    'Generated from the SDK source (its TSDoc and its zod schemas) by `pnpm sdk:reference`; a test fails',
    'when this file is stale. Do not edit it by hand: change the TSDoc and run the command. How to write',
    'a plugin, step by step, is in [plugins.md](plugins.md).',
    '',
    '## Contents',
    '',
    ...sections.map(([title]) => `- [${title}](#${anchor(title)})`),
    '',
    '## Canonical types',
    '',
    'What crosses the boundary between a plugin and the hub. Every value is checked against these',
    'schemas at the boundary; the tables show the input side (what a plugin may send).',
    '',
    ...input.schemas.map(renderSchema),
    ...canonical.map(renderEntry),
  ]
  for (const file of order) {
    out.push(`## ${known.get(file) ?? file}`, '')
    for (const e of rest.filter((x) => x.file === file)) out.push(renderEntry(e))
  }
  out.push('## Conformance kit (`@switchyard/plugin-sdk/testing`)', '')
  for (const e of input.testing) out.push(renderEntry(e))
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`
}
