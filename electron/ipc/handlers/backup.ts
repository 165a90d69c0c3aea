import type { HandlerMap } from '../handler-types';
import { autoBackup, backupToFolder, listAutoBackups } from '../../services/backup/auto-backup';
import { backupsDir } from '../../services/backup/backup-store';
import { chooseBackupFile, chooseBackupFolder, fileOfBackupId, folderOfBackupId, toBackupEntry } from '../../services/backup/backup-ids';
import { checkLiveDatabase } from '../../services/backup/health';
import { restoreFromBackup, type SwappableContext } from '../../services/backup/restore';
import { checkDatabaseFile } from '../../services/backup/sqlite-file';

// The renderer sends ids only (backup-ids.ts): main maps them to the files it listed or the clerk chose in its dialog.
export const backupHandlers: HandlerMap<'backup:list' | 'backup:chooseFolder' | 'backup:chooseFile' | 'backup:toFolder' | 'backup:now' | 'backup:restore' | 'backup:check' | 'backup:verifyFile'> = {
  'backup:list': (ctx) => ({ folder: backupsDir(ctx.dbPath), items: listAutoBackups(ctx).map(toBackupEntry) }),
  'backup:chooseFolder': () => chooseBackupFolder(),
  'backup:chooseFile': () => chooseBackupFile(),
  'backup:toFolder': (ctx, args) => backupToFolder(ctx, folderOfBackupId(args.folderId)),
  'backup:now': (ctx) => autoBackup(ctx, 'manual'),
  // The dispatcher's context is the app's AppContext: its connection is swapped in place.
  'backup:restore': (ctx, args) => restoreFromBackup(ctx as SwappableContext, fileOfBackupId(args.id)),
  'backup:check': (ctx) => {
    const r = checkLiveDatabase(ctx);
    return { ...r, newestGoodBackup: r.newestGoodBackup && toBackupEntry(r.newestGoodBackup) };
  },
  'backup:verifyFile': (ctx, args) => checkDatabaseFile(fileOfBackupId(args.id), 'integrity', ctx.dbKey),
};
