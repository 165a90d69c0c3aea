import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeFirstRun, launchApp, type E2eApp } from './harness';

const QUOTA_DIR = path.resolve(__dirname, '../../../shared/campaign-2026/quotas');
const QUOTA_FILE = path.join(QUOTA_DIR, 'quota-table-monthly.xlsx');
interface TruthUnit { org: string; name_in_table: string; registrants_by_month: number[]; registrants: number; blood_units: number }
const truth = JSON.parse(fs.readFileSync(path.join(QUOTA_DIR, 'truth_quotas.json'), 'utf8')) as { units: TruthUnit[]; totals: { registrants: number; blood_units: number } };
const MONTHS = [5, 6, 7, 8];
const monthTotal = (i: number) => truth.units.reduce((a, u) => a + u.registrants_by_month[i], 0);
const vi = (n: number) => n.toLocaleString('vi-VN');

/** The local date `offset` days from today, as the campaign form takes it (d/m/yyyy) and as stored (ISO). */
function dayFromToday(offset: number): { vi: string; iso: string } {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { vi: `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`, iso };
}

/**
 * A new clerk sets a campaign up from its plan, on a fresh database at 1366×768: first run, the plan's
 * monthly quota table imported on the quotas screen (its unknown names confirmed once, so the units are
 * created), the month split seen in the grid and on the overview, the deadline said the clerk's way,
 * and an alias added to a unit.
 */
