import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshSqlDb } from './fresh-sql-db'
import { insertRows } from './insert-rows'
import type { SqlDb } from './sql-db'

const COLUMNS = ['id', 'label', 'n', 'doc']

describe.each(['sqlite', 'postgresql'] as const)('insertRows on %s', (dialect) => {
  let db: SqlDb
  beforeAll(async () => {
    db = await freshSqlDb(dialect, 'insert-rows')
    const json = dialect === 'postgresql' ? 'jsonb' : 'text'
    await db.run(`create table ins_probe (id varchar(20) primary key, label text, n bigint, doc ${json})`)
  })
  afterAll(() => db.close())

  it('keeps every value as given: quotes, unicode, big numbers, nulls, JSON documents', async () => {
    const rows = [
      ['a', 'say "hi"\\n\u00e9\u{1f600}', 1_733_000_000_000, JSON.stringify({ k: ['v', 1, null] })],
      ['b', null, null, null],
      ...Array.from({ length: 300 }, (_, i) => [`r${i}`, `row ${i}`, i, JSON.stringify({ i })]),
    ]
    await db.transaction((tx) => insertRows(tx, 'ins_probe', COLUMNS, rows))
    const back = await db.all<{ id: string; label: string | null; n: number | null; doc: unknown }>(
      'select id, label, n, doc from ins_probe order by id',
    )
    expect(back).toHaveLength(302)
    const a = back.find((r) => r.id === 'a')!
    expect(a.label).toBe('say "hi"\\n\u00e9\u{1f600}')
    expect(Number(a.n)).toBe(1_733_000_000_000)
    const doc = typeof a.doc === 'string' ? JSON.parse(a.doc) : a.doc
    expect(doc).toEqual({ k: ['v', 1, null] })
    expect(back.find((r) => r.id === 'b')).toMatchObject({ label: null, n: null, doc: null })
  })

  it('applies the suffix (on conflict) and refuses a row of the wrong width', async () => {
    await db.transaction((tx) =>
      insertRows(
        tx,
        'ins_probe',
        COLUMNS,
        [['a', 'replaced', 2, null]],
        ' on conflict (id) do update set label = excluded.label',
      ),
    )
    expect(await db.one<{ label: string }>("select label from ins_probe where id = 'a'")).toEqual({
      label: 'replaced',
    })
    await expect(db.transaction((tx) => insertRows(tx, 'ins_probe', COLUMNS, [['c', 'x']]))).rejects.toThrow(
      /a row of 2 values for 4 columns/,
    )
  })
})
