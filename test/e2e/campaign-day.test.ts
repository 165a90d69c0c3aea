import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type E2eApp } from './harness';
import { createAppContext } from '../../electron/services/create-context';
import { saveOffice } from '../../electron/services/settings/office';
import { createCampaign } from '../../electron/services/campaigns/campaigns';
import { createUnit } from '../../electron/services/units/units';
import { addPerson, addRegistration } from '../services/progress/seed';

/** Campaign → quotas → registrations (as imported) → check-in → results list → progress, in Chromium. */
describe('campaign, quotas, donation day and progress screens', () => {
  let app: E2eApp;
  let campaignId: number;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-e2e-day-'));
    const dbPath = path.join(dir, 'day.sqlite');
    const ctx = createAppContext(dbPath);
    await saveOffice(ctx, { officeName: 'BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN', parentBody: 'UBND THÀNH PHỐ', placeName: 'Lạng Sơn', signerName: '', signerTitle: '', signerAuthority: '', docSuffix: 'BCĐ' });
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    campaignId = (await createCampaign(ctx, { name: 'Hành trình đỏ 2026', donationDates: [iso] })).id;
    const gd = await createUnit(ctx, { name: 'Phòng Giáo dục và Đào tạo', kind: 'agency' });
    const dt = await createUnit(ctx, { name: 'Đoàn thanh niên', kind: 'mass_org' });
    await createUnit(ctx, { name: 'Công an thành phố', kind: 'armed' });
    const people: [string, string | null, string | null, number][] = [
      ['Nguyễn Thị Hồng Vân', '001190012345', '0912345678', gd.id],
      ['Nguyễn Văn An', '001090000111', '0987000111', gd.id],
      ['Đặng Văn Đức', null, '0356111222', dt.id],
      ['Trần Thị Hoà', '038195000999', null, dt.id],
    ];
    people.forEach(([name, nid, phone, unitId], i) => {
      const p = addPerson(ctx, { name, nid, phone, birth: '1990-01-01' });
      addRegistration(ctx, { personId: p, campaignId, unitId, file: unitId === gd.id ? 'gd.xlsx' : 'doan.xlsx', sheet: 'DS', row: 5 + i });
    });
    await ctx.conn.close();
    app = await launchApp({ dbPath });
  });
  afterAll(async () => app?.close());

  const nav = (label: string) => app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: label }).click();
  // each key goes where the clerk's eyes are: wait until the panel (then its field) has the focus
  const focused = (label: string) => expect.poll(() => app.page.getByLabel(label).evaluate((el) => el === document.activeElement)).toBe(true);

  it('edits the campaign with its targets and age limits', async () => {
    const { page } = app;
    await nav('Đợt hiến máu');
    await page.getByRole('row', { name: /Hành trình đỏ 2026/ }).getByRole('button', { name: 'Sửa' }).click();
    await page.getByLabel('Chỉ tiêu người đăng ký').fill('10');
    await page.getByLabel('Chỉ tiêu đơn vị máu').fill('6');
    await page.getByLabel('Nữ: đến tuổi').fill('55');
    await page.getByRole('textbox', { name: 'Hạn gửi danh sách đăng ký' }).fill('15/5/2026');
    await page.getByLabel('Căn cứ (mỗi dòng một văn bản)').fill('Công văn số 02/BCĐ ngày 04/01/2026\nThông báo số 64/CTĐ ngày 14/3/2026');
    await app.screenshot('day-01-campaign-form');
    await page.getByRole('button', { name: 'Lưu đợt hiến máu' }).click();
    await page.getByText('Đã lưu đợt “Hành trình đỏ 2026”.').waitFor();
    expect(app.query('SELECT registration_deadline, target_registrants, target_blood_units, age_max_female, legal_bases FROM campaigns WHERE id = ?', campaignId)).toEqual([
      { registration_deadline: '2026-05-15', target_registrants: 10, target_blood_units: 6, age_max_female: 55, legal_bases: 'Công văn số 02/BCĐ ngày 04/01/2026\nThông báo số 64/CTĐ ngày 14/3/2026' },
    ]);
    await app.screenshot('day-01-campaign');
  });

  it('fills the quota table with the keyboard and shows the difference to the target live', async () => {
    const { page } = app;
    await nav('Đơn vị & chỉ tiêu');
    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await page.getByLabel('Phòng Giáo dục và Đào tạo — Người đăng ký').click();
    await page.keyboard.type('6');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await page.keyboard.type('3');
    await expect.poll(() => page.getByTestId('total-blood').innerText()).toBe('7');
    await page.getByText('thừa 1').waitFor();
    await page.keyboard.press('Backspace');
    await page.keyboard.type('2');
    await page.getByText('khớp chỉ tiêu').waitFor();
    // A block pasted from Excel with unit names in the first column lands on those units' rows.
    await page.getByLabel('Công an thành phố — Người đăng ký').evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'CÔNG AN THÀNH PHỐ\t3\nHội Nông dân\t9\n');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByText('Đã dán. Không tìm thấy đơn vị: Hội Nông dân.').waitFor();
    await expect.poll(() => page.getByTestId('total-registrants').innerText()).toBe('9');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu bảng chỉ tiêu.').waitFor();
    expect(app.query('SELECT u.name, q.registrants, q.blood_units FROM quotas q JOIN units u ON u.id = q.unit_id ORDER BY u.id')).toEqual([
      { name: 'Phòng Giáo dục và Đào tạo', registrants: 6, blood_units: 4 },
      { name: 'Đoàn thanh niên', registrants: null, blood_units: 2 },
      { name: 'Công an thành phố', registrants: 3, blood_units: null },
    ]);
    await app.screenshot('day-02-quotas');
  });

  it('checks people in with the keyboard only and records outcomes', async () => {
    const { page } = app;
    await nav('Ngày hiến máu');
    const search = page.getByLabel('Tìm người đăng ký');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('nguyen an');
    await page.getByRole('option', { name: /Nguyễn Văn An/ }).waitFor();
    await page.keyboard.press('Enter');
    await focused('Ghi kết quả cho Nguyễn Văn An');
    await page.keyboard.press('2');
    await focused('Số giấy chứng nhận');
    await page.keyboard.type('GCN-0001');
    await page.keyboard.press('Enter');
    await page.getByText(/Đã ghi — Nguyễn Văn An: Đã hiến 350 ml, GCN số GCN-0001/).waitFor();
    await focused('Tìm người đăng ký');
    await page.keyboard.type('111222');
    await page.getByRole('option', { name: /Đặng Văn Đức/ }).waitFor();
    await page.keyboard.press('Enter');
    await focused('Ghi kết quả cho Đặng Văn Đức');
    await page.keyboard.press('h');
    await focused('Lý do hoãn hiến');
    await page.keyboard.type('Huyết áp thấp');
    await page.keyboard.press('Enter');
    await page.getByText(/Đã ghi — Đặng Văn Đức: Hoãn: Huyết áp thấp/).waitFor();
    expect(app.query("SELECT p.full_name, d.outcome, d.volume_ml FROM donations d JOIN people p ON p.id = d.person_id ORDER BY d.id")).toEqual([
      { full_name: 'Nguyễn Văn An', outcome: 'donated', volume_ml: 350 },
      { full_name: 'Đặng Văn Đức', outcome: 'deferred', volume_ml: null },
    ]);
    expect(app.query('SELECT serial FROM certificate_serials')).toEqual([{ serial: 'GCN-0001' }]);
    await app.screenshot('day-03-checkin');
  });

  it('adds a walk-in after the duplicate check and imports the blood facility result list', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+n');
    await page.getByLabel('Họ và tên').fill('nguyễn thị hồng vân');
    await page.getByLabel('Số điện thoại').fill('912345678');
    await page.getByRole('button', { name: 'Thêm và mở để ghi kết quả' }).click();
    await page.getByText(/có thể là người này/).waitFor();
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await page.getByLabel('Họ và tên').fill('Lê Văn Mới');
    await page.getByLabel('Số điện thoại').fill('0901234567');
    await page.getByRole('button', { name: 'Thêm và mở để ghi kết quả' }).click();
    await page.getByLabel('Ghi kết quả cho Lê Văn Mới').waitFor();
    await focused('Ghi kết quả cho Lê Văn Mới');
    await page.keyboard.press('1');
    await focused('Số giấy chứng nhận');
    await page.keyboard.press('Enter');
    await page.getByText(/Đã ghi — Lê Văn Mới: Đã hiến 250 ml/).waitFor();

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('KQ');
    ws.addRow(['STT', 'Họ và tên', 'Số CCCD', 'Thể tích (ml)']);
    ws.addRow([1, 'Nguyễn Thị Hồng Vân', 1190012345, 450]);
    ws.addRow([2, 'Trần Thị Hoà', '038195000999', 350]);
    ws.addRow([3, 'Phan Văn Lạ', '001099123456', 250]);
    ws.addRow([4, 'Vũ Thị Chỉ Tên', null, 350]);
    const file = path.join(app.dir, 'ket-qua.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.getByRole('tab', { name: 'Nhập kết quả từ cơ sở tiếp nhận máu' }).click();
    await page.getByLabel('Tệp kết quả của cơ sở tiếp nhận máu').setInputFiles(file);
    await page.getByText(/“ket-qua.xlsx”: 4 dòng — tự khớp 2, ghi là hiến tại chỗ 1, cần chọn 1/).waitFor();
    await page.getByText(/Dòng 4: Phan Văn Lạ — hiến 250 ml/).waitFor();
    await page.getByText(/Dòng 5: Vũ Thị Chỉ Tên — hiến 350 ml/).waitFor();
    // the row waiting for the clerk is kept: leave the screen and come back, it is still there
    await nav('Tổng quan');
    await nav('Ngày hiến máu');
    await page.getByRole('tab', { name: 'Nhập kết quả từ cơ sở tiếp nhận máu' }).click();
    await page.getByText(/Cần chọn đúng người \(1 dòng\)/).waitFor();
    await page.getByText(/Dòng 5: Vũ Thị Chỉ Tên — hiến 350 ml/).waitFor();
    await page.getByText(/Cơ sở máu ghi: chỉ có họ tên/).waitFor();
    await app.screenshot('day-04-review');
    await page.getByRole('button', { name: 'Ghi là người hiến tại chỗ' }).click();
    await page.getByText(/Cần chọn đúng người/).waitFor({ state: 'detached' });
    expect(app.query("SELECT COUNT(*) AS n FROM donations WHERE outcome = 'donated'")).toEqual([{ n: 6 }]);
    expect(app.query("SELECT source_row, registration_id IS NOT NULL AS linked FROM donations WHERE source_file = 'ket-qua.xlsx' ORDER BY source_row")).toEqual([
      { source_row: 2, linked: 1 }, { source_row: 3, linked: 1 }, { source_row: 4, linked: 1 }, { source_row: 5, linked: 1 },
    ]);
    await app.screenshot('day-04-results');

    // A facility list that disagrees with the desk: never overwritten, the clerk chooses.
    const wb2 = new ExcelJS.Workbook();
    const ws2 = wb2.addWorksheet('KQ');
    ws2.addRow(['STT', 'Họ và tên', 'Số CCCD', 'Thể tích (ml)', 'Kết quả']);
    ws2.addRow([1, 'Nguyễn Văn An', '001090000111', 250, 'Đạt']);
    const file2 = path.join(app.dir, 'ket-qua-2.xlsx');
    fs.writeFileSync(file2, Buffer.from(await wb2.xlsx.writeBuffer()));
    await page.getByLabel('Tệp kết quả của cơ sở tiếp nhận máu').setInputFiles(file2);
    await page.getByText(/tại bàn đã ghi "đã hiến 350 ml", danh sách của cơ sở máu ghi "đã hiến 250 ml"/).waitFor();
    expect(app.query("SELECT d.volume_ml FROM donations d JOIN people p ON p.id = d.person_id WHERE p.full_name = 'Nguyễn Văn An'")).toEqual([{ volume_ml: 350 }]);
    await page.getByRole('button', { name: 'Giữ kết quả đã ghi tại bàn' }).click();
    await page.getByText(/Cần chọn đúng người/).waitFor({ state: 'detached' });
    expect(app.query("SELECT d.volume_ml FROM donations d JOIN people p ON p.id = d.person_id WHERE p.full_name = 'Nguyễn Văn An'")).toEqual([{ volume_ml: 350 }]);
  });

  it('shows the progress per unit against its quota and opens a donor page', async () => {
    const { page } = app;
    await nav('Tổng quan');
    const table = page.getByRole('table', { name: 'Tiến độ theo đơn vị' });
    const gd = table.getByRole('row', { name: /Phòng Giáo dục và Đào tạo/ });
    await expect.poll(() => gd.innerText()).toMatch(/6\s+4\s+2\s+2\s+2\s+0\s+33,3%\s+50%/);
    const dt = table.getByRole('row', { name: /Đoàn thanh niên/ });
    await expect.poll(() => dt.innerText()).toMatch(/2\s+2\s+2\s+1\s+1\s+50%/);
    await page.getByText(/1 đơn vị chưa gửi danh sách:/).waitFor();
    await page.getByText('Công an thành phố', { exact: false }).first().waitFor();
    await page.getByRole('img', { name: 'Đơn vị máu theo đơn vị so với chỉ tiêu' }).waitFor();
    await app.screenshot('day-05-overview');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    const xfile = path.join(app.dir, 'tien-do.xlsx');
    await download.saveAs(xfile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xfile);
    const values: unknown[][] = [];
    wb.getWorksheet('Tiến độ')!.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    expect(values.find((r) => r[1] === 'Phòng Giáo dục và Đào tạo')!.slice(2, 8)).toEqual([6, 4, 2, 2, 2, 0]);

    await nav('Người hiến máu');
    await page.getByText('7 người').waitFor();
    await page.getByLabel('Tìm người hiến máu').fill('hong van');
    await page.getByText('1 người', { exact: true }).waitFor();
    await page.getByRole('row', { name: /Nguyễn Thị Hồng Vân/ }).click();
    await page.getByLabel('Hồ sơ Nguyễn Thị Hồng Vân').getByText('Hiến 450 ml').waitFor();
    await app.screenshot('day-06-donors');
    expect(app.foreignRequests).toEqual([]);
  });

  it('copies the campaign for next time and proposes its quotas from this one\'s results', async () => {
    const { page } = app;
    await nav('Đợt hiến máu');
    await page.getByRole('row', { name: /Hành trình đỏ 2026/ }).getByRole('button', { name: 'Sao chép' }).click();
    await page.getByLabel('Tên đợt mới').fill('Hành trình đỏ 2027');
    await page.getByRole('dialog').getByRole('button', { name: 'Tạo đợt mới' }).click();
    await page.getByRole('button', { name: 'Lưu đợt hiến máu' }).click();
    await page.getByText('Đã lưu đợt “Hành trình đỏ 2027”.').waitFor();
    await nav('Đơn vị & chỉ tiêu');
    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await page.getByRole('button', { name: 'Đề xuất theo đợt trước…' }).click();
    await page.getByLabel('Đợt làm căn cứ').selectOption({ label: 'Hành trình đỏ 2026' });
    await page.getByRole('button', { name: 'Đề xuất', exact: true }).click();
    await page.getByText(/Đã đề xuất theo kết quả của 2 đơn vị \(tổng 3\)/).waitFor();
    await expect.poll(() => page.getByTestId('total-blood').innerText()).toBe('6');
    await expect.poll(() => page.getByTestId('total-registrants').innerText()).toBe('10');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu bảng chỉ tiêu.').waitFor();
    const next = app.query<{ id: number }>("SELECT id FROM campaigns WHERE name = 'Hành trình đỏ 2027'")[0].id;
    expect(app.query('SELECT u.name, q.registrants, q.blood_units FROM quotas q JOIN units u ON u.id = q.unit_id WHERE q.campaign_id = ? AND (q.registrants IS NOT NULL OR q.blood_units IS NOT NULL) ORDER BY u.id', next)).toEqual([
      { name: 'Phòng Giáo dục và Đào tạo', registrants: 7, blood_units: 4 },
      { name: 'Đoàn thanh niên', registrants: 3, blood_units: 2 },
    ]);
    await app.screenshot('day-07-proposed-quotas');
  });
});
