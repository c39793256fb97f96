import { configJsonSchema } from '../../plugin-sdk/src/index'

type Json = Record<string, unknown> & {
  type?: string | string[]
  properties?: Record<string, Json>
  required?: string[]
  items?: Json
  enum?: unknown[]
  anyOf?: Json[]
  const?: unknown
}

/** One field of a canonical schema as the reference's table shows it. */
export interface FieldRow {
  field: string
  type: string
  required: boolean
  rules: string
  description: string
}

/** A canonical zod schema exported by the SDK, as fields (object schemas) or as one type line. */
export interface SchemaView {
  name: string
  type: string
  fields: FieldRow[]
}

/**
 * The canonical schemas' fields, from the zod schemas themselves (their JSON Schema, input side:
 * what a plugin may send). A nested object that is itself an exported schema is named, not repeated.
 */
export function schemaViews(schemas: Record<string, unknown>): SchemaView[] {
  const named = new Map<string, string>()
  const views: { name: string; json: Json }[] = []
  // Sorted: a module namespace lists its names in another order under each loader.
  for (const [name, value] of Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!name.endsWith('Schema') || !isZod(value)) continue
    const json = strip(configJsonSchema(value as never) as Json)
    views.push({ name, json })
    named.set(JSON.stringify(json), name)
  }
  return views.map(({ name, json }) => ({
    name,
    type: typeOf(json, named, name),
    fields: Object.entries(json.properties ?? {}).map(([field, prop]) => ({
      field,
      type: typeOf(prop, named, name),
      required: json.required?.includes(field) ?? false,
      rules: rulesOf(prop),
      description: typeof prop.description === 'string' ? prop.description : '',
    })),
  }))
}

function isZod(value: unknown): boolean {
  return typeof value === 'object' && value !== null && '_zod' in value
}

function strip(json: Json): Json {
  const { $schema: _s, ...rest } = json
  return rest as Json
}

function typeOf(json: Json, named: Map<string, string>, self: string): string {
  const name = named.get(JSON.stringify(json))
  if (name && name !== self) return `\`${name}\``
  if (json.enum) return json.enum.map((v) => JSON.stringify(v)).join(' \\| ')
  if (json.const !== undefined) return JSON.stringify(json.const)
  if (json.anyOf) return json.anyOf.map((j) => typeOf(j, named, self)).join(' \\| ')
  if (json.type === 'array' && json.items) return `${typeOf(json.items, named, self)}[]`
  if (Array.isArray(json.type)) return json.type.join(' \\| ')
  if (json.type === 'object' && json.properties && name !== self) return 'object'
  return json.type ?? 'any'
}

/** Lengths, bounds, formats and short patterns: what a plugin must respect to pass the schema. */
function rulesOf(json: Json): string {
  const rules: string[] = []
  const add = (key: string, label: string) => {
    if (json[key] !== undefined) rules.push(`${label} ${json[key]}`)
  }
  add('minLength', 'min length')
  add('maxLength', 'max length')
  add('minimum', '≥')
  add('exclusiveMinimum', '>')
  add('maximum', '≤')
  add('minItems', 'min items')
  add('maxItems', 'max items')
  if (typeof json.format === 'string') rules.push(`format ${json.format}`)
  else if (typeof json.pattern === 'string' && json.pattern.length <= 60)
    rules.push(`pattern \`${json.pattern.replaceAll('|', '\\|')}\``)
  if (json.default !== undefined) rules.push(`default ${JSON.stringify(json.default)}`)
  if (json.type === 'integer') rules.push('whole number')
  return rules.join(', ')
}
