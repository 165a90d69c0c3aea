import { afterAll, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import Database from '../../electron/db/sqlite-driver';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../electron/services/create-context';
import { autoBackup, backupToFolder } from '../../electron/services/backup/auto-backup';
import { restoreDatabaseFile } from '../../electron/services/backup/restore';
import { logicalDump } from './dump';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-roundtrip-'));

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(a: readonly T[]) => a[Math.floor(next() * a.length)] };
}

const WORDS = ['Nguyễn', 'Thị', 'Hồng', 'Vân', 'Đặng', 'Quốc', 'Bảo', 'Ư', 'Nguye\u0302\u0303n', '😀', "O'Brien", '"quoted"', '', ' ', 'a\nb', 'x'.repeat(3000)];

/** Fills a database with random rows of every kind of value SQLite stores (text, NFD, long, NULL, real, blob, big ints). */
function fill(db: BetterSqlite3.Database, r: ReturnType<typeof prng>): void {
  const now = () => new Date(Date.UTC(2020, 0, 1) + r.int(2e11)).toISOString();
  const text = () => Array.from({ length: 1 + r.int(4) }, () => r.pick(WORDS)).join(' ');
  const maybe = <T>(v: T) => (r.next() < 0.2 ? null : v);
  db.transaction(() => {
    const units = 1 + r.int(30);
    for (let i = 1; i <= units; i++) {
      db.prepare('INSERT INTO units (parent_id, name, kind, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(i > 1 && r.next() < 0.6 ? 1 + r.int(i - 1) : null, text(), r.pick(['commune', 'village', 'school', 'other']), r.int(100), now(), now());
    }
    const campaigns = 1 + r.int(5);
    for (let i = 0; i < campaigns; i++) db.prepare('INSERT INTO campaigns (name, support, target_registrants, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(text(), JSON.stringify({ gift: r.int(1e6) }), maybe(r.int(1000)), now(), now());
    const people = r.int(400);
    for (let i = 0; i < people; i++) {
      const pid = Number(db.prepare('INSERT INTO people (full_name, search_key, gender, birth_date, national_id, phone, prior_donations, home_unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(text(), text(), maybe(r.pick(['M', 'F'])), maybe(`19${50 + r.int(50)}-01-0${1 + r.int(9)}`), maybe(String(r.int(1e12)).padStart(12, '0')), maybe(`0${r.int(1e9)}`), maybe(r.next() < 0.1 ? 2 ** 40 + r.int(99) : r.int(60)), maybe(1 + r.int(units)), now(), now()).lastInsertRowid);
      if (r.next() < 0.8) {
        const raw = r.next() < 0.1 ? Buffer.from(Array.from({ length: 1 + r.int(64) }, () => r.int(256))) : JSON.stringify({ row: text(), score: r.next() });
        const rid = Number(db.prepare('INSERT INTO registrations (person_id, campaign_id, unit_id, source_file, source_row, raw, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(pid, 1 + r.int(campaigns), maybe(1 + r.int(units)), `${text()}.xlsx`, r.int(5000), raw, now()).lastInsertRowid);
        if (r.next() < 0.5) db.prepare("INSERT INTO donations (person_id, campaign_id, registration_id, donated_on, outcome, volume_ml, created_at) VALUES (?, ?, ?, ?, 'donated', ?, ?)").run(pid, 1 + r.int(campaigns), rid, now().slice(0, 10), r.pick([250, 350, 450]), now());
      }
    }
    for (let i = 0; i < r.int(10); i++) db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(`k${r.int(5)}`, JSON.stringify({ v: r.next() * 1e6, t: text() }));
  })();
}

describe('backup → restore round trip', () => {
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gives an identical logical dump on 20 random databases', async () => {
    const base = Number(process.env.ROUNDTRIP_SEED ?? 1000 + (Date.now() % 1000));
    for (let k = 0; k < 20; k++) {
      const r = prng(base + k);
      const dir = path.join(root, `db${k}`);
      const ctx = createAppContext(path.join(dir, 'giot-hong.sqlite'));
      fill(ctx.conn.sqlite, r);
      const expected = logicalDump(ctx.conn.sqlite);
      const usb = path.join(root, `usb${k}`);
      fs.mkdirSync(usb);
      const b = r.next() < 0.5 ? backupToFolder(ctx, usb) : autoBackup(ctx, 'import');
      const copy = new Database(b.file, { readonly: true });
      expect(logicalDump(copy), `seed ${base + k}`).toBe(expected);
      copy.close();
      // Keep working after the backup, then restore it.
      fill(ctx.conn.sqlite, r);
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
