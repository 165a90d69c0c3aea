import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors/app-error';
import { latestVersion, migrations } from '../../db/migrations';
import { migrate } from '../../db/migrate';
import { openSqlite } from '../../db/sqlite-driver';
import { fileError } from './errors';
import { connectionOf, type Data } from '../../db/data';

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

/** The checksum written beside every backup: `NAME.sqlite.sha256`, in `sha256sum` format. */
export const CHECKSUM_SUFFIX = '.sha256';

/** SHA-256 of a file, read in 1 MB pieces. */
export function fileSha256(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

function writeChecksum(ofFile: string, asName: string): void {
  const side = path.join(path.dirname(asName), path.basename(asName) + CHECKSUM_SUFFIX);
  fs.writeFileSync(side, `${fileSha256(ofFile)}  ${path.basename(asName)}\n`);
  syncFile(side);
}

/**
 * Checks a backup against the checksum written with it. 'absent' for a copy without one (made by an
 * older version, or copied alone); throws BACKUP_TAMPERED when the bytes changed since it was written.
 */
export function verifyChecksum(file: string): 'ok' | 'absent' {
  const side = file + CHECKSUM_SUFFIX;
  if (!fs.existsSync(side)) return 'absent';
  const want = /^([0-9a-f]{64})\b/i.exec(fs.readFileSync(side, 'utf8').trim())?.[1]?.toLowerCase();
  if (!want || want !== fileSha256(file)) {
    throw new AppError('BACKUP_TAMPERED', `Tệp sao lưu "${path.basename(file)}" đã bị thay đổi sau khi được tạo (không khớp mã kiểm tra trong "${path.basename(side)}"): tệp bị hỏng trên đĩa/USB hoặc đã bị sửa. Hãy chọn bản sao lưu khác. Dữ liệu hiện tại không bị thay đổi.`);
  }
  return 'ok';
}

/** Writes the checksum of a backup changed on purpose by the app itself (encrypted in place). */
export function refreshChecksum(file: string): void {
  writeChecksum(file, file);
}

/** SQL text compared without case and whitespace differences. */
function normalizeSql(sql: string | null): string {
  return (sql ?? '').replace(/\s+/g, ' ').replace(/\s*([(),;=])\s*/g, '$1').trim().toLowerCase();
}

type SchemaObject = { type: string; name: string; tbl_name: string; sql: string | null };

function schemaOf(db: Database.Database): Map<string, SchemaObject> {
  const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type}:${r.name}`, r]));
}

/** The schema this version of the app creates at `version` (an in-memory database migrated that far). */
function referenceSchema(version: number): Map<string, SchemaObject> | null {
  if (!migrations.some((m) => m.version === version)) return null;
  const mem = openSqlite(':memory:', {});
  try {
    migrate(mem, migrations, version);
    return schemaOf(mem);
  } finally {
    mem.close();
  }
}

const KIND: Record<string, string> = { table: 'bảng', index: 'chỉ mục', trigger: 'trigger', view: 'view' };

/**
 * The backup's schema must be exactly the app's own at its version: the same tables with the same
 * columns and constraints, the same indexes, and no trigger or view the app did not create (a
 * foreign trigger would run inside the app after the restore, e.g. on the restore's own audit entry).
 */
export function assertAppSchema(file: string, version: number, key?: string): void {
  const name = path.basename(file);
  const ref = referenceSchema(version);
  if (!ref) {
    throw new AppError('BACKUP_NOT_APP', `Tệp "${name}" không phải tệp dữ liệu Giọt Hồng (phiên bản dữ liệu ${version} không có trong ứng dụng). Hãy chọn tệp sao lưu do Giọt Hồng tạo. Dữ liệu hiện tại không bị thay đổi.`);
  }
  const db = openSqlite(file, { readonly: true, fileMustExist: true }, key);
  let found: Map<string, SchemaObject>;
  try {
    found = schemaOf(db);
  } finally {
    db.close();
  }
  const problems: string[] = [];
  for (const [k, o] of found) {
    const r = ref.get(k);
    if (!r) problems.push(`có ${KIND[o.type] ?? o.type} lạ "${o.name}"`);
    else if (normalizeSql(r.sql) !== normalizeSql(o.sql)) problems.push(`${KIND[o.type] ?? o.type} "${o.name}" khác với của ứng dụng`);
  }
  for (const [k, r] of ref) if (!found.has(k)) problems.push(`thiếu ${KIND[r.type] ?? r.type} "${r.name}"`);
  if (problems.length) {
    const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; và ${problems.length - 3} khác biệt khác` : '');
    throw new AppError('BACKUP_NOT_APP', `Tệp "${name}" không phải bản sao lưu nguyên vẹn của Giọt Hồng: cấu trúc dữ liệu khác với của ứng dụng (${shown}). Tệp có thể đến từ chương trình khác hoặc đã bị sửa; không khôi phục từ tệp này. Dữ liệu hiện tại không bị thay đổi.`);
  }
}

