import { afterAll, describe, expect, it } from 'vitest';
import Database from '../../electron/db/sqlite-driver';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../electron/services/create-context';
import { autoBackup, backupToFolder } from '../../electron/services/backup/auto-backup';
import { restoreDatabaseFile } from '../../electron/services/backup/restore';
import { logicalDump } from './dump';
import type { Data } from '../../electron/db/data';
import { q } from '../../electron/db/query';
import { insertPerson } from '../../electron/services/people/write-person';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-roundtrip-'));

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(a: readonly T[]) => a[Math.floor(next() * a.length)] };
}

const WORDS = ['Nguyễn', 'Thị', 'Hồng', 'Vân', 'Đặng', 'Quốc', 'Bảo', 'Ư', 'Nguye\u0302\u0303n', '😀', "O'Brien", '"quoted"', '', ' ', 'a\nb', 'x'.repeat(3000)];

/**
 * Fills a database with random rows of every kind of value SQLite stores (text, NFD, long, NULL, real,
 * blob, big ints), through the data layer; people are added by the people module.
 */
function fill(data: Data, r: ReturnType<typeof prng>): void {
  const now = () => new Date(Date.UTC(2020, 0, 1) + r.int(2e11)).toISOString();
  const text = () => Array.from({ length: 1 + r.int(4) }, () => r.pick(WORDS)).join(' ');
  const maybe = <T>(v: T) => (r.next() < 0.2 ? null : v);
  data.write((w) => {
    const units = 1 + r.int(30);
    for (let i = 1; i <= units; i++) {
      w.run(q.insertInto('units').values({ parent_id: i > 1 && r.next() < 0.6 ? 1 + r.int(i - 1) : null, name: text(), kind: r.pick(['commune', 'village', 'school', 'other']), sort_order: r.int(100), created_at: now(), updated_at: now() }));
    }
    const campaigns = 1 + r.int(5);
    for (let i = 0; i < campaigns; i++) w.run(q.insertInto('campaigns').values({ name: text(), support: JSON.stringify({ gift: r.int(1e6) }), target_registrants: maybe(r.int(1000)), created_at: now(), updated_at: now() }));
    const people = r.int(400);
    for (let i = 0; i < people; i++) {
      const pid = insertPerson(
        w,
        { full_name: text(), gender: maybe(r.pick(['M', 'F'] as const)), birth_date: maybe(`19${50 + r.int(50)}-01-0${1 + r.int(9)}`), national_id: maybe(String(r.int(1e12)).padStart(12, '0')), phone: maybe(`0${r.int(1e9)}`), prior_donations: maybe(r.next() < 0.1 ? 2 ** 40 + r.int(99) : r.int(60)), home_unit_id: maybe(1 + r.int(units)) },
        now(),
      );
      if (r.next() < 0.8) {
        // a blob in a text column now and then: the backup must carry it as it is
        const raw = r.next() < 0.1 ? Buffer.from(Array.from({ length: 1 + r.int(64) }, () => r.int(256))) : JSON.stringify({ row: text(), score: r.next() });
        const rid = w.run(q.insertInto('registrations').values({ person_id: pid, campaign_id: 1 + r.int(campaigns), unit_id: maybe(1 + r.int(units)), source_file: `${text()}.xlsx`, source_row: r.int(5000), raw: raw as string, created_at: now() })).lastInsertRowid;
        if (r.next() < 0.5) w.run(q.insertInto('donations').values({ person_id: pid, campaign_id: 1 + r.int(campaigns), registration_id: rid, donated_on: now().slice(0, 10), outcome: 'donated', volume_ml: r.pick([250, 350, 450] as const), created_at: now() }));
      }
    }
    for (let i = 0; i < r.int(10); i++) w.run(q.insertInto('settings').orReplace().values({ key: `k${r.int(5)}`, value: JSON.stringify({ v: r.next() * 1e6, t: text() }) }));
  });
}

describe('backup → restore round trip', () => {
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gives an identical logical dump on 20 random databases', async () => {
    const base = Number(process.env.ROUNDTRIP_SEED ?? 1000 + (Date.now() % 1000));
    for (let k = 0; k < 20; k++) {
      const r = prng(base + k);
      const dir = path.join(root, `db${k}`);
      const ctx = createAppContext(path.join(dir, 'giot-hong.sqlite'));
      fill(ctx.data, r);
      const expected = logicalDump(ctx.conn.sqlite);
      const usb = path.join(root, `usb${k}`);
      fs.mkdirSync(usb);
      const b = r.next() < 0.5 ? backupToFolder(ctx, usb) : autoBackup(ctx, 'import');
      const copy = new Database(b.file, { readonly: true });
      expect(logicalDump(copy), `seed ${base + k}`).toBe(expected);
      copy.close();
      // Keep working after the backup, then restore it.
      fill(ctx.data, r);
      ctx.conn.sqlite.prepare('DELETE FROM donations WHERE id % 3 = 0').run();
      await ctx.conn.close();
      restoreDatabaseFile(ctx.dbPath, b.file);
      const restored = new Database(ctx.dbPath, { readonly: true });
      expect(logicalDump(restored), `seed ${base + k}`).toBe(expected);
      expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
      restored.close();
    }
  }, 120_000);
});
