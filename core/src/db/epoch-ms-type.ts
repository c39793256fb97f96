import { type Platform, Type } from '@mikro-orm/core'

/**
 * Instants are stored as epoch milliseconds in a BIGINT on every database: the same column on SQLite
 * and PostgreSQL, trivially comparable in the hand-written SQL of the intake and outbox paths, and
 * free of the timezone conversions that differ between the two drivers.
 */
export class EpochMsType extends Type<Date | null | undefined, number | null | undefined> {
  override convertToDatabaseValue(value: Date | null | undefined): number | null | undefined {
    if (value === null || value === undefined) return value
    return value instanceof Date ? value.getTime() : Number(value)
  }

  override convertToJSValue(value: number | string | null | undefined): Date | null | undefined {
    if (value === null || value === undefined) return value
    return new Date(Number(value))
  }

  override compareAsType(): string {
    return 'number'
  }

  override getColumnType(_prop: unknown, _platform: Platform): string {
    return 'bigint'
  }
}