describe('setting a campaign up from its quota table', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await launchApp();
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => app?.close());

  const nav = (label: string) => app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: label }).click();

  it('first run creates the office and the campaign', async () => {
    await completeFirstRun(app.page, { campaign: 'Hành trình đỏ - Giọt hồng Xứ Lạng năm 2026' });
    expect(app.query('SELECT name FROM campaigns')).toEqual([{ name: 'Hành trình đỏ - Giọt hồng Xứ Lạng năm 2026' }]);
    expect(app.query('SELECT COUNT(*) AS n FROM units')).toEqual([{ n: 0 }]);
    await app.screenshot('setup-01-first-run-done');
  });

  it('imports the monthly quota table: unknown names listed with proposals, confirmed once', async () => {
    const { page } = app;
    await nav('Đơn vị & chỉ tiêu');
    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await page.getByLabel('Tệp Excel bảng chỉ tiêu').setInputFiles(QUOTA_FILE);
    const dialog = page.getByRole('dialog', { name: 'Đơn vị trong bảng chỉ tiêu' });
    await dialog.waitFor();
    await app.screenshot('setup-02-confirm-units');
    // Every unit line of the table is listed (a fresh database knows none), each proposed as a new unit written out in full.
    await expect.poll(() => dialog.getByRole('row').count()).toBe(18);
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Tên đơn vị mới cho dòng 15' }).inputValue()).toBe('Công an thành phố');
    await expect.poll(() => dialog.getByRole('row', { name: /CATP/ }).getByRole('combobox', { name: 'Đơn vị cho dòng 15' }).inputValue()).toBe('new');
    // Header, total and footer rows are not in the list.
    await expect(dialog.getByText('Tổng cộng', { exact: true }).count()).resolves.toBe(0);
    const proposals = await Promise.all(truth.units.map((_, i) => dialog.getByRole('textbox', { name: `Tên đơn vị mới cho dòng ${6 + i}` }).inputValue()));
    expect(proposals.every((p) => p.normalize('NFC') === p && /^[A-ZĐ]/.test(p))).toBe(true);
    expect(proposals).toContain('Liên đoàn Lao động thành phố');
    // "Để sau": nothing is created, the screen keeps the question open.
    await dialog.getByRole('button', { name: 'Để sau' }).click();
    await page.getByText('17 tên trong bảng chỉ tiêu chưa có trong danh sách đơn vị.').waitFor();
    await page.getByText(/^Đã đọc “quota-table-monthly\.xlsx” \(17 dòng đơn vị, .*\); chưa nhập chỉ tiêu nào\. Dòng tổng của bảng: 1\.650 người đăng ký, 1\.140 đơn vị máu\./).waitFor();
    expect(app.query('SELECT COUNT(*) AS n FROM units')).toEqual([{ n: 0 }]);
    await app.screenshot('setup-02b-confirm-later');
    await page.getByRole('button', { name: 'Xem và xác nhận…' }).click();
    await dialog.getByRole('button', { name: 'Xác nhận (tạo 17 đơn vị mới)' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Đã nhập chỉ tiêu của 17 đơn vị từ “quota-table-monthly\.xlsx”.*Đã tạo 17 đơn vị mới\./).waitFor();
    await app.screenshot('setup-03-quotas-imported');

    // 17 units, each remembering the name the table wrote; registrants per month 5–8, blood units for the whole campaign.
    expect(app.query<{ n: number }>('SELECT COUNT(*) AS n FROM units')[0].n).toBe(17);
    expect(app.query<{ month: number }>('SELECT DISTINCT month FROM quotas ORDER BY month').map((r) => r.month)).toEqual([0, ...MONTHS]);
    expect(app.query('SELECT SUM(registrants) AS r, SUM(blood_units) AS b FROM quotas')).toEqual([{ r: 1650, b: 1140 }]);
    expect(truth.totals).toEqual({ registrants: 1650, blood_units: 1140 });
    for (const t of truth.units) {
      const rows = app.query<{ month: number; registrants: number | null; blood_units: number | null }>(
        `SELECT q.month, q.registrants, q.blood_units FROM quotas q JOIN units u ON u.id = q.unit_id
          WHERE u.name = ? OR u.id IN (SELECT unit_id FROM unit_aliases WHERE alias = ?) ORDER BY q.month`,
        t.name_in_table, t.name_in_table,
      );
      expect(rows, t.name_in_table).toEqual([
        { month: 0, registrants: null, blood_units: t.blood_units },
        ...MONTHS.map((m, i) => ({ month: m, registrants: t.registrants_by_month[i], blood_units: null })),
      ]);
    }
    expect(app.query('SELECT u.name, u.kind FROM units u JOIN unit_aliases a ON a.unit_id = u.id WHERE a.alias = ?', 'CATP')).toEqual([{ name: 'Công an thành phố', kind: 'armed' }]);
  });

  it('shows the month split in the quota grid, with totals 1.650 / 1.140', async () => {
    const { page } = app;
    const grid = page.getByRole('table', { name: 'Bảng phân bổ chỉ tiêu' });
    await expect.poll(() => grid.getByRole('row').count()).toBe(1 + 17 + 2);
    for (const m of MONTHS) await grid.getByRole('columnheader', { name: `Tháng ${m}`, exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Cột tháng ghi').inputValue()).toBe('registrants');
    expect(await page.getByLabel('Phường Vĩnh Trại — Tháng 5').inputValue()).toBe('40');
    expect(await page.getByLabel('Phường Vĩnh Trại — Đơn vị máu').inputValue()).toBe('75');
    // Empty month cells of the file mean 0.
    expect(await page.getByLabel(/THPT Việt Bắc — Tháng 7$/).inputValue()).toBe('0');
    expect(await page.getByTestId('total-registrants').innerText()).toBe('1.650');
    expect(await page.getByTestId('total-blood').innerText()).toBe('1.140');
    const totalRow = grid.getByRole('row', { name: /^Cộng/ });
    expect(await totalRow.getByRole('cell').allInnerTexts()).toEqual(['Cộng', '', '1.140', ...MONTHS.map((_, i) => vi(monthTotal(i))), '1.650', '1.140']);
    await grid.scrollIntoViewIfNeeded();
    await app.screenshot('setup-04-quota-grid-months');
  });

  it('imports the same table again without asking: the names it wrote are the units’ aliases now', async () => {
    const { page } = app;
    await page.getByLabel('Tệp Excel bảng chỉ tiêu').setInputFiles(QUOTA_FILE);
    // The same notice without "Đã tạo … đơn vị mới" this time.
    await page.getByText(/^Đã nhập chỉ tiêu của 17 đơn vị từ “quota-table-monthly\.xlsx” \([^)]*\)\. Dòng tổng của bảng: 1\.650 người đăng ký, 1\.140 đơn vị máu\.$/).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(app.query('SELECT COUNT(*) AS n FROM units')).toEqual([{ n: 17 }]);
    expect(app.query('SELECT SUM(registrants) AS r, SUM(blood_units) AS b FROM quotas')).toEqual([{ r: 1650, b: 1140 }]);
  });

  it('lists the rows of the table that are not units', async () => {
    const { page } = app;
    const summary = page.getByText('Các dòng của tệp không nhập thành chỉ tiêu (6)');
    await summary.click();
    const items = page.locator('details li');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    const texts = await items.allInnerTexts();
    expect(texts).toContain('Dòng 23: Dòng tổng cộng của bảng “Tổng cộng”');
    expect(texts.filter((t) => /Dòng tiêu đề cột/.test(t))).toHaveLength(2);
    expect(texts.every((t) => !/Vĩnh Trại|CATP/.test(t))).toBe(true);
    await app.screenshot('setup-05-ignored-rows');
  });

  it('sets targets and the deadline in the campaign form; the overview says the deadline the clerk’s way', async () => {
    const { page } = app;
    const cases: [number, string][] = [[-200, 'Quá hạn 200 ngày'], [0, 'Hôm nay là hạn cuối'], [5, 'Còn 5 ngày']];
    for (const [offset, text] of cases) {
      const day = dayFromToday(offset);
      await nav('Đợt hiến máu');
      await page.getByRole('row', { name: /Hành trình đỏ/ }).getByRole('button', { name: 'Sửa' }).click();
      if (offset === -200) {
        await page.getByLabel('Chỉ tiêu người đăng ký').fill('1650');
        await page.getByLabel('Chỉ tiêu đơn vị máu').fill('1140');
      }
      await page.getByRole('textbox', { name: 'Hạn gửi danh sách đăng ký' }).fill(day.vi);
      await page.getByRole('button', { name: 'Lưu đợt hiến máu' }).click();
      await page.getByText(/^Đã lưu đợt “Hành trình đỏ/).waitFor();
      expect(app.query('SELECT registration_deadline AS d FROM campaigns')).toEqual([{ d: day.iso }]);
      await nav('Tổng quan');
      await page.getByText(text, { exact: true }).waitFor();
      await app.screenshot(`setup-06-deadline-${offset < 0 ? 'past' : offset === 0 ? 'today' : 'future'}`);
    }
    await expect(page.getByText(/còn -|-\d+ ngày/).count()).resolves.toBe(0);
  });

  it('shows the month split on the overview', async () => {
    const { page } = app;
    const table = page.getByRole('table', { name: 'Tiến độ theo tháng' });
    await table.waitFor();
    for (const m of MONTHS) await table.getByRole('columnheader', { name: `Tháng ${m}`, exact: true }).waitFor();
    expect(await table.getByRole('columnheader', { name: 'CT người ĐK' }).count()).toBe(4);
    const total = table.getByRole('row', { name: /^Tổng cộng/ });
    const cells = await total.getByRole('cell').allInnerTexts();
    expect(cells).toEqual(['Tổng cộng', ...MONTHS.flatMap((_, i) => [vi(monthTotal(i)), '0', '0'])]);
    const catp = truth.units.find((u) => u.name_in_table === 'CATP')!;
    expect(await table.getByRole('row', { name: /^Công an thành phố/ }).getByRole('cell').allInnerTexts()).toEqual([
      'Công an thành phố', ...catp.registrants_by_month.flatMap((n) => [vi(n), '0', '0']),
    ]);
    // The whole-campaign table keeps the totals.
    await page.getByText(/chỉ tiêu 1\.650/).waitFor();
    await table.scrollIntoViewIfNeeded();
    await app.screenshot('setup-07-overview-months');
    // The Excel export carries the same month split.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    const xfile = path.join(app.dir, 'tien-do.xlsx');
    await download.saveAs(xfile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xfile);
    const ws = wb.getWorksheet('Theo tháng')!;
    expect(ws.getRow(1).getCell(2).value).toBe('Tháng 5 - chỉ tiêu người đăng ký');
    expect((ws.getRow(ws.rowCount).values as unknown[]).slice(1)).toEqual(['Tổng cộng', ...MONTHS.flatMap((_, i) => [monthTotal(i), 0, 0])]);
    expect(ws.rowCount).toBe(1 + 17 + 1);
  });

  it('adds an alias to a unit in the unit form', async () => {
    const { page } = app;
    await nav('Đơn vị & chỉ tiêu');
    await page.getByRole('tab', { name: 'Đơn vị' }).click();
    await page.getByRole('row', { name: /^Công an thành phố/ }).getByRole('button', { name: 'Sửa' }).click();
    const form = page.getByRole('dialog', { name: 'Sửa đơn vị' });
    const aliases = form.getByLabel('Tên gọi khác');
    expect(await aliases.inputValue()).toBe('CATP');
    await aliases.fill('CATP\nCông an TP Lạng Sơn');
    await app.screenshot('setup-08-unit-alias');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu đơn vị “Công an thành phố”.').waitFor();
    expect(app.query('SELECT a.alias FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE u.name = ? ORDER BY a.alias', 'Công an thành phố')).toEqual([
      { alias: 'CATP' }, { alias: 'Công an TP Lạng Sơn' },
    ]);
    // Opened again, the form shows both names.
    await page.getByRole('row', { name: /^Công an thành phố/ }).getByRole('button', { name: 'Sửa' }).click();
    expect(await form.getByLabel('Tên gọi khác').inputValue()).toBe('CATP\nCông an TP Lạng Sơn');
    await form.getByRole('button', { name: 'Huỷ' }).click();

    // Rows pasted from Excel into the quota grid find the unit by that name too.
    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await page.getByLabel('Công an thành phố — Đơn vị máu').evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Công an TP Lạng Sơn\t45\nHội ND TP\t50\n');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByText('Đã dán dữ liệu từ Excel; bấm “Lưu” để ghi lại.').waitFor();
    expect(await page.getByLabel('Công an thành phố — Đơn vị máu').inputValue()).toBe('45');
    expect(await page.getByLabel('Hội Nông dân thành phố — Đơn vị máu').inputValue()).toBe('50');
    await expect.poll(() => page.getByTestId('total-blood').innerText()).toBe('1.150');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu bảng chỉ tiêu.').waitFor();
    expect(app.query("SELECT q.blood_units AS b FROM quotas q JOIN units u ON u.id = q.unit_id WHERE u.name = 'Công an thành phố' AND q.month = 0")).toEqual([{ b: 45 }]);
    // The month split is kept by the save.
    expect(app.query('SELECT COUNT(*) AS n, SUM(registrants) AS r FROM quotas WHERE month > 0')).toEqual([{ n: 68, r: 1650 }]);
    await app.screenshot('setup-09-paste-by-alias');
  });
});

