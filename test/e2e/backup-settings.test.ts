import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from '../../electron/db/sqlite-driver';
import fs from 'node:fs';
import path from 'node:path';
import { completeFirstRun, launchApp, type E2eApp } from './harness';
import { createData } from '../../electron/db/data';
import { q } from '../../electron/db/query';
import { insertPerson } from '../../electron/services/people/write-person';

/** "Sao lưu & cài đặt" in Chromium against the Node host and a real SQLite file. */
describe('backup & settings screen', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await launchApp();
    await completeFirstRun(app.page, { campaign: 'Đợt 1 năm 2026', date: '2026-06-10' });
    await app.page.getByRole('link', { name: 'Sao lưu & cài đặt' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Sao lưu & cài đặt' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('backs up to a folder chosen in main\'s dialog, and the copy opens and passes integrity_check', async () => {
    const { page } = app;
    // The host's stand-in for main's folder dialog "chooses" <dir>/USB (GIOT_HONG_HOST_PICK_DIR, set by the harness).
    const usb = path.join(app.dir, 'USB');
    fs.mkdirSync(usb);
    await page.getByRole('button', { name: 'Chọn thư mục…' }).click();
    await expect.poll(() => page.getByLabel('Thư mục lưu bản sao').textContent()).toBe(usb);
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByText(/Đã sao lưu vào/).waitFor();
    const files = fs.readdirSync(usb).filter((f) => f.endsWith('.sqlite'));
    expect(files).toHaveLength(1);
    const copy = new Database(path.join(usb, files[0]), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM campaigns').pluck().all()).toEqual(['Đợt 1 năm 2026']);
    copy.close();
    await page.getByRole('button', { name: 'Kiểm tra ngay' }).click();
    await page.getByText(/Dữ liệu nguyên vẹn/).waitFor();
    await app.screenshot('backup-01-saved');
  });

  it('refuses a raw path sent over IPC: only ids main handed out are accepted', async () => {
    const { page } = app;
    const usbCopy = path.join(app.dir, 'USB', fs.readdirSync(path.join(app.dir, 'USB')).find((f) => f.endsWith('.sqlite'))!);
    const before = app.query('SELECT name FROM campaigns');
    type Res = { ok: boolean; error?: { code: string } };
    const results = await page.evaluate(async ({ file, folder }) => {
      const api = (window as unknown as { api: { backup: Record<string, (a: unknown) => Promise<Res>> } }).api;
      return [
        await api.backup.restore({ file }),
        await api.backup.restore({ id: file }),
        await api.backup.verifyFile({ file }),
        await api.backup.verifyFile({ id: file }),
        await api.backup.toFolder({ folder }),
        await api.backup.toFolder({ folderId: folder }),
        await api.backup.restore({ id: 'A'.repeat(24) }),
      ];
    }, { file: usbCopy, folder: path.dirname(usbCopy) });
    expect(results.map((r) => r.ok)).toEqual(results.map(() => false));
    expect(results.slice(0, 6).map((r) => r.error?.code)).toEqual(Array(6).fill('VALIDATION'));
    expect(results[6].error?.code).toBe('BACKUP_ID_UNKNOWN');
    expect(app.query('SELECT name FROM campaigns')).toEqual(before);
    expect(app.query("SELECT action FROM audit_log WHERE action = 'backup.restore'")).toEqual([]);
  });

  it('restores an automatic backup after saving the current state', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Tạo bản sao lưu bây giờ' }).click();
    await page.getByText(/Đã tạo bản sao lưu/).waitFor();
    // Work done after the backup…
    const db = new Database(app.dbPath);
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE campaigns SET name = 'Tên sửa sau sao lưu'").run();
    db.close();
    await page.getByRole('table', { name: 'Bản sao lưu tự động' }).getByRole('button', { name: 'Khôi phục…' }).first().click();
    await page.getByRole('dialog', { name: 'Khôi phục dữ liệu' }).getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await page.getByText(/Đã khôi phục từ/).waitFor();
    expect(app.query<{ name: string }>('SELECT name FROM campaigns')).toEqual([{ name: 'Đợt 1 năm 2026' }]);
    expect(app.query<{ reason: string }>("SELECT action AS reason FROM audit_log WHERE action = 'backup.restore'")).toHaveLength(1);
    await app.screenshot('backup-02-restored');
  });

  it('restores from a file outside the list, chosen in main\'s dialog ("Khôi phục từ tệp này…")', async () => {
    const { page } = app;
    const db = new Database(app.dbPath);
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE campaigns SET name = 'Sửa sau khi chép ra USB'").run();
    db.close();
    await page.getByRole('button', { name: 'Khôi phục từ tệp này…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Khôi phục dữ liệu' });
    // The stand-in dialog picked the newest .sqlite of the USB folder: the copy made in the first test.
    await dialog.getByText(/giot-hong-.*-manual\.sqlite/).waitFor();
    await dialog.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await page.getByText(/Đã khôi phục từ “.*USB.*-manual\.sqlite”/).waitFor();
    expect(app.query<{ name: string }>('SELECT name FROM campaigns')).toEqual([{ name: 'Đợt 1 năm 2026' }]);
    // The restored file is the USB copy (made before the first restore) plus this restore's own entry.
    expect(app.query("SELECT action FROM audit_log WHERE action = 'backup.restore'")).toHaveLength(1);
  });

  it('shows the audit log and verifies its chain', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Nhật ký thao tác' }).click();
    await page.getByRole('table', { name: 'Nhật ký thao tác' }).getByText('Khôi phục dữ liệu').waitFor();
    await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn của nhật ký' }).click();
    await page.getByText(/Nhật ký nguyên vẹn: \d+ mục/).waitFor();
    await app.screenshot('backup-03-audit');
  });

  it('anonymises a person on request, keeping the count', async () => {
    const { page } = app;
    const db = new Database(app.dbPath);
    db.pragma('busy_timeout = 5000');
    const now = '2026-06-01T00:00:00Z';
    // Another connection to the host's file, written through the data layer and the people module.
    const id = createData(db).write((w) => {
      const personId = insertPerson(w, { full_name: 'Lường Thị Hoa', birth_date: '1995-02-03', national_id: '020195001234', phone: '0912345678' }, now);
      const campaignId = w.value(q.selectFrom('campaigns').select('id').limit(1))!;
      w.run(q.insertInto('registrations').values({ person_id: personId, campaign_id: campaignId, created_at: now }));
      return personId;
    });
    db.close();
    await page.getByRole('tab', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).click();
    await page.getByLabel('Tìm người').fill('luong thi hoa');
    await page.getByRole('button', { name: 'Tìm' }).click();
    const row = page.getByRole('table', { name: 'Kết quả tìm người' }).getByRole('row', { name: /Lường Thị Hoa/ });
    await row.getByText('020******234').waitFor();
    await app.screenshot('backup-04-privacy');
    await row.getByRole('button', { name: 'Ẩn danh…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ẩn danh hồ sơ' });
    await dialog.getByLabel('Xác nhận').fill('XOÁ');
    await dialog.getByRole('button', { name: 'Ẩn danh' }).click();
    await page.getByText(/Đã ẩn danh hồ sơ/).waitFor();
    expect(app.query('SELECT full_name, national_id, phone, birth_date FROM people WHERE id = ?', id)).toEqual([{ full_name: 'Người đã ẩn danh', national_id: null, phone: null, birth_date: null }]);
    expect(app.query('SELECT count(*) AS n FROM registrations WHERE person_id = ?', id)).toEqual([{ n: 1 }]);
  });

  it('turns the app lock on with a hashed password', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Khoá ứng dụng' }).click();
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Sen hong 2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('Sen hong 2026');
    await page.getByRole('button', { name: 'Bật khoá' }).click();
    await page.getByText(/Đã bật khoá ứng dụng/).waitFor();
    await app.screenshot('backup-05-lock');
    const stored = app.query<{ value: string }>("SELECT value FROM settings WHERE key = 'security.appLock'");
    expect(stored[0].value).not.toContain('Sen hong');
    expect(JSON.parse(stored[0].value)).toMatchObject({ algo: 'scrypt' });
    expect(app.foreignRequests).toEqual([]);
  });
});
