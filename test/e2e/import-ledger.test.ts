/**
 * In Chromium: the row ledger in the import preview (counts per kind, ignored rows on request, a row
 * with an ID brought back as a person), the column-mapping step for a list without a known header, and
 * pending imports (exclusions, unit choice) surviving tab switches, a screen change and a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeFirstRun, launchApp, type E2eApp } from './harness';

async function writeXlsx(file: string, rows: (string | number | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  for (const r of rows) ws.addRow(r);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('import preview: row ledger, mapping step, pending work kept', () => {
  let app: E2eApp;
  let files: string[];
  beforeAll(async () => {
    app = await launchApp();
    await completeFirstRun(app.page, { campaign: 'Đợt 1 năm 2026', date: '2026-05-28' });
    const a = path.join(app.dir, 'Xa Mai Pha - DS.xlsx');
    await writeXlsx(a, [
      ['DANH SÁCH ĐĂNG KÝ HIẾN MÁU TÌNH NGUYỆN'],
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Địa chỉ'],
      [1, 'Hồ Văn Tiến', '01/01/1990', 'Nam', '020090000001', 'Khối 4'],
      [2, 'Hồ Tên', '02/02/1992', 'Nữ', '020192000002', 'Khối 4'],
      [3, 'Cộng Hòa', '03/03/1993', 'Nữ', '020193000003', 'Khối 5'],
      ['', 'Tổng cộng: 3 người'],
      ['', 'Người lập biểu'],
      ['', 'Phạm Văn Cường', '04/04/1985', 'Nam', '020085000004', ''],
    ]);
    const b = path.join(app.dir, 'Khong tieu de.xlsx');
    await writeXlsx(b, [
      ['A', 'B', 'C', 'D', 'E'],
      [1, 'Nguyễn Văn An', '12/03/1990', '020090012345', '0912345678'],
      [2, 'Trần Thị Bình', '05/07/1995', '020195012345', '0987654321'],
      [3, 'Lê Văn Cường', '01/01/1988', '020088012345', '0356789012'],
    ]);
    files = [a, b];
  });
  afterAll(async () => app?.close());

  it('shows the ledger, warns about the ignored row with an ID and imports it on request', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Nhập danh sách' }).click();
    await page.getByLabel('Tệp danh sách đăng ký').setInputFiles(files);
    const tabs = page.getByRole('tablist', { name: 'Các tệp đã đọc' });
    await tabs.waitFor({ timeout: 60_000 });
    await tabs.getByRole('tab', { name: /Xa Mai Pha/ }).click();
    await page.getByText(/Các dòng của tệp:.*3 người.*1 dòng tổng cộng/).waitFor();
    await page.getByText(/Dòng 8 có số CCCD\/CMND nhưng bị bỏ qua vì nằm dưới phần chân trang/).first().waitFor();
    await page.getByRole('button', { name: /^Xem \d+ dòng không nhập$/ }).click();
    await app.screenshot('import-ledger');
    await page.getByRole('button', { name: 'Nhập dòng 8 như một người' }).click();
    await page.getByRole('button', { name: 'Ghi 4 người vào đợt' }).waitFor();
  });

  it('opens the column-mapping step for a list without a known header', async () => {
    const { page } = app;
    await page.getByRole('tablist', { name: 'Các tệp đã đọc' }).getByRole('tab', { name: /Khong tieu de/ }).click();
    await page.getByText(/Không nhận ra dòng tên cột/).waitFor();
    const table = page.getByRole('table', { name: 'Ghép cột của trang tính DS' });
    await expect.poll(() => table.getByLabel('Trường cho cột B').inputValue()).toBe('full_name');
    expect(await table.getByLabel('Trường cho cột D').inputValue()).toBe('national_id');
    await app.screenshot('import-mapping-step');
  });

  it('keeps exclusions and the unit choice across tab switches, a screen change and a reload', async () => {
    const { page } = app;
    const tabs = page.getByRole('tablist', { name: 'Các tệp đã đọc' });
    await tabs.getByRole('tab', { name: /Xa Mai Pha/ }).click();
    await page.getByLabel('Loại bỏ dòng 4').check();
    await page.getByLabel('Tên đơn vị mới').fill('Xã Mai Pha');
    await page.getByRole('button', { name: 'Ghi 3 người vào đợt' }).waitFor();
    await tabs.getByRole('tab', { name: /Khong tieu de/ }).click();
    await tabs.getByRole('tab', { name: /Xa Mai Pha/ }).click();
    await expect.poll(() => page.getByLabel('Loại bỏ dòng 4').isChecked()).toBe(true);
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.reload();
    await page.getByRole('link', { name: 'Nhập danh sách' }).click();
    await page.getByRole('tablist', { name: 'Các tệp đã đọc' }).getByRole('tab', { name: /Xa Mai Pha/ }).click();
    await expect.poll(() => page.getByLabel('Loại bỏ dòng 4').isChecked(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByLabel('Tên đơn vị mới').inputValue()).toBe('Xã Mai Pha');
    await page.getByRole('button', { name: 'Ghi 3 người vào đợt' }).click();
    await page.getByText(/Đã nhập 3 người từ “Xa Mai Pha - DS\.xlsx”/).first().waitFor({ timeout: 60_000 });
    const names = app.query<{ full_name: string }>('SELECT p.full_name FROM registrations r JOIN people p ON p.id = r.person_id ORDER BY r.source_row');
    expect(names.map((n) => n.full_name)).toEqual(['Hồ Văn Tiến', 'Cộng Hòa', 'Phạm Văn Cường']);
  });
});
