import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type E2eApp } from './harness';

/**
 * Issue 15 in Chromium, as a clerk: the dd/mm/yyyy date input, Vietnamese messages naming each
 * invalid field, and the app lock hiding the data at once and giving the work back after unlocking.
 * Screenshots at 1366×768 go to the ignored .tmp/ folder.
 */
const SHOTS = path.resolve(__dirname, '../../.tmp/e2e-screenshots');

describe('issue 15: dates, messages, lock', () => {
  let app: E2eApp;
  const shot = async (name: string) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await app.page.screenshot({ path: path.join(SHOTS, `issue15-${name}.png`) });
  };
  beforeAll(async () => {
    app = await launchApp();
    await app.page.setViewportSize({ width: 1366, height: 768 });
    // a fake clock so the idle time can pass in a second (the renderer's lock timer follows it)
    await app.page.clock.install();
    await app.page.reload();
  });
  afterAll(async () => app?.close());
  const nav = (label: string) => app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: label, exact: true }).click();

  it('first run: typed 28052026 reads 28/05/2026, and an empty required field gets a Vietnamese message under it', async () => {
    const { page } = app;
    await page.getByLabel('Tên cơ quan ban hành văn bản').waitFor();
    const date = page.getByLabel('Ngày hiến máu');
    await date.click();
    await date.pressSequentially('28052026');
    await expect.poll(() => date.inputValue()).toBe('28/05/2026');
    // nothing else filled: the browser's English bubble is replaced by our sentence
    await page.getByLabel('Tên đợt').fill('Đợt 1 năm 2026');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    const msg = page.getByRole('alert').filter({ hasText: 'Hãy nhập “Tên cơ quan ban hành văn bản”.' });
    await msg.waitFor();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Hãy nhập “Địa danh ghi trên văn bản”.' }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent ?? '')).toContain('Tên cơ quan ban hành văn bản');
    await shot('01-first-run-messages');
    expect(app.query('SELECT count(*) AS n FROM campaigns')).toEqual([{ n: 0 }]);

    // a date that does not exist is refused with its own message
    await date.fill('31/02/2026');
    await date.blur();
    await page.getByText('“Ngày hiến máu” không phải một ngày có thật').waitFor();
    await date.fill('');
    await date.pressSequentially('28052026');
    await date.blur();
    await expect.poll(() => page.getByText('không phải một ngày có thật').count()).toBe(0);

    await page.getByLabel('Tên cơ quan ban hành văn bản').fill('BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN');
    await expect.poll(() => msg.count()).toBe(0);
    await page.getByLabel('Địa danh ghi trên văn bản').fill('Lạng Sơn');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
    expect(app.query<{ donation_dates: string }>('SELECT donation_dates FROM campaigns')).toEqual([{ donation_dates: '["2026-05-28"]' }]);
  });

  it('campaign form: dd/mm/yyyy dates, money with thousand separators, a message per invalid field', async () => {
    const { page } = app;
    await nav('Đợt hiến máu');
    await page.getByRole('button', { name: '+ Tạo đợt mới' }).click();
    const deadline = page.getByLabel('Hạn gửi danh sách đăng ký', { exact: true });
    await deadline.click();
    await deadline.pressSequentially('15052026');
    await expect.poll(() => deadline.inputValue()).toBe('15/05/2026');
    const gift = page.getByLabel('Quà tặng 350 ml', { exact: true });
    await gift.fill('');
    await gift.pressSequentially('155000');
    await expect.poll(() => gift.inputValue()).toBe('155.000');
    await page.getByLabel('Ngày hiến máu 1').fill('30/02/2026');
    await page.getByLabel('Ngày hiến máu 1').blur();
    await page.getByRole('button', { name: 'Lưu đợt hiến máu' }).click();
    await page.getByText('Hãy nhập “Tên đợt / chương trình”.').waitFor();
    await page.getByText('“Ngày hiến máu 1” không phải một ngày có thật').waitFor();
    await shot('02-campaign-form-messages');
    await page.getByLabel('Tên đợt / chương trình').fill('Hành trình đỏ 2026');
    await page.getByLabel('Ngày hiến máu 1').fill('20/06/2026');
    await page.getByLabel('Ngày hiến máu 1').blur();
    await page.getByRole('button', { name: 'Lưu đợt hiến máu' }).click();
    await expect.poll(() => app.query<{ n: number }>("SELECT count(*) AS n FROM campaigns WHERE name = 'Hành trình đỏ 2026'")[0].n).toBe(1);
    const c = app.query<{ registration_deadline: string; donation_dates: string; support: string }>("SELECT registration_deadline, donation_dates, support FROM campaigns WHERE name = 'Hành trình đỏ 2026'")[0];
    expect(c.registration_deadline).toBe('2026-05-15');
    expect(c.donation_dates).toBe('["2026-06-20"]');
    expect(JSON.parse(c.support).gift['350']).toBe(155000);
  });

  it('auto-lock hides the CCCD and phone at once, shows the password box, and unlocking gives the work back', async () => {
    const { page } = app;
    // a person on screen
    const campaignId = app.query<{ id: number }>('SELECT id FROM campaigns ORDER BY id LIMIT 1')[0].id;
    await page.evaluate(async (id) => {
      const w = window as unknown as { api: { donationDay: { walkIn(a: unknown): Promise<unknown> } } };
      await w.api.donationDay.walkIn({ campaignId: id, fullName: 'Hà Thị Ngọc Ánh', gender: 'F', birthDate: '1995-04-12', phone: '0912345678', nationalId: '020195001234', createNew: true });
    }, campaignId);
    // the lock, 1 minute
    await nav('Sao lưu & cài đặt');
    await page.getByRole('tab', { name: 'Khoá ứng dụng' }).click();
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Sen hong 2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('Sen hong 2026');
    await page.getByLabel('Tự khoá sau (phút không dùng)').fill('1');
    await page.getByRole('button', { name: 'Bật khoá' }).click();
    await page.getByText(/Đã bật khoá ứng dụng/).waitFor();

    // work in progress: a search typed, a person open with their CCCD and phone
    await nav('Người hiến máu');
    const search = page.getByLabel('Tìm người hiến máu');
    await search.fill('ngoc anh');
    await page.getByRole('row', { name: /Hà Thị Ngọc Ánh/ }).click();
    await page.getByText('020195001234').waitFor();
    await page.getByText('0912345678').first().waitFor();

    // idle for longer than the lock time
    await page.clock.fastForward('01:30');
    const unlockBox = page.getByRole('form', { name: 'Mở khoá Giọt Hồng' });
    await unlockBox.waitFor();
    await expect.poll(() => page.getByText('020195001234').isVisible()).toBe(false);
    expect(await page.getByText('0912345678').first().isVisible()).toBe(false);
    await shot('03-locked');
    // main refuses calls meanwhile
    const refused = await page.evaluate(async () => (window as unknown as { api: { donors: { search(a: unknown): Promise<{ ok: boolean; error?: { code: string } }> } } }).api.donors.search({ q: '' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'APP_LOCKED' } });

    await page.getByLabel('Mật khẩu').fill('sai mật khẩu');
    await page.getByRole('button', { name: 'Mở khoá' }).click();
    await page.getByText(/Mật khẩu không đúng/).waitFor();
    await page.getByLabel('Mật khẩu').fill('Sen hong 2026');
    await page.getByRole('button', { name: 'Mở khoá' }).click();
    await unlockBox.waitFor({ state: 'detached' });
    // same place, same work
    expect(await search.inputValue()).toBe('ngoc anh');
    await page.getByText('020195001234').waitFor();
    expect(page.url()).toContain('#/nguoi-hien-mau');
    await shot('04-unlocked-same-place');
  });

  it('when main locks on its own, the next call raises the lock screen and runs after the unlock', async () => {
    const { page } = app;
    await page.evaluate(async () => (window as unknown as { api: { security: { lock(a: unknown): Promise<unknown> } } }).api.security.lock({}));
    // the screen's next look at the lock (a poll every few seconds) hides the data
    await page.clock.fastForward('00:06');
    const unlockBox = page.getByRole('form', { name: 'Mở khoá Giọt Hồng' });
    await unlockBox.waitFor();
    expect(await page.getByText('020195001234').isVisible()).toBe(false);
    await page.getByLabel('Mật khẩu').fill('Sen hong 2026');
    await page.getByRole('button', { name: 'Mở khoá' }).click();
    await unlockBox.waitFor({ state: 'detached' });
    await page.getByText('020195001234').waitFor();
    expect(app.foreignRequests).toEqual([]);
  });

  it('audit log in Vietnamese with working filters; the delete confirmation takes XÓA or decomposed input', async () => {
    const { page } = app;
    await nav('Sao lưu & cài đặt');
    await page.getByRole('tab', { name: 'Nhật ký thao tác' }).click();
    const table = page.getByRole('table', { name: 'Nhật ký thao tác' });
    await page.getByLabel('Loại thao tác').selectOption({ label: 'Khoá ứng dụng' });
    await table.getByText('Bật khoá ứng dụng').waitFor();
    await page.getByLabel('Loại thao tác').selectOption({ label: 'Ngày hiến máu và kết quả' });
    await table.getByText('Đăng ký hiến tại chỗ').waitFor();
    expect(await table.getByText('Bật khoá ứng dụng').count()).toBe(0);
    expect(await table.textContent()).not.toMatch(/registration\.|lock\.|campaign\./);
    await page.getByLabel('Loại thao tác').selectOption({ label: 'Tất cả' });
    await table.getByText('Tạo đợt hiến máu').first().waitFor();
    await shot('05-audit');

    await page.getByRole('tab', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).click();
    await page.getByLabel('Tìm người').fill('Ngọc Ánh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('button', { name: 'Xoá hẳn…' }).click();
    const confirm = page.getByRole('button', { name: 'Xoá hẳn', exact: true });
    const box = page.getByLabel('Xác nhận');
    await box.fill('XÓA'.normalize('NFD'));
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await box.fill('XÓA');
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await box.fill('XOÁ');
    expect(await confirm.isEnabled()).toBe(true);
    await box.fill('XO');
    expect(await confirm.isEnabled()).toBe(false);
    await page.getByRole('dialog').getByRole('button', { name: 'Huỷ' }).click();
  });

  it('duplicates: the better spelling is proposed and every differing field is marked', async () => {
    const { page } = app;
    const campaignId = app.query<{ id: number }>("SELECT id FROM campaigns WHERE name = 'Hành trình đỏ 2026'")[0].id;
    await page.evaluate(async (id) => {
      const w = window as unknown as { api: { donationDay: { walkIn(a: unknown): Promise<unknown> } } };
      await w.api.donationDay.walkIn({ campaignId: id, fullName: 'Nguyễn Tịh Lan', gender: 'F', birthDate: '1992-03-04', phone: '0987000111', createNew: true });
      await w.api.donationDay.walkIn({ campaignId: id, fullName: 'Nguyễn Thị Lan', gender: 'F', birthDate: '1992-03-04', phone: '0987000111', address: 'Thôn Nà Cạn, xã Hoàng Đồng', createNew: true });
    }, campaignId);
    await page.getByLabel('Đợt đang làm việc').selectOption({ label: 'Hành trình đỏ 2026' });
    await nav('Trùng lặp');
    await page.getByRole('button', { name: 'Tìm lại trùng lặp' }).click();
    const card = page.getByRole('article', { name: /Nguyễn Tịh Lan/ });
    await card.waitFor({ timeout: 60_000 });
    const nameRow = card.getByRole('row', { name: /Họ và tên/ });
    await expect.poll(() => nameRow.getAttribute('class')).toBe('differ');
    await nameRow.getByText('Đề xuất: viết đúng chính tả tiếng Việt').waitFor();
    // the proposed spelling is the one chosen
    expect(await card.getByRole('radio', { name: 'Giữ họ và tên của người thứ hai' }).isChecked()).toBe(true);
    expect(await card.getByRole('row', { name: /Điện thoại/ }).getAttribute('class')).toBe('agree');
    await shot('06-duplicates-proposal');
  });

  it('eligible again: judged on a day the clerk sets (default today), and the person page explains the count', async () => {
    const { page } = app;
    const campaignId = app.query<{ id: number }>("SELECT id FROM campaigns WHERE name = 'Đợt 1 năm 2026'")[0].id;
    const personId = app.query<{ id: number }>("SELECT id FROM people WHERE full_name = 'Hà Thị Ngọc Ánh'")[0].id;
    await page.evaluate(async ([c, p]) => {
      const w = window as unknown as { api: { donationDay: { record(a: unknown): Promise<{ ok: boolean }> } } };
      const r = await w.api.donationDay.record({ campaignId: c, personId: p, outcome: 'donated', volumeMl: 350, date: '2026-05-28' });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }, [campaignId, personId]);
    await nav('Người hiến máu');
    await page.getByRole('tab', { name: 'Đủ điều kiện hiến lại' }).click();
    const asOf = page.getByLabel('Đủ điều kiện tính đến ngày');
    const today = new Date();
    // the page clock was moved forward a little by the lock tests: compare the day only
    await expect.poll(() => asOf.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect((await asOf.inputValue()).slice(-4)).toBe(String(today.getFullYear()));
    await page.getByRole('button', { name: 'Hà Thị Ngọc Ánh' }).waitFor();
    await asOf.fill('');
    await asOf.pressSequentially('01072026');
    await asOf.blur();
    await page.getByText('Chưa có ai').waitFor();
    await asOf.fill('15/09/2026');
    await asOf.blur();
    await page.getByRole('button', { name: 'Hà Thị Ngọc Ánh' }).waitFor();
    await shot('07-eligible-as-of');
    await page.getByRole('button', { name: 'Hà Thị Ngọc Ánh' }).click();
    await page.getByRole('dialog').getByText('1 lần (ghi nhận tại đây)').waitFor();
  });
});
