/**
 * Run inside `unshare -rm` with a tiny or read-only tmpfs mounted at TARGET: tries a backup there
 * and reports, as JSON, the error and whether the database stayed the same. Args: DB_PATH TARGET.
 */
import fs from 'node:fs';
import Database from '../../../electron/db/sqlite-driver';
import { createAppContext } from '../../../electron/services/create-context';
import { backupToFolder } from '../../../electron/services/backup/auto-backup';
import { logicalDump } from '../../safety/dump';

async function main() {
  const [dbPath, target] = process.argv.slice(2);
  const ctx = createAppContext(dbPath);
  const before = logicalDump(ctx.conn.sqlite);
  let error: { code: string; message: string } | null = null;
  try {
    backupToFolder(ctx, target);
  } catch (e) {
    error = { code: (e as { code: string }).code, message: (e as Error).message };
  }
  const after = logicalDump(ctx.conn.sqlite);
  await ctx.conn.close();
  const reopened = new Database(dbPath, { readonly: true });
  const onDisk = logicalDump(reopened);
  reopened.close();
  let left: string[] = [];
  try {
    left = fs.readdirSync(target);
  } catch {
    left = ['(unreadable)'];
  }
  fs.writeSync(1, JSON.stringify({ error, unchanged: before === after && after === onDisk, left }) + '\n');
}

void main();
