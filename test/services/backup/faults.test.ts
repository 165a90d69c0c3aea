import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../../electron/services/create-context';
import { runCli } from '../../../electron/cli';
import { bundleScript, canMountTmpfs, childEnv } from '../../safety/bundle';
import { checkDatabaseFile } from '../../../electron/services/backup/sqlite-file';
import { insertPerson } from '../../../electron/services/people/write-person';
import { updatePerson } from '../../../electron/services/people/write-person';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-faults-'));
const dbPath = path.join(dir, 'data', 'giot-hong.sqlite');
let child = '';

async function makeDatabase(rows: number): Promise<void> {
  const ctx = createAppContext(dbPath);
  const now = '2026-05-01T00:00:00Z';
  ctx.data.write((w) => {
    for (let i = 0; i < rows; i++) insertPerson(w, { full_name: `Nguyễn Thị Hồng Vân ${i}`, address: `Thôn Bản Cắm, xã Mai Pha, tỉnh Lạng Sơn — số nhà ${i}`.repeat(3) }, now);
  });
  await ctx.conn.close();
}

function runFault(mountOpts: string): { error: { code: string; message: string } | null; unchanged: boolean; left: string[] } {
  const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-mnt-'));
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o "$1" tmpfs "$2" && exec "$3" "$4" "$5" "$2"', 'sh', mountOpts, mnt, process.execPath, child, dbPath], {
    env: childEnv(), encoding: 'utf8', timeout: 60_000,
  });
  fs.rmSync(mnt, { recursive: true, force: true });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`fault child failed: ${r.stderr}`);
  return JSON.parse(line);
}

const tmpfs = canMountTmpfs();

describe('backup faults and the CLI', () => {
  beforeAll(async () => {
    await makeDatabase(6000);
    child = await bundleScript('test/services/backup/fs-fault-child.ts', path.join(dir, 'fault-child.cjs'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!tmpfs)('a full disk gives a clear Vietnamese message, leaves no half file and the database unchanged', () => {
    const r = runFault('size=256k');
    expect(r.error?.code).toBe('DISK_FULL');
    expect(r.error?.message).toMatch(/ổ đĩa chứa .* đã đầy.*Dữ liệu hiện tại không bị thay đổi/);
    expect(r.unchanged).toBe(true);
    expect(r.left).toEqual([]);
  });

  it.skipIf(!tmpfs)('a read-only folder gives a clear Vietnamese message and the database unchanged', () => {
    const r = runFault('ro,size=4m');
    expect(r.error?.code).toBe('READ_ONLY');
    expect(r.error?.message).toMatch(/không có quyền ghi/);
    expect(r.unchanged).toBe(true);
  });

  it('backup and restore from the command line verify what they wrote and exit 0/1', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    expect(await runCli(['backup', '--db', dbPath, '--to', usb, '--json'], io)).toBe(0);
    const made = JSON.parse(out.pop()!) as { file: string; integrity: string; counts: { people: number } };
    expect(made).toMatchObject({ integrity: 'ok', counts: { people: 6000 } });
    expect(checkDatabaseFile(made.file).ok).toBe(true);
    // Change the database, then restore the backup.
    const ctx = createAppContext(dbPath);
    ctx.data.write((w) => {
      for (let id = 1; id <= 10; id++) updatePerson(w, id, { full_name: 'Đã sửa' }, '2026-05-02T00:00:00Z');
    });
    await ctx.conn.close();
    expect(await runCli(['restore', '--db', dbPath, '--from', made.file, '--json'], io)).toBe(0);
    const restored = JSON.parse(out.pop()!) as { integrity: string; savedCurrent: string };
    expect(restored.integrity).toBe('ok');
    const after = createAppContext(dbPath);
    expect(after.conn.sqlite.prepare("SELECT count(*) FROM people WHERE full_name = 'Đã sửa'").pluck().get()).toBe(0);
    await after.conn.close();
    expect(checkDatabaseFile(restored.savedCurrent).counts.people).toBe(6000);
    // Failures: exit 1 with a Vietnamese reason.
    expect(await runCli(['restore', '--db', dbPath, '--from', path.join(dir, 'khong-co.sqlite')], io)).toBe(1);
    expect(err.pop()).toMatch(/Không tìm thấy tệp sao lưu/);
    expect(await runCli(['backup', '--db', dbPath, '--to', path.join(dir, 'khong-co')], io)).toBe(1);
    expect(err.pop()).toMatch(/Không tìm thấy thư mục/);
  });
});
