import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempContext } from '../helpers/context';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createUnit } from '../../electron/services/units/units';
import { autoBackup, backupToFolder } from '../../electron/services/backup/auto-backup';
import { createRecoveryDispatch } from '../../electron/services/backup/recovery';
import { checkDatabaseFile } from '../../electron/services/backup/sqlite-file';
import { setBackupPicker } from '../../electron/services/backup/backup-ids';
import { hostPickStandIn, HOST_PICK_DIR_ENV } from '../../electron/host/pick-stand-in';
import { logicalDump } from '../safety/dump';

/** Issue 16, item 10: the renderer never sends a path; main hands out opaque ids and owns the dialogs. */
describe('backup channels take ids, never paths', () => {
  let cleanup: (() => Promise<void>) | null = null;
  afterEach(async () => {
    setBackupPicker(null);
    await cleanup?.();
    cleanup = null;
  });

  it('refuses every raw path sent over IPC (restore, verify, back up to a folder), the live data unchanged', async () => {
    const ctx = tempContext();
    cleanup = ctx.cleanup;
    await createUnit(ctx, { name: 'Xã Yên Trạch' });
    const backup = autoBackup(ctx, 'manual');
    await createUnit(ctx, { name: 'Phường Chi Lăng' });
    const dispatch = createDispatcher(ctx);
    const before = logicalDump(ctx.conn.sqlite);
    const usb = path.join(ctx.dir, 'usb');
    fs.mkdirSync(usb);
    const attempts: [string, unknown][] = [
      ['backup:restore', { file: backup.file }],
      ['backup:restore', { id: backup.file }],
      ['backup:restore', { id: path.basename(backup.file) }],
      ['backup:restore', { id: 'C:\\Users\\x\\giot-hong.sqlite' }],
      ['backup:restore', { id: '../../etc/passwd' }],
      ['backup:restore', { id: 'x'.repeat(24), file: backup.file }],
      ['backup:verifyFile', { file: backup.file }],
      ['backup:verifyFile', { id: backup.file }],
      ['backup:toFolder', { folder: usb }],
      ['backup:toFolder', { folderId: usb }],
      ['backup:chooseFolder', { folder: usb }],
      ['backup:chooseFile', { file: backup.file }],
    ];
    for (const [channel, args] of attempts) {
      expect(await dispatch(channel, args), `${channel} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    // A well-formed token main never handed out names nothing.
    expect(await dispatch('backup:restore', { id: 'A'.repeat(24) })).toMatchObject({ ok: false, error: { code: 'BACKUP_ID_UNKNOWN' } });
    expect(await dispatch('backup:toFolder', { folderId: 'A'.repeat(24) })).toMatchObject({ ok: false, error: { code: 'BACKUP_ID_UNKNOWN' } });
    expect(logicalDump(ctx.conn.sqlite)).toEqual(before);
    expect(fs.readdirSync(usb)).toEqual([]);
  });

  it('lists backups as ids with no path, and restores and verifies by id', async () => {
    const ctx = tempContext();
    cleanup = ctx.cleanup;
    await createUnit(ctx, { name: 'Xã Yên Trạch' });
    const backup = autoBackup(ctx, 'manual');
    await createUnit(ctx, { name: 'Phường Chi Lăng' });
    const dispatch = createDispatcher(ctx);
    const list = await dispatch('backup:list', {});
    expect(JSON.stringify((list as { ok: true; value: { items: unknown[] } }).value.items)).not.toContain(path.sep);
    const item = (list as { ok: true; value: { items: { id: string; name: string }[] } }).value.items[0];
    expect(item.name).toBe(path.basename(backup.file));
    // The same file keeps its id while the app runs.
    expect(((await dispatch('backup:list', {})) as { ok: true; value: { items: { id: string }[] } }).value.items[0].id).toBe(item.id);
    expect(await dispatch('backup:verifyFile', { id: item.id })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await dispatch('backup:restore', { id: item.id })).toMatchObject({ ok: true });
    expect(ctx.conn.sqlite.prepare('SELECT name FROM units ORDER BY id').pluck().all()).toEqual(['Xã Yên Trạch']);
  });

  it('a folder and a file outside the list come only from main\'s dialog (the host\'s stand-in here)', async () => {
    const ctx = tempContext();
    cleanup = ctx.cleanup;
    await createUnit(ctx, { name: 'Xã Yên Trạch' });
    const dispatch = createDispatcher(ctx);
    // No dialog registered (e.g. the CLI's dispatcher): a clear refusal, nothing written.
    expect(await dispatch('backup:chooseFolder', {})).toMatchObject({ ok: false, error: { code: 'NO_DIALOG' } });
    const usb = path.join(ctx.dir, 'usb');
    // The stand-in: the folder is not there yet → as if the clerk cancelled.
    setBackupPicker(hostPickStandIn({ [HOST_PICK_DIR_ENV]: usb }));
    expect(await dispatch('backup:chooseFolder', {})).toEqual({ ok: true, value: null });
    expect(await dispatch('backup:chooseFile', {})).toEqual({ ok: true, value: null });
    fs.mkdirSync(usb);
    const folder = await dispatch('backup:chooseFolder', {});
    expect(folder).toMatchObject({ ok: true, value: { label: usb } });
    const folderId = (folder as { ok: true; value: { id: string } }).value.id;
    const made = await dispatch('backup:toFolder', { folderId });
    expect(made).toMatchObject({ ok: true });
    await createUnit(ctx, { name: 'Phường Chi Lăng' });
    const file = await dispatch('backup:chooseFile', {});
    const chosen = (file as { ok: true; value: { id: string; name: string } }).value;
    expect(chosen.name).toBe(path.basename((made as { ok: true; value: { file: string } }).value.file));
    expect(await dispatch('backup:restore', { id: chosen.id })).toMatchObject({ ok: true });
    expect(ctx.conn.sqlite.prepare('SELECT name FROM units ORDER BY id').pluck().all()).toEqual(['Xã Yên Trạch']);
  });
  it('the recovery screen (database damaged at start) also gets ids, and a USB backup through the dialog', async () => {
    const ctx = tempContext();
    cleanup = async () => fs.rmSync(ctx.dir, { recursive: true, force: true });
    await createUnit(ctx, { name: 'Xã Yên Trạch' });
    const usb = path.join(ctx.dir, 'usb');
    fs.mkdirSync(usb);
    backupToFolder(ctx, usb);
    await ctx.conn.close();
    fs.writeFileSync(ctx.dbPath, Buffer.alloc(8192, 0x41));
    const dispatch = createRecoveryDispatch(ctx.dbPath, 'Không mở được tệp dữ liệu.');
    expect(await dispatch('backup:restore', { file: path.join(usb, fs.readdirSync(usb).find((f) => f.endsWith('.sqlite'))!) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    setBackupPicker(hostPickStandIn({ [HOST_PICK_DIR_ENV]: usb }));
    const chosen = await dispatch('backup:chooseFile', {});
    const id = (chosen as { ok: true; value: { id: string } }).value.id;
    expect(await dispatch('backup:restore', { id })).toMatchObject({ ok: true });
    expect(checkDatabaseFile(ctx.dbPath).ok).toBe(true);
  });
});