/**
 * A file that is a healthy Giọt Hồng database this version can open, unchanged since it was written
 * (its checksum, when it has one) and with exactly the app's schema; otherwise a clear AppError.
 */
export function assertRestorable(file: string, key?: string): FileCheck {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new AppError('BACKUP_NOT_FOUND', `Không tìm thấy tệp sao lưu "${file}". Hãy kiểm tra lại đường dẫn. Dữ liệu hiện tại không bị thay đổi.`);
  }
  verifyChecksum(file);
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
  assertAppSchema(file, c.schemaVersion, key);
  return c;
}

/**
 * Half-written copies outside the backups folder (a USB stick pulled, the app killed) hold the data
 * in clear when the database is plain: their paths are noted here while they are written, and
 * `cleanPendingPartials` (at start and before each backup) deletes any that are still there.
 */
function pendingLedger(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups', 'pending-partials.txt');
}

function notePending(dbFile: string, partial: string, add: boolean): void {
  if (!dbFile || dbFile === ':memory:') return;
  const ledger = pendingLedger(dbFile);
  try {
    const lines = fs.existsSync(ledger) ? fs.readFileSync(ledger, 'utf8').split('\n').filter(Boolean) : [];
    const next = add ? [...lines.filter((l) => l !== partial), partial] : lines.filter((l) => l !== partial);
    fs.mkdirSync(path.dirname(ledger), { recursive: true });
    if (next.length) { fs.writeFileSync(ledger, next.join('\n') + '\n'); if (add) syncFile(ledger); } else fs.rmSync(ledger, { force: true });
  } catch {
    // The ledger is a safety net: a backup never fails because of it.
  }
}

/** Deletes the half-written copies a killed backup left behind (see `notePending`); returns them. */
export function cleanPendingPartials(dbPath: string): string[] {
  const ledger = pendingLedger(dbPath);
  if (!fs.existsSync(ledger)) return [];
  const removed: string[] = [];
  for (const p of fs.readFileSync(ledger, 'utf8').split('\n').filter(Boolean)) {
    if (!p.endsWith('.partial')) continue;
    try {
      if (fs.existsSync(p)) { fs.rmSync(p, { force: true }); removed.push(p); }
      // Killed between writing the checksum and the rename: a checksum of a backup that never was.
      const dest = p.slice(0, -'.partial'.length);
      if (!fs.existsSync(dest)) fs.rmSync(dest + CHECKSUM_SUFFIX, { force: true });
    } catch {
      return removed; // the stick is not there now: try again at the next start
    }
  }
  fs.rmSync(ledger, { force: true });
  return removed;
}

/**
 * Writes a consistent snapshot of an open database to `dest` with `VACUUM INTO` (never a file copy):
 * first to `dest.partial`, synced, checked with integrity_check, then renamed into place, so a crash
 * or a full disk never leaves a half file under the final name.
 */
export function snapshotTo(source: Data | Database.Database, dest: string, key?: string): FileCheck {
  const sqlite = 'pragma' in source ? source : connectionOf(source);
  const partial = `${dest}.partial`;
  const dir = path.dirname(dest);
  const dbFile = sqlite.name;
  notePending(dbFile, partial, true);
  try {
    return writeSnapshot(sqlite, dest, partial, dir, key);
  } finally {
    notePending(dbFile, partial, false);
  }
}

function writeSnapshot(sqlite: Database.Database, dest: string, partial: string, dir: string, key?: string): FileCheck {
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
    // The checksum first (of the verified bytes), then the rename: a backup never lacks it for long.
    writeChecksum(partial, dest);
    fs.renameSync(partial, dest);
    syncDir(dir);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(dest + CHECKSUM_SUFFIX, { force: true });
    throw fileError(e, dir, 'sao lưu');
  }
  return check;
}
