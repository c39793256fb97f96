import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ErrorCode } from '@switchyard/core'
import { formatPath } from '@switchyard/plugin-sdk'
import { z } from 'zod'

/** A secret in the config file is never written there: `{ "$env": "NAME" }` names the variable. */
const envRef = z
  .object({ $env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name') })
  .strict()

export const instanceEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes'),
    /** A package name (`@switchyard/rest-channel`) or a path to a plugin folder or file. */
    use: z.string().min(1),
    enabled: z.boolean().default(true),
    config: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()

export const configFileSchema = z
  .object({
    $schema: z.string().optional(),
    plugins: z.array(instanceEntrySchema).default([]),
  })
  .strict()

export type InstanceEntry = z.output<typeof instanceEntrySchema>

export interface HubConfigFile {
  /** Folder that relative plugin paths are resolved from. */
  baseDir: string
  path: string | undefined
  plugins: InstanceEntry[]
}

export class ConfigFileError extends Error {
  readonly code: ErrorCode = 'CONFIG_INVALID'
  constructor(message: string) {
    super(message)
    this.name = 'ConfigFileError'
  }
}

const DEFAULT_NAMES = ['switchyard.config.json', 'switchyard.config.ts', 'switchyard.config.js']

export function findConfigFile(explicit: string | undefined, cwd = process.cwd()): string | undefined {
  if (explicit) {
    const path = resolve(cwd, explicit)
    if (!existsSync(path))
      throw new ConfigFileError(`SWITCHYARD_CONFIG points to ${path}, which does not exist`)
    return path
  }
  return DEFAULT_NAMES.map((n) => resolve(cwd, n)).find((p) => existsSync(p))
}

export async function readConfigFile(path: string): Promise<HubConfigFile> {
  let raw: unknown
  if (path.endsWith('.json')) {
    try {
      raw = JSON.parse(await readFile(path, 'utf8'))
    } catch (error) {
      throw new ConfigFileError(`${path}: not valid JSON (${(error as Error).message})`)
    }
  } else {
    const mod = (await import(pathToFileURL(path).href)) as { default?: unknown }
    raw = mod.default ?? mod
  }
  const parsed = configFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const entry =
      issue.path[0] === 'plugins' && typeof issue.path[1] === 'number'
        ? (raw as { plugins: { id?: string }[] }).plugins[issue.path[1]]?.id
        : undefined
    throw new ConfigFileError(
      `${path}: ${entry ? `plugin instance '${entry}': ` : ''}${formatPath(issue.path)}: ${issue.message}`,
    )
  }
  return { baseDir: dirname(path), path, plugins: parsed.data.plugins }
}

/** Replaces `{ "$env": "NAME" }` with the variable's value; a missing variable stops start-up. */
export function resolveEnvRefs(
  instanceId: string,
  config: Record<string, unknown>,
  secretKeys: readonly string[],
  env: NodeJS.ProcessEnv,
  fromFile: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(config)) {
    const ref = envRef.safeParse(value)
    if (ref.success) {
      const v = env[ref.data.$env]
      if (v === undefined || v === '') {
        throw new ConfigFileError(
          `plugin instance '${instanceId}': config.${key}: environment variable ${ref.data.$env} is not set`,
        )
      }
      out[key] = v
    } else if (fromFile && secretKeys.includes(key) && value !== undefined) {
      throw new ConfigFileError(
        `plugin instance '${instanceId}': config.${key}: is a secret and must come from the environment, e.g. { "$env": "${instanceId.toUpperCase().replace(/-/g, '_')}_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}" }`,
      )
    } else out[key] = value
  }
  return out
}

export function isPathSpecifier(use: string): boolean {
  return use.startsWith('.') || isAbsolute(use)
}
