import { isAppError } from '../../../shared/errors/app-error';
import { createAppContext, type AppContext } from '../create-context';
import { encryptDatabase, isPlaintextDatabase } from '../../db/encrypt';
import { logError } from '../../log';
import { ensureDailyBackup, type BackupResult } from './auto-backup';
import { checkDatabaseAtStart, type HealthReport } from './health';
import { backupBeforeMigration } from './migration-backup';
import { backupsDir, listBackupFiles } from './backup-store';
import { checkDatabaseFile, cleanPendingPartials, refreshChecksum, verifyChecksum } from './sqlite-file';
import { removeRestoreLeftover } from './restore';
import { createRecoveryDispatch } from './recovery';

export type StartResult =
  | { mode: 'normal'; ctx: AppContext; health: HealthReport; migrationBackup: string | null; daily: BackupResult | null }
  | { mode: 'recovery'; health: HealthReport; message: string; dispatch: ReturnType<typeof createRecoveryDispatch> };

/**
 * How main (and the host) should open the database: quick_check first; a damaged file is never
 * opened for writing but served by the recovery dispatcher (check, list, restore); otherwise a
 * backup before a pending migration, the open (with migrations), then today's daily backup.
 */
export function startDatabase(dbPath: string, opts: { now?: () => Date; key?: string } = {}): StartResult {
  const now = opts.now ?? (() => new Date());
  const key = opts.key;
  // Half-written copies of a backup killed midway (e.g. to a USB stick) never stay on a disk.
  try { cleanPendingPartials(dbPath); } catch (e) { logError('clean partial backups', e); }
  // A restore killed while it copied the backup in leaves its temporary copy (never the live file).
  try { removeRestoreLeftover(dbPath); } catch (e) { logError('clean restore leftover', e); }
  if (key) encryptPlainFiles(dbPath, key);
  const health = checkDatabaseAtStart(dbPath, now(), key);
  const recovery = (message: string): StartResult => ({ mode: 'recovery', health, message, dispatch: createRecoveryDispatch(dbPath, message, key) });
  if (health.state === 'corrupt') return recovery(health.message);
  let migrationBackup: string | null = null;
  let ctx: AppContext;
  try {
    migrationBackup = backupBeforeMigration(dbPath, now(), undefined, key);
    ctx = createAppContext(dbPath, { now, key });
  } catch (e) {
    if (!isAppError(e)) logError('open database', e);
    return recovery(isAppError(e) ? e.message : 'Không mở được tệp dữ liệu. Hãy khôi phục từ bản sao lưu; tệp hiện tại được giữ nguyên.');
  }
  let daily: BackupResult | null = null;
  try {
    daily = ensureDailyBackup(ctx);
  } catch (e) {
    // A failed daily backup must not stop the office working; the next start tries again.
    logError('daily backup', e);
  }
  return { mode: 'normal', ctx, health, migrationBackup, daily };
}

/**
 * With a key: a healthy plain database (from before encryption was on) and its plain automatic
 * backups are encrypted in place, so no personal data stays readable on the disk. A damaged plain
 * file is left alone (the health check then offers recovery).
 */
function encryptPlainFiles(dbPath: string, key: string): void {
  try {
    if (isPlaintextDatabase(dbPath) && checkDatabaseFile(dbPath, 'quick').ok) encryptDatabase(dbPath, key);
  } catch (e) {
    logError('encrypt database', e);
  }
  for (const b of listBackupFiles(backupsDir(dbPath))) {
    try {
      // A backup that no longer matches its checksum is left as it is (restore refuses it).
      if (isPlaintextDatabase(b.file) && checkDatabaseFile(b.file, 'quick').ok && verifyChecksum(b.file)) {
        encryptDatabase(b.file, key);
        refreshChecksum(b.file);
      }
    } catch (e) {
      logError('encrypt backup', e);
    }
  }
}
