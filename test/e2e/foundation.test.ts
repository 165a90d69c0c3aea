import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { completeFirstRun, launchApp, type E2eApp } from './harness';
import { ROUTE_LABELS } from './routes';

describe('the app frame in Chromium, backed by the Node host and a real SQLite file', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => app?.close());

  it('asks the office and the first campaign on first run, and stores them', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Chào mừng đến với Giọt Hồng' }).waitFor();
    await app.screenshot('01-first-run');
    await completeFirstRun(page, { campaign: 'Hành trình đỏ 2026', date: '2026-05-28' });
    const office = app.query<{ value: string }>("SELECT value FROM settings WHERE key = 'office'");
    expect(JSON.parse(office[0].value)).toMatchObject({ officeName: 'BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN', placeName: 'Lạng Sơn', signerName: 'Nguyễn Văn Bình' });
    expect(app.query('SELECT name, donation_dates FROM campaigns')).toEqual([{ name: 'Hành trình đỏ 2026', donation_dates: '["2026-05-28"]' }]);
    await expect(page.getByLabel('Đợt đang làm việc').inputValue()).resolves.toBeTruthy();
  });

  it('opens every screen from the navigation, each with real content', async () => {
    const { page } = app;
    for (const label of ROUTE_LABELS) {
      await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: label }).click();
      await page.getByRole('heading', { level: 1, name: label }).waitFor();
      const text = await page.locator('main').innerText();
      expect(text.length, `screen ${label}`).toBeGreaterThan(40);
      expect(text).not.toMatch(/sắp có|coming soon/i);
    }
  });

  it('creates, nests, reorders and archives units, and imports a unit list from Excel', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Đơn vị & chỉ tiêu' }).click();
    await page.getByRole('button', { name: '+ Thêm đơn vị' }).click();
    await page.getByLabel('Tên đơn vị').fill('Phường Chi Lăng');
    await page.getByLabel('Loại đơn vị').selectOption('commune');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm đơn vị “Phường Chi Lăng”.').waitFor();

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Tên đơn vị', 'Thuộc', 'Cụm']);
    ws.addRow([1, 'Khối 1', 'Phường Chi Lăng', 'Cụm trung tâm']);
    ws.addRow([2, 'Khối 2', 'Phường Chi Lăng', 'Cụm trung tâm']);
    ws.addRow([3, 'Trường THPT Việt Bắc', '', '']);
    const file = path.join(app.dir, 'don-vi.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.getByLabel('Tệp Excel danh sách đơn vị').setInputFiles(file);
    await page.getByText(/Đã nhập từ “don-vi.xlsx”: thêm 3, cập nhật 0 đơn vị/).waitFor();

    await page.getByRole('button', { name: 'Đưa Khối 2 lên' }).click();
    await expect.poll(() => app.query<{ name: string }>("SELECT name FROM units WHERE parent_id IS NOT NULL ORDER BY sort_order").map((r) => r.name)).toEqual(['Khối 2', 'Khối 1']);

    const row = page.getByRole('row', { name: /Trường THPT Việt Bắc/ });
    await row.getByRole('button', { name: 'Lưu trữ' }).click();
    await page.getByText(/Đã đưa “Trường THPT Việt Bắc” vào lưu trữ/).waitFor();
    expect(app.query("SELECT archived FROM units WHERE name = 'Trường THPT Việt Bắc'")).toEqual([{ archived: 1 }]);
    expect(app.query("SELECT kind FROM units WHERE name = 'Trường THPT Việt Bắc'")).toEqual([{ kind: 'school' }]);
    await app.screenshot('02-units');
  });

  it('sends no request anywhere but the local host', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('office settings after first run', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await launchApp();
    await completeFirstRun(app.page);
  });
  afterAll(async () => app?.close());

  it('edits the office profile printed on documents', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Sao lưu & cài đặt' }).click();
    await page.getByRole('tab', { name: 'Thông tin cơ quan' }).click();
    const form = page.getByRole('form', { name: 'Thông tin cơ quan' });
    await expect.poll(() => form.getByLabel('Địa danh ghi trên văn bản').inputValue()).toBe('Lạng Sơn');
    await form.getByLabel('Địa danh ghi trên văn bản').fill('Thất Khê');
    // the standing body (plan §V.1) and the issuer code are edited here too, not only at first run
    await form.getByLabel('Cơ quan Thường trực Ban Chỉ đạo').fill('Hội Chữ thập đỏ thị trấn Thất Khê');
    await form.getByLabel('Ký hiệu cơ quan trong số văn bản').fill('HCTĐ');
    await form.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
    await page.getByText('Đã lưu thông tin cơ quan.', { exact: false }).waitFor();
    const office = JSON.parse(app.query<{ value: string }>("SELECT value FROM settings WHERE key = 'office'")[0].value);
    expect(office.placeName).toBe('Thất Khê');
    expect(office.standingBody).toBe('Hội Chữ thập đỏ thị trấn Thất Khê');
    expect(office.docSuffix).toBe('HCTĐ');
    expect(office.officeName).toBe('BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN');
  });
});
