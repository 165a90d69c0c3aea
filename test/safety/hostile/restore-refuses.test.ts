/**
 * Issue 16 item 6: restore refuses a foreign SQLite file, a backup with a trigger added, and a plain
 * backup with flipped bits; the live database is left exactly as it was. A genuine backup restores.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from '../../../electron/db/sqlite-driver';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { autoBackup } from '../../../electron/services/backup/auto-backup';
import { restoreFromBackup } from '../../../electron/services/backup/restore';
import { CHECKSUM_SUFFIX } from '../../../electron/services/backup/sqlite-file';
import { logicalDump } from '../dump';

let ctx: ReturnType<typeof tempContext>;
beforeEach(async () => {
  ctx = tempContext();
  await createCampaign(ctx, { name: 'Đợt hiến máu tháng Năm', donationDates: ['2026-05-28'] });
  ctx.conn.sqlite.prepare("INSERT INTO people (full_name, search_key, national_id, phone, created_at, updated_at) VALUES ('Nguyễn Văn Bình', 'nguyen van binh', '020091012345', '0912345678', '2026-05-01', '2026-05-01')").run();
});
afterEach(async () => ctx.cleanup());

async function refused(file: string, code: string): Promise<string> {
  const before = logicalDump(ctx.conn.sqlite);
  const err = await restoreFromBackup(ctx, file).then(() => null, (e: unknown) => e as { code: string; message: string });
  expect(err, 'restore must refuse').not.toBeNull();
  expect(err!.code).toBe(code);
  expect(err!.message).toContain(path.basename(file));
  expect(err!.message).toContain('Dữ liệu hiện tại không bị thay đổi');
  expect(logicalDump(ctx.conn.sqlite)).toBe(before);
  return err!.message;
}

describe('restore validates what it is given', () => {
  it('a genuine backup carries a checksum and restores', async () => {
    const b = autoBackup(ctx, 'manual');
    expect(fs.existsSync(b.file + CHECKSUM_SUFFIX)).toBe(true);
    ctx.conn.sqlite.prepare("UPDATE people SET full_name = 'Đã sửa'").run();
    await restoreFromBackup(ctx, b.file);
    expect((ctx.conn.sqlite.prepare('SELECT full_name FROM people').get() as { full_name: string }).full_name).toBe('Nguyễn Văn Bình');
  });

  it('refuses a foreign SQLite file whose user_version looks like ours', async () => {
    const file = path.join(ctx.dir, 'khac.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO people (name) VALUES (\'x\');');
    db.pragma('user_version = 10');
    db.close();
    const msg = await refused(file, 'BACKUP_NOT_APP');
    expect(msg).toMatch(/cấu trúc dữ liệu khác/);
  });

  it('refuses a foreign file with a version the app never had', async () => {
    const file = path.join(ctx.dir, 'la.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.pragma('user_version = 3');
    db.close();
    await refused(file, 'BACKUP_NOT_APP');
  });

  it('refuses a backup with an added AFTER INSERT ON audit_log trigger (checksum gone, as an attacker would)', async () => {
    const b = autoBackup(ctx, 'manual');
    fs.rmSync(b.file + CHECKSUM_SUFFIX);
    const db = new Database(b.file);
    db.exec("CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN UPDATE people SET full_name = '', national_id = NULL, phone = NULL; END;");
    db.close();
    const msg = await refused(b.file, 'BACKUP_NOT_APP');
    expect(msg).toContain('wipe');
  });

  it('refuses the same tampered backup by its checksum when the checksum is still there', async () => {
    const b = autoBackup(ctx, 'manual');
    const db = new Database(b.file);
    db.exec("CREATE VIEW v AS SELECT * FROM people;");
    db.close();
    await refused(b.file, 'BACKUP_TAMPERED');
  });

  it('refuses a plain backup with flipped bits that integrity_check does not see', async () => {
    const b = autoBackup(ctx, 'manual');
    const bytes = fs.readFileSync(b.file);
    const at = bytes.indexOf(Buffer.from('Nguyễn Văn Bình'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 2] ^= 0x01; // "Nguyễn" → "Ntyễn": a valid record, a wrong name
    fs.writeFileSync(b.file, bytes);
    const check = new Database(b.file, { readonly: true });
    expect((check.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check).toBe('ok');
    check.close();
    await refused(b.file, 'BACKUP_TAMPERED');
  });
});
