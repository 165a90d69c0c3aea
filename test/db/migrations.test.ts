import type BetterSqlite3 from 'better-sqlite3';
import Database from '../../electron/db/sqlite-driver';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/db/migrate';
import { migrations, latestVersion } from '../../electron/db/migrations';
import { applyPragmas, openDatabase } from '../../electron/db/connection';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function tables(db: BetterSqlite3.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  it('0010 creates the whole domain and records its version', () => {
    const db = new Database(':memory:');
    const r = migrate(db);
    expect(r).toEqual({ from: 0, to: latestVersion, applied: migrations.map((m) => m.version) });
    for (const t of ['units', 'campaigns', 'quotas', 'people', 'registrations', 'import_batches', 'donations', 'deferrals', 'issued_documents', 'certificate_serials', 'settings', 'audit_log', 'schema_migrations']) {
      expect(tables(db)).toContain(t);
    }
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
  });

  it('0010 enforces the domain rules it declares', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const now = '2026-01-01';
    db.prepare("INSERT INTO units (id, name, created_at, updated_at) VALUES (1, 'Phường A', ?, ?)").run(now, now);
    db.prepare("INSERT INTO units (id, parent_id, name, created_at, updated_at) VALUES (2, 1, 'Khối 1', ?, ?)").run(now, now);
    expect(() => db.prepare("INSERT INTO units (parent_id, name, created_at, updated_at) VALUES (99, 'x', ?, ?)").run(now, now)).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO campaigns (id, name, created_at, updated_at) VALUES (1, 'Đợt 1', ?, ?)").run(now, now);
    db.prepare('INSERT INTO quotas (campaign_id, unit_id, month, registrants) VALUES (1, 1, 0, 50)').run();
    expect(() => db.prepare('INSERT INTO quotas (campaign_id, unit_id, month, registrants) VALUES (1, 1, 0, 60)').run()).toThrow(/UNIQUE/);
    expect(() => db.prepare('INSERT INTO quotas (campaign_id, unit_id, month) VALUES (1, 1, 13)').run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO people (id, full_name, search_key, gender, created_at, updated_at) VALUES (1, 'An', 'an', 'F', ?, ?)").run(now, now);
    expect(() => db.prepare("INSERT INTO donations (person_id, donated_on, outcome, volume_ml, created_at) VALUES (1, ?, 'donated', 300, ?)").run(now, now)).toThrow(/CHECK/);
    db.prepare("INSERT INTO audit_log (at, action, prev_hash, hash) VALUES (?, 'x', '0', '1')").run(now);
    expect(() => db.prepare("UPDATE audit_log SET action='y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('is idempotent and refuses a database from a newer version', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(migrate(db).applied).toEqual([]);
    db.pragma(`user_version = ${latestVersion + 10}`);
    expect(() => migrate(db)).toThrow(/phiên bản Giọt Hồng mới hơn/);
  });

  it('a failing migration leaves the previous version intact', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO settings (key, value) VALUES ('office', '{}')").run();
    const broken = [...migrations, { version: latestVersion + 1, name: 'broken', up: 'CREATE TABLE extra (id INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(tables(db)).not.toContain('extra');
    expect(db.prepare('SELECT count(*) n FROM settings').get()).toEqual({ n: 1 });
  });

  it('opens files with WAL, synchronous FULL, foreign keys and a busy timeout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-db-'));
    const conn = openDatabase(path.join(dir, 'a.sqlite'));
    expect(conn.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(conn.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(conn.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(conn.sqlite)).toBe(latestVersion);
    await conn.close();
    const raw = new Database(path.join(dir, 'a.sqlite'));
    applyPragmas(raw);
    expect(schemaVersion(raw)).toBe(latestVersion);
    raw.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
