import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from '../../../electron/db/sqlite-driver';
import fs from 'node:fs';
import path from 'node:path';
import { tempContext } from '../../helpers/context';
import { createUnit } from '../../../electron/services/units/units';
import { autoBackup, backupToFolder, ensureDailyBackup, listAutoBackups } from '../../../electron/services/backup/auto-backup';
import { backupsDir } from '../../../electron/services/backup/backup-store';
import { backupFileId } from '../../../electron/services/backup/backup-ids';
import { backupsToKeep } from '../../../electron/services/backup/retention';
import { restoreDatabaseFile, restoreFromBackup } from '../../../electron/services/backup/restore';
import { checkDatabaseAtStart, checkLiveDatabase } from '../../../electron/services/backup/health';
import { checkDatabaseFile } from '../../../electron/services/backup/sqlite-file';
import { verifyAuditChain } from '../../../electron/services/audit/audit-log';
import { logicalDump } from '../../safety/dump';

describe('backups', () => {
  let ctx: ReturnType<typeof tempContext>;
  let clock: Date;
  beforeEach(() => {
    ctx = tempContext();
    clock = new Date(2026, 4, 1, 8, 0, 0);
    ctx.now = () => clock;
  });
  afterEach(() => ctx.cleanup());

  it('writes a verified snapshot into the backups folder and keeps today, 7 daily and 12 monthly', async () => {
    await createUnit(ctx, { name: 'Phường Chi Lăng' });
    const first = autoBackup(ctx, 'import');
    expect(path.basename(first.file)).toMatch(/^giot-hong-20260501-080000-000-import\.sqlite$/);
    expect(first.check).toMatchObject({ ok: true, messages: ['ok'] });
    const copy = new Database(first.file, { readonly: true });
    expect(copy.prepare('SELECT name FROM units').pluck().all()).toEqual(['Phường Chi Lăng']);
    copy.close();
    // More than a year of automatic backups every other day, and three on the last day.
    for (let day = 2; day <= 420; day += 2) {
      for (const hour of day === 420 ? [9, 13, 17] : [9]) {
        clock = new Date(2026, 4, 1 + day, hour, 0, 0);
        autoBackup(ctx, day % 4 ? 'import' : 'merge');
      }
    }
    const kept = listAutoBackups(ctx).map((b) => new Date(b.createdAt));
    const today = clock.toDateString();
    expect(kept.filter((d) => d.toDateString() === today)).toHaveLength(3);
    const days = new Set(kept.filter((d) => d.toDateString() !== today).map((d) => d.toDateString()));
    const months = new Set(kept.map((d) => `${d.getFullYear()}-${d.getMonth()}`));
    expect(days.size).toBeGreaterThanOrEqual(7);
    expect(months.size).toBe(12);
    expect(kept.length).toBeLessThanOrEqual(3 + 7 + 12);
    expect(fs.readdirSync(backupsDir(ctx.dbPath)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(verifyAuditChain(ctx.data.read).ok).toBe(true);
  });

  it('retention rule: newest of each day and month, everything of today', () => {
    const at = (d: number, h: number) => ({ name: `${d}-${h}`, at: new Date(2026, 0, d, h) });
    const items = [at(1, 8), at(1, 20), at(2, 9), at(40, 9), at(40, 10), at(41, 7), at(41, 9)];
    const keep = backupsToKeep(items, new Date(2026, 0, 41, 12), { daily: 1, monthly: 2 });
    expect([...keep].sort()).toEqual(['2-9', '40-10', '41-7', '41-9'].sort());
  });

  it('makes the daily backup once per day', () => {
    expect(ensureDailyBackup(ctx)).not.toBeNull();
    expect(ensureDailyBackup(ctx)).toBeNull();
    clock = new Date(2026, 4, 2, 8);
    expect(ensureDailyBackup(ctx)?.file).toMatch(/-daily\.sqlite$/);
  });

  it('backs up to a chosen folder; refuses a missing folder and the data folder itself', async () => {
    await createUnit(ctx, { name: 'Trường THPT Việt Bắc' });
    const usb = path.join(ctx.dir, 'usb');
    fs.mkdirSync(usb);
    const r = backupToFolder(ctx, usb);
    expect(path.dirname(r.file)).toBe(usb);
    expect(checkDatabaseFile(r.file)).toMatchObject({ ok: true, schemaVersion: ctx.conn.migration.to });
    expect(() => backupToFolder(ctx, path.join(ctx.dir, 'khong-co'))).toThrow(/Không tìm thấy thư mục/);
    expect(() => backupToFolder(ctx, ctx.dir)).toThrow(/thư mục khác thư mục chứa dữ liệu/);
    expect(() => backupToFolder(ctx, '/proc/self/status')).toThrow(/không phải thư mục/);
  });

  it('restores the live database from a backup after saving the current state', async () => {
    await createUnit(ctx, { name: 'Xã Hoàng Đồng' });
    const b = autoBackup(ctx, 'manual');
    const atBackup = logicalDump(new Database(b.file, { readonly: true }));
    await createUnit(ctx, { name: 'Xã Mai Pha' });
    const sqliteBefore = ctx.conn.sqlite;
    const r = await restoreFromBackup(ctx, b.file);
    expect(ctx.conn.sqlite).not.toBe(sqliteBefore);
    expect(ctx.conn.sqlite.prepare('SELECT name FROM units ORDER BY id').pluck().all()).toEqual(['Xã Hoàng Đồng']);
    // The state before the restore was saved and still has the unit made after the backup.
    const saved = new Database(r.savedCurrent!, { readonly: true });
    expect(saved.prepare('SELECT name FROM units ORDER BY id').pluck().all()).toEqual(['Xã Hoàng Đồng', 'Xã Mai Pha']);
    saved.close();
    // Restored data equals the backup, plus exactly one audit entry recording the restore.
    const now = JSON.parse(logicalDump(ctx.conn.sqlite)) as [string, unknown][];
    const then = JSON.parse(atBackup) as [string, unknown][];
    expect(now.filter(([t]) => t !== 'audit_log')).toEqual(then.filter(([t]) => t !== 'audit_log'));
    const actions = ctx.conn.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    expect(actions[actions.length - 1]).toBe('backup.restore');
    expect(verifyAuditChain(ctx.data.read).ok).toBe(true);
  });

  it('never replays an old -wal onto the restored file', async () => {
    await createUnit(ctx, { name: 'Khối 1' });
    const b = autoBackup(ctx, 'manual');
    // A crash leaves a database whose last commits live only in its -wal.
    ctx.conn.sqlite.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < 20; i++) await createUnit(ctx, { name: `Khối mới ${i}` });
    const crashCopy = (name: string) => {
      const f = path.join(ctx.dir, name, 'giot-hong.sqlite');
      fs.mkdirSync(path.dirname(f));
      for (const s of ['', '-wal', '-shm']) fs.copyFileSync(ctx.dbPath + s, f + s);
      expect(fs.statSync(f + '-wal').size).toBeGreaterThan(0);
      return f;
    };
    const backup = new Database(b.file, { readonly: true });
    const expected = logicalDump(backup);
    backup.close();
    // Without saving first: the leftover -wal is folded into the OLD file or moved aside, never left for the new one.
    const bare = crashCopy('bare');
    restoreDatabaseFile(bare, b.file, { now: new Date(2026, 4, 3), saveCurrent: false });
    expect(fs.existsSync(bare + '-wal')).toBe(false);
    const restored0 = new Database(bare);
    expect(logicalDump(restored0)).toBe(expected);
    restored0.close();
    // The usual way: the crashed state (with its WAL commits) is saved first, then replaced.
    const crashed = crashCopy('crashed');
    const r = restoreDatabaseFile(crashed, b.file, { now: new Date(2026, 4, 3) });
    const restored = new Database(crashed);
    expect(logicalDump(restored)).toBe(expected);
    restored.close();
    const saved = new Database(r.savedCurrent!, { readonly: true });
    expect(saved.prepare('SELECT count(*) FROM units').pluck().get()).toBe(21);
    saved.close();
  });

  it('refuses to restore onto a locked file or from a damaged backup, leaving the database unchanged', async () => {
    await createUnit(ctx, { name: 'Khối 2' });
    const b = autoBackup(ctx, 'manual');
    await ctx.conn.close();
    const before = logicalDump(new Database(ctx.dbPath, { readonly: true }));
    const other = new Database(ctx.dbPath);
    other.exec('BEGIN EXCLUSIVE');
    expect(() => restoreDatabaseFile(ctx.dbPath, b.file)).toThrow(/đang bị một chương trình khác sử dụng/);
    other.exec('ROLLBACK');
    other.close();
    const bad = path.join(ctx.dir, 'hong.sqlite');
    fs.writeFileSync(bad, Buffer.concat([fs.readFileSync(b.file).subarray(0, 100), Buffer.alloc(8192, 7)]));
    expect(() => restoreDatabaseFile(ctx.dbPath, bad)).toThrow(/bị hỏng hoặc không phải tệp dữ liệu/);
    expect(() => restoreDatabaseFile(ctx.dbPath, path.join(ctx.dir, 'khong-co.sqlite'))).toThrow(/Không tìm thấy tệp sao lưu/);
    const check = new Database(ctx.dbPath, { readonly: true });
    expect(logicalDump(check)).toBe(before);
    check.close();
    ctx.conn = (await import('../../../electron/db/connection')).openDatabase(ctx.dbPath);
  });

  it('quick_check at start finds a damaged file, offers the newest good backup and deletes nothing', async () => {
    await createUnit(ctx, { name: 'Khối 3' });
    for (let i = 0; i < 300; i++) await createUnit(ctx, { name: `Tổ dân phố số ${i} khá dài để chiếm nhiều trang` });
    expect(checkLiveDatabase(ctx).state).toBe('ok');
    const good = autoBackup(ctx, 'daily');
    ctx.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await ctx.conn.close();
    const bytes = fs.readFileSync(ctx.dbPath);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over a b-tree page in the middle of the file.
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0x5a, page * pageSize, page * pageSize + 200);
    fs.writeFileSync(ctx.dbPath, bytes);
    const r = checkDatabaseAtStart(ctx.dbPath);
    expect(r.state).toBe('corrupt');
    expect(r.message).toMatch(/bị hỏng/);
    expect(r.newestGoodBackup?.file).toBe(good.file);
    expect(fs.readFileSync(ctx.dbPath).equals(bytes)).toBe(true);
    const res = restoreDatabaseFile(ctx.dbPath, r.newestGoodBackup!.file);
    expect(res.savedCurrent).toMatch(/damaged-\d+$/);
    expect(fs.readFileSync(path.join(res.savedCurrent!, path.basename(ctx.dbPath))).equals(bytes)).toBe(true);
    expect(checkDatabaseAtStart(ctx.dbPath).state).toBe('ok');
    ctx.conn = (await import('../../../electron/db/connection')).openDatabase(ctx.dbPath);
  });
});

