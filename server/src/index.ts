/**
 * @module @switchyard/server
 * The hub process: HTTP API, webhooks, plugin loading and workers.
 */
export { createApp } from './app'
export { type Permission, permissions, scopedPermissions } from './http/permissions'
export { type RunningHub, type StartOptions, startHub } from './hub'
export type { HubContext } from './hub-context'
export { createLogger } from './logger'
export { ConfigFileError } from './plugins/config-file'
export { type HubSettings, readSettings } from './settings'
