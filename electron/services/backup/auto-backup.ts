import { sql } from '../../db/query';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { backupReasonLabel } from '../../../shared/domain/audit-labels';
import { environmentError } from './errors';
import { backupsDir, freeBackupPath, listBackupFiles, removeStalePartials, type BackupFile } from './backup-store';
import { backupsToKeep, capBySize, DEFAULT_RETENTION, type RetentionPolicy } from './retention';
import { cleanPendingPartials, snapshotTo, type FileCheck } from './sqlite-file';

export type BackupReason = 'import' | 'merge' | 'migration' | 'daily' | 'before-restore' | 'before-erase' | 'manual' | (string & {});

export interface BackupResult {
  file: string;
  size: number;
  check: FileCheck;
  /** Automatic backups removed by the retention rule. */
  pruned: string[];
}

function assertNotInTransaction(ctx: ServiceContext): void {
  if (ctx.data.inTransaction) {
    // VACUUM INTO cannot run inside a transaction, and a backup taken there would miss nothing useful.
    throw new AppError('BACKUP_IN_TX', 'Không thể sao lưu giữa chừng một thao tác đang ghi dữ liệu. Hãy gọi sao lưu trước khi bắt đầu thao tác.');
  }
}

/** Applies the retention rule to the automatic backups folder; returns the names removed. */
export function pruneBackups(dir: string, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION, justWritten?: string): string[] {
  const all = listBackupFiles(dir);
  const byPolicy = backupsToKeep(all.map((b) => ({ name: b.name, at: new Date(b.createdAt) })), now, policy);
  const keep = capBySize(all.filter((b) => byPolicy.has(b.name)).map((b) => ({ name: b.name, at: new Date(b.createdAt), size: b.size })), policy.maxTotalBytes);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.name) || b.file === justWritten) continue; // never the copy just made
    try {
      fs.rmSync(b.file, { force: true });
      fs.rmSync(`${b.file}.sha256`, { force: true });
      removed.push(b.name);
    } catch {
      // A backup that cannot be removed now is removed next time.
    }
  }
  return removed;
}

/**
 * The automatic backup other capabilities call before they change much (an import, a merge batch,
 * a migration) and once a day. Writes a verified snapshot into the backups folder beside the
 * database, then applies the retention rule (all of today, 7 daily, 12 monthly).
 */
export function autoBackup(ctx: ServiceContext, reason: BackupReason, policy: RetentionPolicy = DEFAULT_RETENTION): BackupResult {
  assertNotInTransaction(ctx);
  const dir = backupsDir(ctx.dbPath);
  removeStalePartials(dir);
  cleanPendingPartials(ctx.dbPath);
  const now = ctx.now();
  const file = freeBackupPath(dir, now, reason);
  const check = snapshotTo(ctx.data, file, ctx.dbKey);
  const pruned = pruneBackups(dir, now, policy, file);
  ctx.data.write((w) => appendAudit(w, { action: 'backup.auto', entity: 'backup', detail: `${path.basename(file)} (${backupReasonLabel(reason)})` }, now.toISOString()));
  return { file, size: fs.statSync(file).size, check, pruned };
}

/** Makes today's daily backup unless one of any kind already exists for today. */
export function ensureDailyBackup(ctx: ServiceContext): BackupResult | null {
  const now = ctx.now();
  const today = now.toDateString();
  const hasToday = listBackupFiles(backupsDir(ctx.dbPath)).some((b) => new Date(b.createdAt).toDateString() === today);
  return hasToday ? null : autoBackup(ctx, 'daily');
}

export function listAutoBackups(ctx: ServiceContext): BackupFile[] {
  return listBackupFiles(backupsDir(ctx.dbPath));
}

/**
 * "Sao lưu ngay" to a folder the clerk chose (a USB stick): a verified snapshot whose name says when
 * it was made. The database is only read.
 */
export function backupToFolder(ctx: ServiceContext, folder: string): BackupResult {
  assertNotInTransaction(ctx);
  const dir = path.resolve(folder.trim());
  if (!folder.trim()) throw new AppError('VALIDATION', 'Hãy chọn hoặc nhập thư mục để lưu bản sao (ví dụ ổ USB E:\\).');
  if (!fs.existsSync(dir)) {
    throw new AppError('NOT_FOUND', `Không tìm thấy thư mục "${dir}". Hãy kiểm tra USB đã cắm và đường dẫn đúng. Dữ liệu hiện tại không bị thay đổi.`);
  }
  if (!fs.statSync(dir).isDirectory()) {
    throw new AppError('NOT_A_FOLDER', `"${dir}" là một tệp, không phải thư mục. Hãy chọn một thư mục.`);
  }
  if (path.resolve(dir) === path.resolve(path.dirname(ctx.dbPath))) {
    throw new AppError('SAME_FOLDER', 'Hãy chọn một thư mục khác thư mục chứa dữ liệu (tốt nhất là USB hoặc ổ đĩa khác), để bản sao còn nguyên nếu máy hỏng.');
  }
  const now = ctx.now();
  const file = freeBackupPath(dir, now, 'manual');
  const check = snapshotTo(ctx.data, file, ctx.dbKey);
  try {
    ctx.data.write((w) => appendAudit(w, { action: 'backup.manual', entity: 'backup', detail: path.basename(file) }, now.toISOString()));
  } catch (e) {
    // The copy is written and verified: say so, whatever kept the audit entry from being written.
    const env = environmentError(e, '');
    throw new AppError(env?.code ?? 'BACKUP_AUDIT', `Bản sao lưu ĐÃ được ghi và kiểm tra tốt tại "${file}". Chỉ có dòng nhật ký ghi nhận việc sao lưu là chưa ghi được${env ? `: ${env.message}` : '.'}`.trim());
  }
  return { file, size: fs.statSync(file).size, check, pruned: [] };
}

/**
 * The automatic backup taken before an import or a merge batch: skipped while the database holds
 * no people yet (nothing to lose), so a first import on a new file costs nothing.
 */
export function backupBeforeChange(ctx: ServiceContext, reason: BackupReason): BackupResult | null {
  const has = ctx.data.read.value(sql<{ has: number }>`SELECT EXISTS (SELECT 1 FROM people) AS has`);
  return has ? autoBackup(ctx, reason) : null;
}