describe('recovery when the database does not open', () => {
  it('offers check, list and restore only, and restores the newest good backup', async () => {
    const ctx = tempContext();
    try {
      await createUnit(ctx, { name: 'Xã Yên Trạch' });
      const good = autoBackup(ctx, 'daily');
      await ctx.conn.close();
      fs.writeFileSync(ctx.dbPath, Buffer.alloc(8192, 0x41));
      const { createRecoveryDispatch } = await import('../../../electron/services/backup/recovery');
      const dispatch = createRecoveryDispatch(ctx.dbPath, 'Không mở được tệp dữ liệu.');
      expect(await dispatch('units:list', {})).toEqual({ ok: false, error: { code: 'DB_OPEN', message: 'Không mở được tệp dữ liệu.' } });
      const check = await dispatch('backup:check', {});
      expect(check).toMatchObject({ ok: true, value: { state: 'corrupt', newestGoodBackup: { id: backupFileId(good.file), name: path.basename(good.file) } } });
      // The renderer sends the id main listed, never the path; a path is refused.
      expect(await dispatch('backup:restore', { file: good.file })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const list = await dispatch('backup:list', {});
      const id = (list as { ok: true; value: { items: { id: string; name: string }[] } }).value.items[0].id;
      expect(JSON.stringify(list)).not.toContain(good.file);
      const restored = await dispatch('backup:restore', { id });
      expect(restored.ok).toBe(true);
      expect(checkDatabaseFile(ctx.dbPath).ok).toBe(true);
      const db = new Database(ctx.dbPath, { readonly: true });
      expect(db.prepare('SELECT name FROM units').pluck().all()).toEqual(['Xã Yên Trạch']);
      db.close();
      ctx.conn = (await import('../../../electron/db/connection')).openDatabase(ctx.dbPath);
    } finally {
      await ctx.cleanup();
    }
  });
});

describe('startDatabase', () => {
  it('opens a healthy file with its daily backup, and serves recovery for a damaged one without touching it', async () => {
    const dir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'giot-hong-start-'));
    try {
      const { startDatabase } = await import('../../../electron/services/backup/startup');
      const dbPath = path.join(dir, 'giot-hong.sqlite');
      const first = startDatabase(dbPath);
      expect(first.mode).toBe('normal');
      if (first.mode !== 'normal') return;
      expect(first.health.state).toBe('missing');
      expect(first.daily?.file).toMatch(/-daily\.sqlite$/);
      await createUnit(first.ctx, { name: 'Xã Tân Thành' });
      await first.ctx.conn.close();
      const bytes = fs.readFileSync(dbPath);
      bytes.fill(0x33, 2 * 4096, 2 * 4096 + 300);
      fs.writeFileSync(dbPath, bytes);
      const second = startDatabase(dbPath);
      expect(second.mode).toBe('recovery');
      if (second.mode !== 'recovery') return;
      expect(second.message).toMatch(/bị hỏng/);
      expect(fs.readFileSync(dbPath).equals(bytes)).toBe(true);
      expect(await second.dispatch('units:list', {})).toMatchObject({ ok: false, error: { code: 'DB_OPEN' } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
