import { isAppError } from '../../../shared/errors/app-error';
import { backupChannels } from '../../../shared/ipc/channels/backup';
import type { Result } from '../../../shared/ipc/result';
import { backupsDir, listBackupFiles } from './backup-store';
import { checkDatabaseAtStart } from './health';
import { restoreDatabaseFile } from './restore';
import { chooseBackupFile, fileOfBackupId, toBackupEntry } from './backup-ids';

/**
 * The dispatcher for when the database cannot be opened (damaged at start): only the channels of
 * the recovery screen work — check, list the automatic backups, restore one (the damaged file is
 * saved first, never deleted). Everything else answers with `openError`. After a restore the app
 * must be restarted to open the restored file normally.
 */
export function createRecoveryDispatch(dbPath: string, openError: string, key?: string): (channel: string, rawArgs: unknown) => Promise<Result<unknown>> {
  return async (channel, rawArgs) => {
    try {
      if (channel === 'backup:check') {
        const r = checkDatabaseAtStart(dbPath, new Date(), key);
        return { ok: true, value: { ...r, newestGoodBackup: r.newestGoodBackup && toBackupEntry(r.newestGoodBackup) } };
      }
      if (channel === 'backup:list') return { ok: true, value: { folder: backupsDir(dbPath), items: listBackupFiles(backupsDir(dbPath)).map(toBackupEntry) } };
      if (channel === 'backup:chooseFile') return { ok: true, value: await chooseBackupFile() };
      if (channel === 'backup:restore') {
        // An id main gave out (listed backup or main's own dialog), never a path from the renderer.
        const parsed = backupChannels['backup:restore'].args.safeParse(rawArgs ?? {});
        if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'Hãy chọn tệp sao lưu để khôi phục.' } };
        return { ok: true, value: restoreDatabaseFile(dbPath, fileOfBackupId(parsed.data.id), { key }) };
      }
      return { ok: false, error: { code: 'DB_OPEN', message: openError } };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message } };
      return { ok: false, error: { code: 'INTERNAL', message: 'Khôi phục không thành công do lỗi không mong muốn. Tệp dữ liệu hiện tại không bị xoá.' } };
    }
  };
}
