/**
 * Stock that ages out (issue 20, drop-ship): a location with `feed_max_age_hours` sells a row only
 * while the newest feed snapshot applied to it (`snapshot_at`, a WMS's or a supplier's inventory
 * report) is younger than that. A stale row is read as holding nothing, so routing, reservations
 * and the channels' availability pass it by until a fresh snapshot arrives. Stock an operator sets
 * through the API carries no snapshot, so at such a location it counts as stale.
 */

/**
 * SQL that is true when the `inventory_level` row `row` has aged out; binds one parameter, now
 * (epoch milliseconds). The subquery reads the location by its key, so it costs one index probe.
 */
export function feedStaleSql(row: string): string {
  return `exists (select 1 from location fl where fl.id = ${row}.location_id and fl.feed_max_age_hours is not null
    and coalesce(${row}.snapshot_at, 0) < ? - cast(fl.feed_max_age_hours as bigint) * 3600000)`
}

/** `on_hand` as sellable stock: 0 for an aged-out row. Binds one parameter, now. */
export function sellableOnHandSql(row: string): string {
  return `case when ${feedStaleSql(row)} then 0 else ${row}.on_hand end as on_hand`
}
