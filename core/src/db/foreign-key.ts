import type { EntityMetadata, Platform } from '@mikro-orm/core'

/**
 * A column that the migrations declare as a foreign key, described to MikroORM so its schema diff
 * sees the constraint (see schema-drift.test.ts). The property keeps holding the plain key value
 * (`mapToPk`), so code reads and writes `orderId: string` exactly as before; nothing is populated.
 *
 * The target is named by its class name rather than imported, so entity files do not import each
 * other (a wrong name fails MikroORM's discovery, and with it every test that opens the ORM).
 * The rules are spelled out because MikroORM otherwise assumes `on update cascade` (and `on delete
 * set null` for a nullable key), while knex's `references()` left both at the database default.
 * MikroORM would also index every foreign key column; the migrations index only some, and those
 * are declared in the entity's `indexes` like any other. The column is named after the property
 * (`orderId` → `order_id`) by `nameForeignKeyColumns`, run at discovery.
 */
export function foreignKey<const Target extends string>(
  target: Target,
  options: {
    nullable?: boolean
    primary?: boolean
    /**
     * A key between an order's own rows (a line to its order, say): a constraint on SQLite only
     * (Migration20261207030000_order_row_keys says why); `keysWithinOrder` drops it from the
     * description on PostgreSQL.
     */
    withinOrder?: boolean
  } = {},
) {
  return {
    kind: 'm:1',
    entity: () => target,
    mapToPk: true,
    nullable: options.nullable ?? false,
    primary: options.primary ?? false,
    index: false,
    updateRule: 'no action',
    deleteRule: 'no action',
    withinOrder: options.withinOrder ?? false,
  } as const
}

/**
 * On PostgreSQL a `withinOrder` key describes its column without a constraint, as the migrations
 * leave it there. Runs at discovery (`discovery.onMetadata` in orm.ts).
 */
export function keysWithinOrder(meta: EntityMetadata, platform: Platform): void {
  if (platform.constructor.name.toLowerCase().includes('sqlite')) return
  for (const prop of Object.values(meta.properties))
    if ((prop as { withinOrder?: boolean }).withinOrder) prop.createForeignKeyConstraint = false
}

/**
 * MikroORM names a relation's column after the property plus the target's key (`order_id_id`);
 * a `foreignKey` property already names the column, so it keeps the property's own column name.
 * Runs at discovery (`discovery.onMetadata` in orm.ts).
 */
export function nameForeignKeyColumns(meta: EntityMetadata, platform: Platform): void {
  const naming = platform.getConfig().getNamingStrategy()
  for (const prop of Object.values(meta.properties)) {
    if (prop.kind !== 'm:1' || !prop.mapToPk || prop.joinColumns || prop.fieldNames) continue
    prop.fieldNames = [naming.propertyToColumnName(prop.name)]
    prop.joinColumns = prop.fieldNames
  }
}

/**
 * A composite foreign key over columns that other properties of the entity already hold (e.g.
 * `reservation_line (sku, location_id) → inventory_level`). MikroORM lets a relation share its columns
 * with scalar properties; the scalars stay the way code reads and writes them, and this property
 * only describes the constraint: it is never read (`hydrate: false`) and never set by our code.
 */
export function compositeForeignKey<const Target extends string>(target: Target, columns: readonly string[]) {
  return {
    kind: 'm:1',
    entity: () => target,
    joinColumns: [...columns],
    mapToPk: true,
    hydrate: false,
    index: false,
    updateRule: 'no action',
    deleteRule: 'no action',
  } as const
}
