import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import Database from '../../electron/db/sqlite-driver';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { applyPragmas } from '../../electron/db/connection';
import { backupBeforeMigration } from '../../electron/services/backup/migration-backup';
import { logicalDump } from './dump';

const latest = migrations[migrations.length - 1].version;

/** Later schema steps of the kind real ones will be: add a column and backfill, new table filled from old, index. */
const future: Migration[] = [
  { version: latest + 10, name: 'people-email', up: "ALTER TABLE people ADD COLUMN email TEXT; UPDATE people SET email = lower(replace(search_key, ' ', '.')) || '@x.vn';" },
  { version: latest + 20, name: 'unit-stats', up: 'CREATE TABLE unit_stats (unit_id INTEGER PRIMARY KEY, people INTEGER NOT NULL); INSERT INTO unit_stats SELECT home_unit_id, count(*) FROM people WHERE home_unit_id IS NOT NULL GROUP BY home_unit_id;' },
  { version: latest + 30, name: 'reg-index', up: 'CREATE INDEX registrations_status ON registrations(status, campaign_id); UPDATE registrations SET issues = \'["checked"]\' WHERE status = \'active\';' },
];

function seed(db: BetterSqlite3.Database, n: number): void {
  const now = '2026-05-01T00:00:00Z';
  db.prepare("INSERT INTO units (name, kind, created_at, updated_at) VALUES ('Xã Hoàng Văn Thụ', 'commune', ?, ?)").run(now, now);
  db.prepare("INSERT INTO campaigns (name, created_at, updated_at) VALUES ('Hành trình đỏ', ?, ?)").run(now, now);
  const p = db.prepare('INSERT INTO people (full_name, search_key, national_id, home_unit_id, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)');
  const r = db.prepare("INSERT INTO registrations (person_id, campaign_id, unit_id, created_at) VALUES (?, 1, 1, ?)");
  for (let i = 0; i < n; i++) {
    const id = Number(p.run(`Nguyễn Văn Số ${i}`, `nguyen van so ${i}`, String(1e11 + i), now, now).lastInsertRowid);
    r.run(id, now);
  }
}

describe('migration failure leaves the previous version intact', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-mig-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a failure injected into each later step keeps version and data exactly as before', () => {
    for (let failAt = 0; failAt < future.length; failAt++) {
      const file = path.join(dir, `step-${failAt}.sqlite`);
      const db = new Database(file);
      applyPragmas(db);
      migrate(db, migrations);
      seed(db, 50);
      const before = logicalDump(db);
      const broken = future.map((m, i) => (i === failAt ? { ...m, up: `${m.up}\nINSERT INTO no_such_table VALUES (1);` } : m));
      expect(() => migrate(db, [...migrations, ...broken])).toThrow(/no_such_table/);
      expect(db.pragma('user_version', { simple: true })).toBe(latest);
      expect(logicalDump(db)).toBe(before);
      db.close();
      // The file on disk, reopened, is the same too.
      const again = new Database(file, { readonly: true });
      expect(logicalDump(again)).toBe(before);
      expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
      again.close();
    }
  });

  it('running out of disk at every point of the initial migration leaves an empty database at version 0', () => {
    let succeededAt = 0;
    for (let pages = 1; pages < 200 && !succeededAt; pages++) {
      const db = new Database(path.join(dir, `full-${pages}.sqlite`));
      applyPragmas(db);
      const before = logicalDump(db);
      db.pragma(`max_page_count = ${pages}`);
      try {
        migrate(db, migrations);
        succeededAt = pages;
        expect(db.pragma('user_version', { simple: true })).toBe(latest);
      } catch (e) {
        expect((e as { code?: string }).code).toBe('SQLITE_FULL');
        expect(db.pragma('user_version', { simple: true })).toBe(0);
        expect(logicalDump(db)).toBe(before);
      }
      db.close();
    }
    // The loop really walked through the migration: it failed at many points before it fit.
    expect(succeededAt).toBeGreaterThan(10);
  });

  it('a full disk in the middle of a later step keeps the previous version; the pre-migration backup holds it too', () => {
    const file = path.join(dir, 'data.sqlite');
    const db = new Database(file);
    applyPragmas(db);
    migrate(db, migrations);
    seed(db, 400);
    const before = logicalDump(db);
    const pageCount = db.pragma('page_count', { simple: true }) as number;
    db.close();
    const backup = backupBeforeMigration(file, new Date('2026-05-02T10:00:00Z'), latest + 30);
    expect(backup).not.toBeNull();
    const b = new Database(backup!, { readonly: true });
    expect(logicalDump(b)).toBe(before);
    b.close();
    const again = new Database(file);
    applyPragmas(again);
    again.pragma(`max_page_count = ${pageCount + 2}`);
    expect(() => migrate(again, [...migrations, ...future])).toThrow();
    expect(again.pragma('user_version', { simple: true })).toBe(latest);
    expect(logicalDump(again)).toBe(before);
    again.pragma('max_page_count = 1000000');
    expect(migrate(again, [...migrations, ...future]).to).toBe(latest + 30);
    again.close();
    // No backup when nothing is pending.
    expect(backupBeforeMigration(file, new Date(), latest + 30)).toBeNull();
  });
});
