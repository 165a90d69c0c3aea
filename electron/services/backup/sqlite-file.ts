import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import { latestVersion } from '../../db/migrations';
import { openSqlite } from '../../db/sqlite-driver';
import { fileError } from './errors';

export interface FileCheck {
  ok: boolean;
  /** First lines of integrity_check / quick_check ("ok" when healthy). */
  messages: string[];
  schemaVersion: number;
  counts: { people: number; registrations: number; donations: number; campaigns: number };
}

/** Flushes a file (and, where the platform allows, its folder entry) to the disk. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncDir(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a folder for fsync; NTFS journals renames.
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems (e.g. FAT on USB sticks) refuse; the file itself is already synced.
  }
}

function count(db: Database.Database, table: string): number {
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } catch {
    return 0;
  }
}

/**
 * Opens a database file read-only and runs `integrity_check` (or the faster `quick_check`).
 * Never modifies the file; never throws for a damaged file (ok=false instead).
 */
export function checkDatabaseFile(file: string, mode: 'integrity' | 'quick' = 'integrity', key?: string): FileCheck {
  const empty = { people: 0, registrations: 0, donations: 0, campaigns: 0 };
  let db: Database.Database | null = null;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true }, key);
    const rows = db.pragma(mode === 'integrity' ? 'integrity_check(20)' : 'quick_check(20)') as { integrity_check?: string; quick_check?: string }[];
    const messages = rows.map((r) => String(r.integrity_check ?? r.quick_check ?? Object.values(r)[0]));
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const ok = messages.length === 1 && messages[0] === 'ok';
    const counts = ok
      ? { people: count(db, 'people'), registrations: count(db, 'registrations'), donations: count(db, 'donations'), campaigns: count(db, 'campaigns') }
      : empty;
    return { ok, messages, schemaVersion, counts };
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'ERROR';
    return { ok: false, messages: [code], schemaVersion: 0, counts: empty };
  } finally {
    db?.close();
  }
}

/** A file that is a healthy Giọt Hồng database this version can open; otherwise a clear AppError. */
export function assertRestorable(file: string, key?: string): FileCheck {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new AppError('BACKUP_NOT_FOUND', `Không tìm thấy tệp sao lưu "${file}". Hãy kiểm tra lại đường dẫn. Dữ liệu hiện tại không bị thay đổi.`);
  }
  const c = checkDatabaseFile(file, 'integrity', key);
  if (!c.ok && key && c.messages[0]?.startsWith('SQLITE_NOTADB')) {
    throw new AppError('BACKUP_KEY', `Tệp sao lưu "${path.basename(file)}" không giải mã được bằng khoá của máy này: nó được mã hoá bằng khoá khác (tài khoản Windows khác), chưa mã hoá (bản cũ) hoặc bị hỏng. Bản sao lưu chỉ khôi phục được trên đúng tài khoản Windows đã tạo ra nó. Dữ liệu hiện tại không bị thay đổi.`);
  }
  if (!c.ok) {
    throw new AppError('BACKUP_DAMAGED', `Tệp sao lưu "${path.basename(file)}" bị hỏng hoặc không phải tệp dữ liệu Giọt Hồng (kiểm tra: ${c.messages[0]}). Hãy chọn bản sao lưu khác. Dữ liệu hiện tại không bị thay đổi.`);
  }
  if (c.schemaVersion === 0) {
    throw new AppError('BACKUP_NOT_APP', `Tệp "${path.basename(file)}" không phải tệp dữ liệu Giọt Hồng. Hãy chọn tệp sao lưu (.sqlite) do Giọt Hồng tạo. Dữ liệu hiện tại không bị thay đổi.`);
  }
  if (c.schemaVersion > latestVersion) {
    throw new AppError('BACKUP_TOO_NEW', `Tệp sao lưu "${path.basename(file)}" do phiên bản Giọt Hồng mới hơn tạo (phiên bản dữ liệu ${c.schemaVersion}). Hãy cài phiên bản mới nhất rồi khôi phục. Dữ liệu hiện tại không bị thay đổi.`);
  }
  return c;
}

/**
 * Writes a consistent snapshot of an open database to `dest` with `VACUUM INTO` (never a file copy):
 * first to `dest.partial`, synced, checked with integrity_check, then renamed into place, so a crash
 * or a full disk never leaves a half file under the final name.
 */
export function snapshotTo(sqlite: Database.Database, dest: string, key?: string): FileCheck {
  const partial = `${dest}.partial`;
  const dir = path.dirname(dest);
  try {
    fs.mkdirSync(dir, { recursive: true });
    if (fs.existsSync(dest)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    fs.rmSync(partial, { force: true });
    sqlite.prepare('VACUUM INTO ?').run(partial);
    syncFile(partial);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    if ((e as { code?: string }).code === 'EEXIST') {
      throw new AppError('BACKUP_EXISTS', `Đã có tệp "${path.basename(dest)}" trong thư mục đích. Hãy chọn thư mục khác hoặc thử lại sau ít giây.`);
    }
    throw fileError(e, dir, 'sao lưu');
  }
  const check = checkDatabaseFile(partial, 'integrity', key);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new AppError('BACKUP_VERIFY', `Bản sao lưu vừa ghi vào "${dir}" không đọc lại được đúng (kiểm tra: ${check.messages[0]}), nên đã bị bỏ. Ổ đĩa/USB có thể bị lỗi: hãy thử ổ khác. Dữ liệu hiện tại không bị thay đổi.`);
  }
  try {
    fs.renameSync(partial, dest);
    syncDir(dir);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw fileError(e, dir, 'sao lưu');
  }
  return check;
}
