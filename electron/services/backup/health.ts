import { quickCheck } from '../../db/maintenance';
import fs from 'node:fs';
import type { ServiceContext } from '../context';
import { backupsDir, listBackupFiles, type BackupFile } from './backup-store';
import { checkDatabaseFile } from './sqlite-file';

export interface HealthReport {
  state: 'ok' | 'corrupt' | 'missing';
  /** A sentence the screen shows as is. */
  message: string;
  details: string[];
  checkedAt: string;
  /** Offered when the database is damaged; null when there is none. */
  newestGoodBackup: BackupFile | null;
}

/** The newest automatic backup that passes quick_check (damaged ones are skipped, never deleted). */
export function newestGoodBackup(dbPath: string, key?: string): BackupFile | null {
  for (const b of listBackupFiles(backupsDir(dbPath))) {
    if (checkDatabaseFile(b.file, 'quick', key).ok) return b;
  }
  return null;
}

function report(ok: boolean, details: string[], dbPath: string, now: Date, key?: string): HealthReport {
  if (ok) {
    return { state: 'ok', message: 'Dữ liệu nguyên vẹn: kiểm tra nhanh (quick_check) không thấy lỗi.', details, checkedAt: now.toISOString(), newestGoodBackup: null };
  }
  const good = newestGoodBackup(dbPath, key);
  const offer = good
    ? `Có thể khôi phục từ bản sao lưu tốt gần nhất (${good.name}); trước khi khôi phục, dữ liệu hiện tại sẽ được lưu lại, không xoá.`
    : 'Không tìm thấy bản sao lưu tự động nào còn tốt; hãy khôi phục từ bản sao lưu trên USB nếu có. Tệp hiện tại được giữ nguyên, không xoá.';
  return { state: 'corrupt', message: `Tệp dữ liệu bị hỏng (kiểm tra: ${details[0] ?? 'lỗi'}). ${offer}`, details, checkedAt: now.toISOString(), newestGoodBackup: good };
}

/** quick_check on the open database, for the settings screen. */
export function checkLiveDatabase(ctx: ServiceContext): HealthReport {
  let details: string[];
  try {
    details = quickCheck(ctx.data);
  } catch (e) {
    details = [(e as { code?: string }).code ?? 'ERROR'];
  }
  return report(details.length === 1 && details[0] === 'ok', details, ctx.dbPath, ctx.now(), ctx.dbKey);
}

/**
 * At start, before the database is opened for writing: quick_check on the file. The caller shows a
 * recovery screen when the state is "corrupt" instead of opening (and never deletes the file).
 */
export function checkDatabaseAtStart(dbPath: string, now = new Date(), key?: string): HealthReport {
  if (!fs.existsSync(dbPath)) {
    return { state: 'missing', message: 'Chưa có tệp dữ liệu; một tệp mới sẽ được tạo.', details: [], checkedAt: now.toISOString(), newestGoodBackup: null };
  }
  const c = checkDatabaseFile(dbPath, 'quick', key);
  return report(c.ok, c.messages, dbPath, now, key);
}
