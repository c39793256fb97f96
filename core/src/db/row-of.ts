import type { EntitySchema } from '@mikro-orm/core'

/**
 * Marks a property that only declares a composite foreign key over columns other properties hold
 * (`compositeForeignKey` in foreign-key.ts): it is no column of its own, so rows leave it out.
 */
export type ForeignKeyOnly = { readonly [foreignKeyOnly]: true }
declare const foreignKeyOnly: unique symbol

/** `orderId` → `order_id`, as MikroORM's underscore naming strategy names columns. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S

/**
 * What the fast SQL layer (`SqlRunner.all/one`) hands back for a column holding a value of type V:
 * - instants (`Date` in the entity, BIGINT epoch ms in the table) come back as numbers, as do
 *   BIGINT minor units (both drivers read BIGINT as a number, see postgres-db.ts);
 * - booleans are 0/1 on SQLite and true/false on PostgreSQL;
 * - JSON columns (objects and arrays in the entity) are text on SQLite and parsed on PostgreSQL,
 *   so read them through `readJson`; a property typed `unknown` stays `unknown`.
 */
export type ColumnValue<V> = unknown extends V
  ? unknown
  : V extends null
    ? null
    : V extends Date
      ? number
      : V extends boolean
        ? boolean | number
        : V extends string | number | bigint
          ? V
          : V | string

type ColumnKeys<T> = {
  [K in keyof T & string]-?: T[K] extends ((...args: never[]) => unknown) | undefined
    ? never
    : NonNullable<T[K]> extends ForeignKeyOnly
      ? never
      : K
}[keyof T & string]

/** The row of an entity class: its properties under their column names, with `ColumnValue` types. */
export type RowOfEntity<T> = {
  -readonly [K in ColumnKeys<T> as SnakeCase<K>]-?: ColumnValue<Exclude<T[K], undefined>>
}

/**
 * The row type of a table for hand-written SQL, derived from its MikroORM EntitySchema, so the
 * table is described once (schema-drift.test.ts keeps entity and migrations equal). Pick the
 * columns a statement selects: `Pick<RowOf<typeof OrderSchema>, 'id' | 'status'>`.
 *
 * Derived from the entity class's property types, not from the schema's column options (the
 * EntitySchema type does not keep them): a string property held in a JSON column would look like
 * text, and a column read through an expression (`count(*)`, `coalesce(…)`) is not covered:
 * write those by hand next to the statement.
 */
export type RowOf<S> = S extends EntitySchema<infer T, never> ? RowOfEntity<T> : never