/** The clerk had typed one unit before the table came, and leaves one row out. */
describe('quota table over units already typed, one row left out', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await launchApp();
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await completeFirstRun(app.page);
  });
  afterAll(async () => app?.close());

  it('proposes the existing unit, creates the rest, and lists the row left out', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Đơn vị & chỉ tiêu' }).click();
    await page.getByRole('button', { name: '+ Thêm đơn vị' }).click();
    const form = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await form.getByLabel('Tên đơn vị').fill('Công an thành phố Lạng Sơn');
    await form.getByLabel('Loại đơn vị').selectOption({ label: 'Lực lượng vũ trang' });
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm đơn vị “Công an thành phố Lạng Sơn”.').waitFor();
    const existing = app.query<{ id: number }>('SELECT id FROM units')[0].id;

    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await page.getByLabel('Tệp Excel bảng chỉ tiêu').setInputFiles(QUOTA_FILE);
    const dialog = page.getByRole('dialog', { name: 'Đơn vị trong bảng chỉ tiêu' });
    await dialog.waitFor();
    const catp = dialog.getByRole('combobox', { name: 'Đơn vị cho dòng 15' });
    // "CATP" is proposed as the unit already typed, with how sure the proposal is.
    expect(await catp.inputValue()).toBe(String(existing));
    expect(await catp.locator('option:checked').innerText()).toMatch(/^Công an thành phố Lạng Sơn \(giống nhất, \d+%\)$/);
    await dialog.getByRole('combobox', { name: 'Đơn vị cho dòng 22' }).selectOption('skip');
    await app.screenshot('setup-10-confirm-existing-and-skip');
    await dialog.getByRole('button', { name: 'Xác nhận (tạo 15 đơn vị mới)' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Đã nhập chỉ tiêu của 16 đơn vị .*Đã tạo 15 đơn vị mới\./).waitFor();
    expect(app.query('SELECT COUNT(*) AS n FROM units')).toEqual([{ n: 16 }]);
    expect(app.query('SELECT alias FROM unit_aliases WHERE unit_id = ?', existing)).toEqual([{ alias: 'CATP' }]);
    expect(app.query('SELECT SUM(registrants) AS r, SUM(blood_units) AS b FROM quotas WHERE unit_id = ?', existing)).toEqual([{ r: 60, b: 40 }]);
    expect(app.query('SELECT SUM(registrants) AS r, SUM(blood_units) AS b FROM quotas')).toEqual([{ r: 1600, b: 1115 }]);
    await page.getByText('Các dòng của tệp không nhập thành chỉ tiêu (7)').click();
    await page.getByText('Dòng 22: Bỏ qua theo lựa chọn của người dùng “THPT Hoàng Văn Thụ”').waitFor();
    await app.screenshot('setup-11-row-left-out');
  });
});
