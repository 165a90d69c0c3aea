/**
 * Issue 16 item 10: what a backup leaves behind. A copy killed midway outside the backups folder
 * (USB) is deleted at the next start; automatic backups of one day are capped by count and size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { autoBackup, pruneBackups } from '../../../electron/services/backup/auto-backup';
import { backupFileName, backupsDir, listBackupFiles } from '../../../electron/services/backup/backup-store';
import { cleanPendingPartials } from '../../../electron/services/backup/sqlite-file';
import { startDatabase } from '../../../electron/services/backup/startup';

let ctx: ReturnType<typeof tempContext>;
beforeEach(() => { ctx = tempContext(); });
afterEach(async () => ctx.cleanup());

describe('backup leftovers', () => {
  it('a half-written copy on a "USB stick" is deleted at the next start', async () => {
    const usb = path.join(ctx.dir, 'usb');
    fs.mkdirSync(usb);
    const partial = path.join(usb, `${backupFileName(new Date(), 'manual')}.partial`);
    fs.writeFileSync(partial, 'SQLite format 3\0 … 101,185 people in clear …');
    // What snapshotTo notes while it writes (the process was killed before it could remove the note).
    fs.mkdirSync(backupsDir(ctx.dbPath), { recursive: true });
    fs.writeFileSync(path.join(backupsDir(ctx.dbPath), 'pending-partials.txt'), `${partial}\n`);
    await ctx.conn.close();
    const started = startDatabase(ctx.dbPath);
    expect(fs.existsSync(partial)).toBe(false);
    expect(cleanPendingPartials(ctx.dbPath)).toEqual([]);
    if (started.mode === 'normal') await started.ctx.conn.close();
    Object.assign(ctx, { conn: { close: async () => undefined } });
  });

  it('a finished backup leaves no note and no partial behind', () => {
    const b = autoBackup(ctx, 'manual');
    expect(fs.existsSync(b.file)).toBe(true);
    expect(fs.existsSync(`${b.file}.partial`)).toBe(false);
    expect(fs.existsSync(path.join(backupsDir(ctx.dbPath), 'pending-partials.txt'))).toBe(false);
  });

  it('keeps at most 5 backups of today, and never the one just written', () => {
    for (let i = 0; i < 8; i++) autoBackup(ctx, 'import');
    const all = listBackupFiles(backupsDir(ctx.dbPath));
    expect(all.length).toBeLessThanOrEqual(6);
    expect(all.every((b) => fs.existsSync(`${b.file}.sha256`))).toBe(true);
  });

  it('keeps the kept backups under the size cap (the two newest always stay)', () => {
    for (let i = 0; i < 4; i++) autoBackup(ctx, 'import');
    const dir = backupsDir(ctx.dbPath);
    const size = listBackupFiles(dir)[0].size;
    pruneBackups(dir, ctx.now(), { daily: 7, monthly: 12, today: 10, maxTotalBytes: size * 2.5 });
    expect(listBackupFiles(dir).length).toBe(2);
  });
});
