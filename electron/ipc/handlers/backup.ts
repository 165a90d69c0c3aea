import type { HandlerMap } from '../handler-types';
import { autoBackup, backupToFolder, listAutoBackups } from '../../services/backup/auto-backup';
import { backupsDir } from '../../services/backup/backup-store';
import { checkLiveDatabase } from '../../services/backup/health';
import { restoreFromBackup, type SwappableContext } from '../../services/backup/restore';
import { checkDatabaseFile } from '../../services/backup/sqlite-file';

export const backupHandlers: HandlerMap<'backup:list' | 'backup:toFolder' | 'backup:now' | 'backup:restore' | 'backup:check' | 'backup:verifyFile'> = {
  'backup:list': (ctx) => ({ folder: backupsDir(ctx.dbPath), items: listAutoBackups(ctx) }),
  'backup:toFolder': (ctx, args) => backupToFolder(ctx, args.folder),
  'backup:now': (ctx) => autoBackup(ctx, 'manual'),
  // The dispatcher's context is the app's AppContext: its connection is swapped in place.
  'backup:restore': (ctx, args) => restoreFromBackup(ctx as SwappableContext, args.file),
  'backup:check': (ctx) => checkLiveDatabase(ctx),
  'backup:verifyFile': (ctx, args) => checkDatabaseFile(args.file, 'integrity', ctx.dbKey),
};
