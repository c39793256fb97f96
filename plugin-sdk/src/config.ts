import { z } from 'zod'

/**
 * Marks a config field as a secret. The host takes its value from an environment variable,
 * redacts it from every log line and error, and never returns it from the API.
 */
export function secret(description?: string): z.ZodString {
  const schema = z.string().min(1, 'is required')
  return schema.meta({ secret: true, ...(description ? { description } : {}) })
}

/** Top-level config keys whose schema is marked with `secret()`. */
export function secretFields(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as {
    properties?: Record<string, { secret?: boolean }>
  }
  return Object.entries(json.properties ?? {})
    .filter(([, prop]) => prop.secret === true)
    .map(([key]) => key)
}

/** The config schema as JSON Schema, with secrets flagged, for the API and any editor that renders it. */
export function configJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>
}
