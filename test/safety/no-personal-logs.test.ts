import { afterAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../electron/services/create-context';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { backupFileId, backupFolderId } from '../../electron/services/backup/backup-ids';
import { importFiles } from '../../electron/services/imports/import-files';
import { createCampaign } from '../../electron/services/campaigns/campaigns';
import { runCli } from '../../electron/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-logs-'));
const SECRETS = { name: 'Hoàng Thị Bích Ngọc', id: '019190054321', phone: '0987001122' };

describe('no personal data in logs', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports, privacy requests, backups and their failures write no name, ID number or phone to the console', async () => {
    const printed: string[] = [];
    const grab = (...a: unknown[]) => void printed.push(a.map(String).join(' '));
    const spies = [vi.spyOn(console, 'log').mockImplementation(grab), vi.spyOn(console, 'error').mockImplementation(grab), vi.spyOn(console, 'warn').mockImplementation(grab), vi.spyOn(console, 'info').mockImplementation(grab)];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((c) => (printed.push(String(c)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (printed.push(String(c)), true));
    try {
      const dbPath = path.join(dir, 'data', 'giot-hong.sqlite');
      const ctx = createAppContext(dbPath);
      const campaign = await createCampaign(ctx, { name: 'Đợt 2 năm 2026' });
      const csv = ['STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số điện thoại', `1,${SECRETS.name},3/4/1991,Nữ,${SECRETS.id},${SECRETS.phone}`, '2,Phạm Văn Khoa,12/31/1990,Nam,12345,0123'].join('\n');
      const r = await importFiles(ctx, [{ name: 'ds.csv', data: Buffer.from(csv) }, { name: 'hong.xlsx', data: Buffer.from(`PK\u0003\u0004${SECRETS.id}`) }], { campaignId: campaign.id, unit: 'auto', onDuplicate: 'skip' });
      expect(r.map((x) => x.ok)).toEqual([true, false]);
      const dispatch = createDispatcher(ctx);
      const found = await dispatch('privacy:findPeople', { query: SECRETS.id });
      const id = (found as { ok: true; value: { id: number }[] }).value[0].id;
      await dispatch('privacy:correctPerson', { id, phone: '0987009999', address: 'Thôn Nà Cạn' });
      await dispatch('backup:toFolder', { folderId: backupFolderId(path.join(dir, 'khong-co')) });
      await dispatch('backup:restore', { id: backupFileId(path.join(dir, 'data', 'giot-hong.sqlite')) });
      // An unexpected failure inside a handler goes through logError.
      await dispatch('privacy:erasePerson', { id, mode: 'anonymise' });
      ctx.conn.sqlite.exec('DROP TABLE honours');
      await dispatch('privacy:erasePerson', { id, mode: 'delete' });
      await ctx.conn.close();
      await runCli(['restore', '--db', dbPath, '--from', path.join(dir, 'nope.sqlite')], { out: grab, err: grab });
    } finally {
      for (const s of spies) s.mockRestore();
      out.mockRestore();
      err.mockRestore();
    }
    // The failure paths did print something, so the check below looks at real output.
    expect(printed.join('\n')).toMatch(/\[giot-hong\] ipc privacy:erasePerson failed/);
    for (const secret of [...Object.values(SECRETS), '0987009999', 'Nà Cạn']) expect(printed.join('\n')).not.toContain(secret);
  });
});
