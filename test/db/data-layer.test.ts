import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Connection } from '../../electron/db/connection';
import { q, sql, statement } from '../../electron/db/query';
import type { Writer } from '../../electron/db/data';

let conn: Connection | null = null;
let dir = '';
function open(): Connection {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-data-'));
  conn = openDatabase(path.join(dir, 'data.db'));
  return conn;
}
afterEach(async () => {
  await conn?.close();
  conn = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const NOW = '2026-05-01T00:00:00.000Z';
const insertUnit = statement<{ name: string }>((p) => q.insertInto('units').values({ name: p.name, kind: 'other', sort_order: 0, created_at: NOW, updated_at: NOW }));
const unitNames = () => q.selectFrom('units').select('name').orderBy('id');

describe('the data layer (electron/db/data.ts)', () => {
  it('a reader refuses a statement that writes, whatever way it is written', () => {
    const { data } = open();
    expect('run' in data.read).toBe(false);
    expect(() => data.read.all(sql`DELETE FROM units RETURNING id`)).toThrow(/outside a transaction/);
    expect(() => data.read.get(q.insertInto('units').values({ name: 'x', kind: 'other', sort_order: 0, created_at: NOW, updated_at: NOW }).returning('id'))).toThrow(/outside a transaction/);
    expect(data.read.all(unitNames())).toEqual([]);
  });

  it('a writer writes inside its transaction and refuses to run once it has ended', () => {
    const { data } = open();
    let kept: Writer | null = null;
    data.write((w) => {
      w.run(insertUnit, { name: 'Xã A' });
      kept = w;
    });
    expect(data.read.column(unitNames())).toEqual(['Xã A']);
    expect(() => kept!.run(insertUnit, { name: 'Xã B' })).toThrow(/transaction that has ended/);
    expect(data.read.column(unitNames())).toEqual(['Xã A']);
  });

  it('a failure rolls the whole transaction back; a nested write is a savepoint of the open one', () => {
    const { data } = open();
    expect(() =>
      data.write((w) => {
        w.run(insertUnit, { name: 'Xã A' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(data.read.all(unitNames())).toEqual([]);
    data.write((w) => {
      w.run(insertUnit, { name: 'Xã A' });
      expect(() => data.write((inner) => {
        inner.run(insertUnit, { name: 'Xã B' });
        throw new Error('inner');
      })).toThrow('inner');
      w.run(insertUnit, { name: 'Xã C' });
    });
    expect(data.read.column(unitNames())).toEqual(['Xã A', 'Xã C']);
  });

  it('refuses an asynchronous transaction body (its writes could interleave with another flow)', () => {
    const { data } = open();
    expect(() => data.write((async (w: Writer) => { w.run(insertUnit, { name: 'X' }); }) as never)).toThrow();
    expect(data.read.all(unitNames())).toEqual([]);
  });

  it('statements bind named arguments in any order and repeat; one-off queries may not hold placeholders', () => {
    const { data } = open();
    const between = statement<{ lo: number; hi: number }, { id: number; name: string }>((p) => q.selectFrom('units').select(['id', 'name']).where('id', '>=', p.lo).where('id', '<=', p.hi).orderBy('id'));
    data.write((w) => {
      for (let i = 1; i <= 5; i++) w.run(insertUnit, { name: `Đơn vị ${i}` });
    });
    expect(data.read.column(between, { hi: 3, lo: 2 })).toEqual([2, 3]);
    expect(data.read.all(between, { lo: 5, hi: 9 })).toEqual([{ id: 5, name: 'Đơn vị 5' }]);
    expect(data.read.value(sql<{ n: number }>`SELECT count(*) AS n FROM units`)).toBe(5);
    expect(data.read.tuples(q.selectFrom('units').select(['id', 'name']).where('id', '=', 1))).toEqual([[1, 'Đơn vị 1']]);
    expect([...data.read.iterate(between, { lo: 4, hi: 4 })]).toEqual([{ id: 4, name: 'Đơn vị 4' }]);
  });

  it('booleans and missing values are stored as SQLite stores them', () => {
    const { data } = open();
    data.write((w) => w.run(q.insertInto('units').values({ name: 'X', kind: 'other', sort_order: 0, archived: true as never, created_at: NOW, updated_at: NOW, short_name: undefined })));
    expect(data.read.get(q.selectFrom('units').select(['archived', 'short_name']))).toEqual({ archived: 1, short_name: null });
  });

  it('a bulk write restores the page cache and foreign-key checks, also when it fails', () => {
    const { data, sqlite } = open();
    const before = sqlite.pragma('cache_size', { simple: true });
    expect(() => data.write(() => { throw new Error('x'); }, { bulk: true })).toThrow('x');
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(before);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('the query builder cannot run a query by itself', async () => {
    await expect(q.selectFrom('units').selectAll().execute()).rejects.toThrow(/Reader or Writer/);
  });
});
