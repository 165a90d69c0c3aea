import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import { openDatabase, type Connection } from '../../db/connection';
import { openSqlite } from '../../db/sqlite-driver';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { backupsDir, freeBackupPath } from './backup-store';
import { fileError } from './errors';
import { logError } from '../../log';
import { assertRestorable, checkDatabaseFile, snapshotTo, syncDir, syncFile } from './sqlite-file';

export interface RestoreResult {
  restoredFrom: string;
  /** The snapshot of the state before the restore (or the folder holding the raw damaged files). */
  savedCurrent: string | null;
  /** Leftover -wal/-shm/-journal files moved aside so they are never replayed onto the restored file. */
  movedAside: string[];
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Fails with a clear message when another program holds the database (another Giọt Hồng window…). */
function assertNotLocked(dbPath: string, key?: string): void {
  if (!fs.existsSync(dbPath)) return;
  let db: Database.Database | null = null;
  try {
    db = openSqlite(dbPath, { fileMustExist: true, timeout: 300 }, key);
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
      throw fileError(e, dbPath, 'khôi phục');
    }
    // A damaged current file is exactly what a restore is for: carry on.
  } finally {
    db?.close();
  }
}

/**
 * Saves what is there now before it is replaced: a verified snapshot when the file opens, or else a
 * plain copy of the closed file and its side files into a "damaged-…" folder (never silently deleted).
 */
function saveCurrentState(dbPath: string, now: Date, key?: string): string | null {
  if (!fs.existsSync(dbPath)) return null;
  const dir = backupsDir(dbPath);
  try {
    const db = openSqlite(dbPath, { fileMustExist: true, timeout: 300 }, key);
    try {
      if (checkDatabaseFile(dbPath, 'quick', key).ok) {
        const file = freeBackupPath(dir, now, 'before-restore');
        snapshotTo(db, file, key);
        return file;
      }
    } finally {
      db.close();
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'DISK_FULL' || (e as { code?: string }).code === 'READ_ONLY') throw e;
  }
  const damaged = path.join(dir, `damaged-${now.getTime()}`);
  try {
    fs.mkdirSync(damaged, { recursive: true });
    for (const suffix of ['', ...SIDE_FILES]) {
      if (fs.existsSync(dbPath + suffix)) fs.copyFileSync(dbPath + suffix, path.join(damaged, path.basename(dbPath) + suffix));
    }
  } catch (e) {
    throw fileError(e, damaged, 'lưu lại dữ liệu hiện tại trước khi khôi phục');
  }
  return damaged;
}

/**
 * Replaces the database FILE with a backup. No connection may be open on `dbPath` (the live variant
 * below closes its own first). Steps: check the backup; save the current state; write the backup
 * with VACUUM INTO to a temp file beside the database and check it; move old -wal/-shm aside; rename.
 */
/** The copy a restore writes beside the database before renaming it over the live file. */
export function restoreTmpPath(dbPath: string): string {
  return `${path.resolve(dbPath)}.restore-tmp`;
}

/**
 * Removes the temporary copy of a restore killed before its rename (kill -9, power cut): a whole or
 * half copy of a backup, up to the database's size, that nothing else would ever remove. The live
 * file is untouched: the restore had not replaced it yet.
 */
export function removeRestoreLeftover(dbPath: string): boolean {
  const tmp = restoreTmpPath(dbPath);
  if (!fs.existsSync(tmp)) return false;
  fs.rmSync(tmp, { force: true });
  return true;
}

