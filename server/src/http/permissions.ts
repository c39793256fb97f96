import type { Role } from '@switchyard/core'

/**
 * Who may do what. A channel-scoped key additionally sees and writes only its own channel's
 * orders, and may not change shared data (catalogue, stock, keys).
 */
export const permissions = {
  'orders:read': ['admin', 'analyst', 'integrator', 'viewer'],
  'orders:write': ['admin', 'integrator'],
  // A person's judgement (a flagged order, a price that differs from the contract): not for machines.
  'orders:release-hold': ['admin', 'analyst'],
  // Click and collect: the customer took the order at the counter (store staff in the console, or
  // the store's POS through an integrator key or its channel's own key).
  'orders:collect': ['admin', 'analyst', 'integrator'],
  'catalog:read': ['admin', 'analyst', 'integrator', 'viewer'],
  'catalog:write': ['admin', 'integrator'],
  'inventory:read': ['admin', 'analyst', 'integrator', 'viewer'],
  'inventory:write': ['admin', 'integrator'],
  'plugins:read': ['admin', 'analyst', 'integrator', 'viewer'],
  // Test connection calls the partner with the instance's credentials: for those who run integrations.
  'plugins:check': ['admin', 'integrator'],
  'outbox:read': ['admin', 'integrator', 'viewer'],
  'outbox:write': ['admin', 'integrator'],
  // The intake exception inbox: everyone reads; replaying and discarding act for a channel.
  'exceptions:read': ['admin', 'analyst', 'integrator', 'viewer'],
  'exceptions:write': ['admin', 'integrator'],
  'rules:read': ['admin', 'analyst', 'integrator', 'viewer'],
  'rules:write': ['admin', 'analyst'],
  // Price lists, contracts, costs and rates: the data pricing rules price from, kept by the
  // analysts who write those rules (a rule choosing a list is useless without one) and by syncs.
  'pricing:write': ['admin', 'analyst', 'integrator'],
  'keys:manage': ['admin'],
  // Who changed what: the trail shows every key's writes, so only admins read it.
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof permissions

/** Permissions a channel-scoped key keeps (reads, and writing its own orders). */
export const scopedPermissions: readonly Permission[] = [
  'orders:read',
  'orders:write',
  'orders:collect',
  'catalog:read',
  'inventory:read',
  'plugins:read',
  'rules:read',
  'exceptions:read',
  'exceptions:write',
]
