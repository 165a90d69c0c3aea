import fs from 'node:fs';
import { latestVersion } from '../../db/migrations';
import { openSqlite } from '../../db/sqlite-driver';
import { backupsDir, freeBackupPath } from './backup-store';
import { snapshotTo } from './sqlite-file';

/**
 * Called before the database is opened for migration: when the file exists with data at an older
 * schema version, writes a verified "migration" backup first. Returns its path, or null when no
 * migration is pending. Call it before createAppContext/openDatabase.
 */
export function backupBeforeMigration(dbPath: string, now = new Date(), target = latestVersion, key?: string): string | null {
  if (!fs.existsSync(dbPath)) return null;
  const db = openSqlite(dbPath, { readonly: true, fileMustExist: true }, key);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0 || version >= target) return null;
    const file = freeBackupPath(backupsDir(dbPath), now, `migration-v${version}`);
    snapshotTo(db, file, key);
    return file;
  } finally {
    db.close();
  }
}