export function restoreDatabaseFile(dbPath: string, from: string, opts: { now?: Date; saveCurrent?: boolean; key?: string } = {}): RestoreResult {
  const now = opts.now ?? new Date();
  const source = path.resolve(from);
  const target = path.resolve(dbPath);
  if (source === target) throw new AppError('RESTORE_SAME', 'Tệp sao lưu chính là tệp dữ liệu đang dùng. Hãy chọn một bản sao lưu khác.');
  const key = opts.key;
  assertRestorable(source, key);
  assertNotLocked(target, key);
  let savedCurrent: string | null = null;
  if (opts.saveCurrent !== false) savedCurrent = saveCurrentState(target, now, key);
  const tmp = restoreTmpPath(target);
  try {
    fs.rmSync(tmp, { force: true });
    const src = openSqlite(source, { readonly: true, fileMustExist: true }, key);
    try {
      src.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      src.close();
    }
    syncFile(tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw fileError(e, path.dirname(target), 'khôi phục');
  }
  const check = checkDatabaseFile(tmp, 'integrity', key);
  if (!check.ok) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('RESTORE_VERIFY', 'Bản khôi phục ghi ra đĩa không đọc lại được đúng, nên đã bị bỏ. Ổ đĩa có thể bị lỗi. Dữ liệu hiện tại không bị thay đổi.');
  }
  const movedAside: string[] = [];
  try {
    for (const suffix of SIDE_FILES) {
      const side = target + suffix;
      if (!fs.existsSync(side)) continue;
      const aside = path.join(backupsDir(target), `stale-${now.getTime()}-${path.basename(side)}`);
      fs.mkdirSync(path.dirname(aside), { recursive: true });
      fs.renameSync(side, aside);
      movedAside.push(aside);
    }
    fs.renameSync(tmp, target);
    syncDir(path.dirname(target));
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    // Put the side files back so the untouched database keeps its committed WAL content.
    for (const aside of movedAside) {
      const suffix = SIDE_FILES.find((s) => aside.endsWith(s)) ?? '';
      if (!fs.existsSync(target + suffix)) fs.renameSync(aside, target + suffix);
    }
    throw fileError(e, target, 'khôi phục');
  }
  return { restoredFrom: source, savedCurrent, movedAside };
}

/** A context whose connection can be swapped (the app's and the CLI's AppContext). */
export interface SwappableContext extends ServiceContext {
  conn?: Connection;
}

/**
 * Restores the live database from a backup: checks the backup, snapshots the current state, closes
 * the connection, replaces the file, and reopens (migrating an older backup) into the same context
 * object, so every handler holding it sees the restored data. On any failure the old file reopens.
 */
export async function restoreFromBackup(ctx: SwappableContext, from: string): Promise<RestoreResult> {
  if (!ctx.conn) throw new AppError('RESTORE_UNSUPPORTED', 'Không thể khôi phục trong chế độ này. Hãy dùng lệnh "restore" của dòng lệnh.');
  if (ctx.data.inTransaction) throw new AppError('BACKUP_IN_TX', 'Không thể khôi phục giữa chừng một thao tác đang ghi dữ liệu.');
  const source = path.resolve(from);
  const key = ctx.dbKey;
  assertRestorable(source, key);
  const now = ctx.now();
  const saved = freeBackupPath(backupsDir(ctx.dbPath), now, 'before-restore');
  snapshotTo(ctx.data, saved, key);
  await ctx.conn.close();
  let result: RestoreResult;
  try {
    result = restoreDatabaseFile(ctx.dbPath, source, { now, saveCurrent: false, key });
  } catch (e) {
    swap(ctx, openDatabase(ctx.dbPath, { key }));
    throw e;
  }
  try {
    // Reopen (an older backup is migrated here) and record the restore; any failure rolls back.
    swap(ctx, openDatabase(ctx.dbPath, { key }));
    ctx.data.write((w) => appendAudit(w, { action: 'backup.restore', entity: 'backup', detail: `${path.basename(source)}; trước đó đã lưu ${path.basename(saved)}` }, now.toISOString()));
  } catch (e) {
    logError('restore: reopen', e);
    try { await ctx.conn?.close(); } catch { /* already closed or never opened */ }
    restoreDatabaseFile(ctx.dbPath, saved, { now, saveCurrent: false, key });
    swap(ctx, openDatabase(ctx.dbPath, { key }));
    throw new AppError('RESTORE_ROLLED_BACK', `Đã chép bản sao lưu "${path.basename(source)}" nhưng không mở được nó với phiên bản này, nên dữ liệu đã được đưa lại đúng như trước khi khôi phục (bản lưu "${path.basename(saved)}"). Dữ liệu hiện tại không bị thay đổi.`);
  }
  return { ...result, savedCurrent: saved };
}

function swap(ctx: SwappableContext, conn: Connection): void {
  Object.assign(ctx, { conn, data: conn.data });
}
