import { Migration } from '@mikro-orm/migrations'

/**
 * PostgreSQL only: `switchyard_take(takes, draws, loads, at)`, the contended part of a batch's
 * one-statement write (issue 18, `orders/intake/one-statement-write.ts`). Stock rows in (sku,
 * location) order, pools in id order, day loads in (location, day) order: the lock order of every
 * other writer, so hubs queue behind each other and never deadlock, which one UPDATE … FROM cannot
 * promise (its join order is the planner's). Each row is checked by the database itself as intake's
 * conditional updates always were; a short one raises SQLSTATE `SY409` with the conflict's code as
 * detail, the whole statement rolls back, and the hub routes the batch again.
 */
export class Migration20261206220000_intake_take_function extends Migration {
  override async up(): Promise<void> {
    if ((this.getKnex().client as { dialect?: string }).dialect !== 'postgresql') return
    this.addSql(`create or replace function switchyard_take(takes jsonb, draws jsonb, loads jsonb, at_ms bigint)
returns integer language plpgsql as $$
declare
  r record;
begin
  for r in select * from jsonb_to_recordset(takes) as t(sku text, location_id text, quantity integer, from_pool integer)
            order by t.sku, t.location_id loop
    update inventory_level set allocated = allocated + r.quantity, protected = protected - r.from_pool, updated_at = at_ms
     where sku = r.sku and location_id = r.location_id and protected >= r.from_pool
       and on_hand - allocated - reserved - safety_stock - protected >= r.quantity - r.from_pool;
    if not found then
      raise exception 'not enough stock of % at %', r.sku, r.location_id
        using errcode = 'SY409', detail = 'ALLOCATION_CONFLICT';
    end if;
  end loop;
  for r in select * from jsonb_to_recordset(draws) as t(id uuid, quantity integer) order by t.id loop
    update channel_pool set remaining = remaining - r.quantity, updated_at = at_ms
     where id = r.id and remaining >= r.quantity;
    if not found then
      raise exception 'pool % has fewer units left than planned', r.id
        using errcode = 'SY409', detail = 'ALLOCATION_CONFLICT';
    end if;
  end loop;
  for r in select * from jsonb_to_recordset(loads) as t(location_id text, day text, orders integer, cap integer)
            order by t.location_id, t.day loop
    insert into location_day_load (location_id, day, orders, updated_at) values (r.location_id, r.day, r.orders, at_ms)
      on conflict (location_id, day) do update set orders = location_day_load.orders + excluded.orders,
        updated_at = excluded.updated_at
      where location_day_load.orders + excluded.orders <= r.cap;
    if not found or r.orders > r.cap then
      raise exception 'location % reached its daily capacity on %', r.location_id, r.day
        using errcode = 'SY409', detail = 'CAPACITY_CONFLICT';
    end if;
  end loop;
  return 1;
end
$$`)
  }
}
