import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, SCREENSHOT_DIR, type E2eApp } from './harness';
import { createAppContext } from '../../electron/services/create-context';
import { seedCampaign } from '../services/documents/fixture';
import { foldVietnamese } from '../../shared/domain/text';

/** "In ấn" in Chromium: preview inside the app, issue a number, save the PDF; page 1 of each document kept as PNG. */
describe('documents screen', () => {
  let app: E2eApp;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-e2e-docs-'));
    const dbPath = path.join(dir, 'docs.sqlite');
    const ctx = createAppContext(dbPath);
    await seedCampaign(ctx, { extraPeople: 30 });
    await ctx.conn.close();
    app = await launchApp({ dbPath });
  });
  afterAll(async () => app?.close());

  async function saveCurrent(name: string): Promise<Buffer> {
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: /^Lưu (PDF|tệp Excel)$/ }).click()]);
    const file = path.join(app.dir, name);
    await download.saveAs(file);
    return fs.readFileSync(file);
  }

  function keepPage1(pdf: Buffer, name: string): void {
    const file = path.join(app.dir, `${name}.pdf`);
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(SCREENSHOT_DIR, `documents-${name}`)]);
  }

  it('previews every document inside the app and saves it', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'In ấn' }).click();
    await page.getByRole('heading', { level: 1, name: 'In ấn' }).waitFor();
    for (const [type, label] of [
      ['plan', 'Kế hoạch'], ['invitations', 'Giấy mời'], ['certificates', 'Giấy chứng nhận hiến máu (in lên phôi)'],
      ['honour-certificates', 'Giấy chứng nhận tôn vinh'], ['signature-list', 'Danh sách ký nhận tiền hỗ trợ'], ['result-report', 'Báo cáo kết quả'],
      ['honour-list', 'Danh sách đề nghị khen thưởng'], ['unit-registrants', 'Danh sách đăng ký theo đơn vị'],
    ] as const) {
      await page.getByLabel('Loại văn bản').selectOption({ label });
      await page.getByRole('button', { name: 'Xem trước' }).click();
      await page.locator('iframe[title="Bản xem trước PDF"]').waitFor();
      // the preview shows the new file's name (each type has its own), so the previous one is gone
      const prefix = foldVietnamese(label).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      await page.getByText(new RegExp(`^${prefix}-.*\\.pdf$`)).waitFor();
      const pdf = await saveCurrent(`${type}.pdf`);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      keepPage1(pdf, type);
      if (type === 'plan') await app.screenshot('documents-preview');
    }
    expect(app.query('SELECT COUNT(*) AS n FROM issued_documents')).toEqual([{ n: 0 }]); // previews take no number
    // issue 15, item 13: another type (or option) hides the previous file and its "Lưu PDF"
    await page.getByRole('button', { name: 'Lưu PDF' }).waitFor();
    await page.getByLabel('Loại văn bản').selectOption({ label: 'Báo cáo kết quả' });
    await page.getByText('Bản xem trước sẽ hiện ở đây.').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu PDF' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText(/^bao-cao-ket-qua-.*\.pdf$/).waitFor();
    await page.getByLabel('Trích yếu').fill('Kết quả đợt 1');
    await page.getByText('Bản xem trước sẽ hiện ở đây.').waitFor();
  });

  it('issues the plan with its number and records it', async () => {
    const { page } = app;
    await page.getByLabel('Loại văn bản').selectOption({ label: 'Kế hoạch' });
    const subject = page.getByLabel('Trích yếu');
    // the plan's defaults load after the type changes and replace the form's text: edit until the edit stays
    const wanted = 'Tổ chức hiến máu tình nguyện đợt 1';
    for (let i = 0; i < 20; i++) {
      await subject.fill(wanted);
      await page.waitForTimeout(250);
      if ((await subject.inputValue()) === wanted) break;
    }
    expect(await subject.inputValue()).toBe(wanted);
    await page.getByRole('button', { name: 'Phát hành (cấp số)' }).click();
    await page.getByText('Số: 01/KH-BCĐ').waitFor();
    const pdf = await saveCurrent('plan-issued.pdf');
    const file = path.join(app.dir, 'plan-issued.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Số: 01/KH-BCĐ');
    expect(text).toContain('Tổ chức hiến máu tình nguyện đợt 1');
    expect(app.query('SELECT doc_type, number, title FROM issued_documents')).toEqual([{ doc_type: 'plan', number: 1, title: 'Tổ chức hiến máu tình nguyện đợt 1' }]);
  });

  it('saves certificate positions per printer and prints the calibration page', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Vị trí in phôi' }).click();
    await page.getByLabel('Máy in').fill('Canon LBP2900');
    await page.getByLabel('Họ và tên x').fill('44');
    await page.getByRole('button', { name: 'Lưu và in trang căn chỉnh' }).click();
    await page.getByText('Đã lưu vị trí in cho máy in “Canon LBP2900”.').waitFor();
    await page.locator('iframe[title="Bản xem trước PDF"]').waitFor();
    const pdf = await saveCurrent('calibration.pdf');
    keepPage1(pdf, 'calibration');
    const saved = app.query<{ value: string }>("SELECT value FROM settings WHERE key = 'documents.certificateLayouts'");
    expect(JSON.parse(saved[0].value)['Canon LBP2900'].fields.fullName.x).toBe(44);
  });

  it('issues certificates with serials, voids a spoiled form and reissues it', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Văn bản', exact: true }).click();
    await page.getByLabel('Loại văn bản').selectOption({ label: 'Giấy chứng nhận hiến máu (in lên phôi)' });
    await page.getByLabel('Số phôi của tờ đầu tiên trong khay').fill('AB 000100');
    await page.getByRole('button', { name: 'Phát hành và ghi sổ số phôi' }).click();
    await page.getByText(/^Số phôi AB 000100 – AB \d+$/).waitFor();
    const issued = app.query<{ n: number }>("SELECT COUNT(*) AS n FROM certificate_serials WHERE status = 'issued'")[0].n;
    expect(issued).toBe(app.query<{ n: number }>("SELECT COUNT(*) AS n FROM donations WHERE outcome = 'donated'")[0].n);

    await page.getByRole('tab', { name: 'Sổ số phôi' }).click();
    const answers = ['Kẹt giấy', 'AB 000900'];
    const onDialog = (d: import('playwright-core').Dialog) => void d.accept(answers.shift());
    page.on('dialog', onDialog);
    await page.getByRole('row', { name: /AB 000101/ }).getByRole('button', { name: 'Huỷ số phôi…' }).click();
    await page.getByText('Đã huỷ số phôi AB 000101.', { exact: false }).waitFor();
    await page.getByRole('row', { name: /AB 000101/ }).getByRole('button', { name: 'Cấp lại…' }).click();
    await page.getByText('Đã cấp lại trên tờ phôi số AB 000900.').waitFor();
    page.off('dialog', onDialog);
    expect(app.query("SELECT s.serial, s.status, o.serial AS of FROM certificate_serials s LEFT JOIN certificate_serials o ON o.id = s.reissue_of WHERE s.serial IN ('AB 000101', 'AB 000900') ORDER BY s.serial")).toEqual([
      { serial: 'AB 000101', status: 'void', of: null },
      { serial: 'AB 000900', status: 'issued', of: 'AB 000101' },
    ]);
  });
});
